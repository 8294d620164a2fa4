import type { SuiteCredentials } from './types.js';

/** The parts of the mock's catalog (mock-server/domain/model.ts) the suite reads credentials from. */
export interface CredentialCatalog {
  credentials: ReadonlyMap<
    string,
    {
      clientId: string;
      clientSecret: string;
      scope:
        | { kind: 'venue_group'; venueGroupId: string }
        | { kind: 'concierge'; conciergeId: string; conciergeGroupId: string }
        | { kind: 'concierge_group'; conciergeGroupId: string };
    }
  >;
}

/**
 * The suite's credentials for a mock: the first venue-group, concierge and concierge-group
 * credential of the mock's venue catalog (the ones it prints at start-up). Ids come from the
 * catalog the server itself uses, so nothing about the fixture is hard-coded here.
 */
export function credentialsFromCatalog(catalog: CredentialCatalog): SuiteCredentials {
  const out: SuiteCredentials = {};
  for (const credential of catalog.credentials.values()) {
    const { clientId, clientSecret, scope } = credential;
    if (scope.kind === 'venue_group' && !out.venueGroup) {
      out.venueGroup = { clientId, clientSecret, venueGroupId: scope.venueGroupId };
    } else if (scope.kind === 'concierge' && !out.concierge) {
      out.concierge = {
        clientId,
        clientSecret,
        conciergeId: scope.conciergeId,
        conciergeGroupId: scope.conciergeGroupId,
      };
    } else if (scope.kind === 'concierge_group' && !out.conciergeGroup) {
      out.conciergeGroup = { clientId, clientSecret, conciergeGroupId: scope.conciergeGroupId };
    }
  }
  // The concierge-group steps need the group the concierge belongs to.
  if (
    out.conciergeGroup &&
    out.concierge &&
    out.conciergeGroup.conciergeGroupId !== out.concierge.conciergeGroupId
  ) {
    delete out.conciergeGroup;
  }
  return out;
}
