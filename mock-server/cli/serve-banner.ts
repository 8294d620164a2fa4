import { startupBanner } from '../banner.js';
import { isLoopback } from '../control/access.js';
import type { LoadedScenario } from '../seed/scenario.js';
import { frozenClockBannerNote } from '../webhooks/frozen-clock.js';
import type { MockServer, MockServerOptions } from '../server.js';

export interface ServeBannerInput {
  url: string;
  /** Where the control API answers (the API's URL unless --control-port). */
  controlUrl: string;
  mock: MockServer;
  clockText: string | undefined;
  scenario: LoadedScenario | undefined;
  options: MockServerOptions;
  host: string;
  /** Milliseconds until state was restored from (or first written to) the data directory. */
  readyMs?: number | undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The start-up text of `serve`: where everything is, then what is switched on — seeded data, rate
 * limits, faults, webhooks, persistence — so a surprise 429 or 503 is never a mystery.
 */
export function serveBanner({
  url,
  controlUrl,
  mock,
  clockText,
  scenario,
  options,
  host,
  readyMs,
}: ServeBannerInput): string {
  const lines: string[] = [];
  if (mock.controlApp)
    lines.push(`Control API:  ${controlUrl}/_mock  (spec: ${controlUrl}/_mock/openapi.yaml)`);
  lines.push(`Docs:         ${url}/docs`);
  if (mock.controlApp) lines.push(`Dashboard:    ${controlUrl}/_mock/ui/`);
  lines.push(
    `Clock:        ${new Date(mock.clock.now()).toISOString()} (${clockText ?? 'frozen by the scenario'})`,
  );
  if (scenario) lines.push(`Scenario:     ${scenario.name} — ${scenario.description}`);
  const frozenNote = frozenClockBannerNote(mock.clock);
  if (frozenNote) lines.push(frozenNote);
  const seeded = mock.seeded;
  lines.push(
    `Seeded:       ${count(seeded.guests)} guests, ${count(seeded.reservations)} reservations, ${count(seeded.waitlist)} waitlist entries, ${count(seeded.charges)} charges`,
  );
  const limits = mock.rateLimits.getConfig();
  const classes = Object.entries(limits.classes).map(([name, b]) => `${name} ${b.limit}/${b.windowSec}s`);
  lines.push(
    limits.enabled
      ? `Rate limits:  ${limits.default.limit} requests per ${limits.default.windowSec} s per credential and operation class${classes.length ? ` (${classes.join(', ')})` : ''}`
      : 'Rate limits:  off (headers still sent)',
  );
  const faults = mock.faults.list();
  lines.push(
    faults.length === 0
      ? 'Faults:       none (add with ctl fault-add or a Prefer header)'
      : `Faults:       ${faults.length} rule${faults.length === 1 ? '' : 's'}: ${faults.map((f) => `${f.kind}${f.kind === 'error' ? ` ${f.status}` : ''}${f.probability < 1 ? ` p=${f.probability}` : ''}`).join(', ')}`,
  );
  const endpoints = mock.webhooks.endpoints.list();
  if (endpoints.length === 0) lines.push('Webhooks:     none (add with --webhook URL)');
  for (const endpoint of endpoints) lines.push(`Webhook:      ${endpoint.url}  secret ${endpoint.secret}`);
  const worlds = mock.worlds.list().length;
  lines.push(
    options.dataDir
      ? `Persistence:  ${options.dataDir} (${worlds} world${worlds === 1 ? '' : 's'}, ${count(mock.store.reservations.size)} reservations in the default one; ready in ${readyMs ?? 0} ms)`
      : 'Persistence:  none, state is in memory (keep it with --data-dir DIR)',
  );
  if (!isLoopback(host) && !options.adminToken) {
    lines.push(
      'Note:         listening beyond loopback without --admin-token: the control API answers loopback clients only',
    );
  }
  return startupBanner(url, mock.catalog, lines);
}
