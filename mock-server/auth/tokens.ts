import { createHmac } from 'node:crypto';
import { unauthorized } from '../errors.js';
import type { Credential } from '../domain/model.js';
import type { TokenRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/** Token lifetime: the public docs say 24 hours. */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** `POST /auth`: exchanges a client id and secret for a token. Wrong secrets and unknown ids look alike. */
export function issueToken(store: Store, clientId: string, clientSecret: string): TokenRecord {
  const credential = store.catalog.credentials.get(clientId);
  if (!credential || credential.clientSecret !== clientSecret) {
    throw unauthorized('Invalid client_id or client_secret');
  }
  const now = store.clock.now();
  // Tokens sit in the map in the order they were issued, all with the same lifetime: the expired ones
  // are at the front, so pruning stops at the first live one instead of scanning every token.
  for (const [token, record] of store.tokens) {
    if (record.expiresMs > now) break;
    store.tokens.delete(token);
  }
  const record: TokenRecord = {
    token: mintToken(credential, store.ids.token()),
    clientId,
    expiresMs: now + TOKEN_TTL_MS,
  };
  store.tokens.set(record.token, record);
  return record;
}

/**
 * 128 hex characters, as the real `/auth` returns: an HMAC keyed by the credential's secret over its
 * client id and a nonce from the seeded stream. Same seed, secrets and requests give the same tokens
 * (determinism), yet without the secret no token can be derived — not from the seed, not from a
 * private copy of the mock, not from another tenant's tokens.
 */
function mintToken(credential: Credential, nonce: string): string {
  return createHmac('sha512', credential.clientSecret)
    .update(`${credential.clientId}\n${nonce}`)
    .digest('hex');
}

/**
 * Resolves the `Authorization` header to a credential. The real API takes the raw token, so a
 * `Bearer` prefix is refused with a message that says exactly that.
 */
export function authenticateRequest(store: Store, header: string | undefined): Credential {
  if (!header)
    throw unauthorized(
      'Missing Authorization header: send the token from POST /auth as the raw header value',
    );
  const value = header.trim();
  if (/^bearer\s/i.test(value)) {
    throw unauthorized(
      'Authorization must be the raw token from POST /auth, without a "Bearer " prefix (SevenRooms convention)',
    );
  }
  const record = store.tokens.get(value);
  if (!record) throw unauthorized('Invalid or unknown token; authenticate again with POST /auth');
  if (record.expiresMs <= store.clock.now()) {
    store.tokens.delete(value);
    throw unauthorized('Token has expired; authenticate again with POST /auth');
  }
  const credential = store.catalog.credentials.get(record.clientId);
  if (!credential) throw unauthorized('Invalid or unknown token; authenticate again with POST /auth');
  return credential;
}

/** Reads the credential's client id without failing (for rate-limit keys), or null. */
export function peekClientId(store: Store, header: string | undefined): string | null {
  if (!header) return null;
  return store.tokens.get(header.trim())?.clientId ?? null;
}
