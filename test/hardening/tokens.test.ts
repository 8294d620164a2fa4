/** Finding 3: a token cannot be derived without the credential's secret, yet stays deterministic. */
import { describe, expect, it } from 'vitest';
import { loadVenueCatalog } from '../../mock-server/fixtures/load-venues.js';
import type { Catalog, Credential } from '../../mock-server/domain/model.js';
import { CREDENTIALS, testServer } from '../support/harness.js';

/** The default catalog with one credential's secret replaced. */
function withSecret(clientId: string, secret: string): Catalog {
  const catalog = loadVenueCatalog();
  const credentials = new Map<string, Credential>(catalog.credentials);
  credentials.set(clientId, { ...credentials.get(clientId)!, clientSecret: secret });
  return { ...catalog, credentials };
}

describe('tokens', () => {
  it('the first token a private copy issues to tenant B is not the token tenant A got from the shared mock', async () => {
    const shared = testServer();
    const tokenA = await shared.login(CREDENTIALS.harbor);
    const copy = testServer();
    const tokenB = await copy.login(CREDENTIALS.thames);
    expect(tokenB).not.toBe(tokenA);
    expect(tokenA).toMatch(/^[0-9a-f]{128}$/);
  });

  it('after a restart, a different credential cannot obtain the token the first client held', async () => {
    const before = testServer();
    const held = await before.login(CREDENTIALS.harbor);
    const after = testServer();
    const attacker = await after.login(CREDENTIALS.ava);
    expect(attacker).not.toBe(held);
    const reply = await after.get('/venues', held);
    expect(reply.status).toBe(401);
  });

  it('depends on the secret: same seed and requests with another secret give another token', async () => {
    const one = testServer({ catalog: withSecret('harbor-pos', 'first-secret-value') });
    const two = testServer({ catalog: withSecret('harbor-pos', 'second-secret-value') });
    const a = await one.login({ client_id: 'harbor-pos', client_secret: 'first-secret-value' });
    const b = await two.login({ client_id: 'harbor-pos', client_secret: 'second-secret-value' });
    expect(a).not.toBe(b);
  });

  it('stays deterministic: same seed, same secrets, same requests give the same tokens', async () => {
    const run = async () => {
      const t = testServer({ seed: 9 });
      return [
        await t.login(CREDENTIALS.harbor),
        await t.login(CREDENTIALS.ava),
        await t.login(CREDENTIALS.harbor),
      ];
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });
});
