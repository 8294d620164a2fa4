import type { SuiteCredentials, Target } from '../types.js';
import { createUrlTarget } from './url.js';

/** Environment variables the real-API target reads. */
export const REAL_ENV = {
  baseUrl: 'SEVENROOMS_BASE_URL',
  clientId: 'SEVENROOMS_CLIENT_ID',
  clientSecret: 'SEVENROOMS_CLIENT_SECRET',
  venueGroupId: 'SEVENROOMS_VENUE_GROUP_ID',
  conciergeClientId: 'SEVENROOMS_CONCIERGE_CLIENT_ID',
  conciergeClientSecret: 'SEVENROOMS_CONCIERGE_CLIENT_SECRET',
  conciergeId: 'SEVENROOMS_CONCIERGE_ID',
  conciergeGroupId: 'SEVENROOMS_CONCIERGE_GROUP_ID',
} as const;

/**
 * The real SevenRooms API, configured from the environment: `SEVENROOMS_BASE_URL` (e.g.
 * `https://demo.sevenrooms.com/api-ext/2_4`), `SEVENROOMS_CLIENT_ID`, `SEVENROOMS_CLIENT_SECRET`,
 * optional `SEVENROOMS_VENUE_GROUP_ID`, and optionally a concierge credential
 * (`SEVENROOMS_CONCIERGE_CLIENT_ID`, `_CLIENT_SECRET`, `SEVENROOMS_CONCIERGE_ID`, `_GROUP_ID`).
 * Throws a message listing what is missing. The suite treats the target as read-only unless
 * writes are allowed explicitly.
 */
export function createRealTarget(env: NodeJS.ProcessEnv = process.env): {
  target: Target;
  credentials: SuiteCredentials;
} {
  const missing = [REAL_ENV.baseUrl, REAL_ENV.clientId, REAL_ENV.clientSecret].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`The real SevenRooms target needs these environment variables: ${missing.join(', ')}.`);
  }
  const credentials: SuiteCredentials = {
    venueGroup: {
      clientId: env[REAL_ENV.clientId] as string,
      clientSecret: env[REAL_ENV.clientSecret] as string,
      ...(env[REAL_ENV.venueGroupId] ? { venueGroupId: env[REAL_ENV.venueGroupId] } : {}),
    },
  };
  const conciergeId = env[REAL_ENV.conciergeId];
  const conciergeClientId = env[REAL_ENV.conciergeClientId];
  const conciergeClientSecret = env[REAL_ENV.conciergeClientSecret];
  if (conciergeId && conciergeClientId && conciergeClientSecret) {
    credentials.concierge = {
      clientId: conciergeClientId,
      clientSecret: conciergeClientSecret,
      conciergeId,
      ...(env[REAL_ENV.conciergeGroupId] ? { conciergeGroupId: env[REAL_ENV.conciergeGroupId] } : {}),
    };
  }
  const baseUrl = env[REAL_ENV.baseUrl] as string;
  return {
    target: createUrlTarget(baseUrl, { kind: 'real', name: `SevenRooms ${new URL(baseUrl).host}` }),
    credentials,
  };
}
