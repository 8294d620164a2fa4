/** A web page in a developer's browser must not drive or read the control API on loopback. */
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, testServer } from '../support/harness.js';

describe('the control API refuses cross-origin browsers', () => {
  it('answers no preflight and carries no CORS headers, for the default world and any other', async () => {
    const t = testServer();
    const origin = { origin: 'https://evil.example', 'access-control-request-method': 'POST' };
    for (const path of ['/_mock/clock/advance', '/worlds/w1/_mock/reset']) {
      const preflight = await t.app.request(path, { method: 'OPTIONS', headers: origin });
      expect(preflight.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    for (const path of ['/journal', '/state', '/clock']) {
      const res = await t.control('GET', path, undefined, undefined, { origin: 'https://evil.example' });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('still lets browsers call the API itself from any origin', async () => {
    const t = testServer();
    const preflight = await t.app.request('/2_4/venues', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const token = await t.login(CREDENTIALS.harbor);
    const res = await t.get('/venues', token);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
