import type { Catalog } from './domain/model.js';

/** The start-up text: where the mock listens and which credentials it accepts, with each one's scope. */
export function startupBanner(url: string, catalog: Catalog, extra: string[] = []): string {
  const lines = [
    `sevenrooms-mock listening on ${url}`,
    `  API base:     ${url}/2_4  (also /2_2, /api-ext/2_4, /api-ext/2_2)`,
    `  Spec:         ${url}/openapi.yaml`,
  ];
  lines.push(...extra.map((l) => `  ${l}`));
  lines.push('', 'Credentials (POST /2_4/auth with form client_id, client_secret):');
  for (const cred of catalog.credentials.values()) {
    const scope = cred.scope;
    const scoped =
      scope.kind === 'venue_group'
        ? `venue_group_id=${scope.venueGroupId}`
        : scope.kind === 'concierge'
          ? `concierge_id=${scope.conciergeId}`
          : `concierge_group_id=${scope.conciergeGroupId}`;
    lines.push(`  ${cred.clientId.padEnd(12)} ${cred.clientSecret.padEnd(20)} ${scoped}`);
    lines.push(`  ${''.padEnd(12)} ${''.padEnd(20)} (${cred.description})`);
  }
  lines.push('', 'Venues:');
  for (const venue of catalog.venues.values()) {
    lines.push(`  ${String(venue.profile.name).padEnd(20)} ${venue.id}  ${venue.timeZone}`);
  }
  return lines.join('\n');
}
