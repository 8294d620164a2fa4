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
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('refuses a blind "simple" POST from another page, and leaves state alone', async () => {
    const t = testServer();
    const clock = async () => (await t.control('GET', '/clock')).json();
    const before = await clock();
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      // Another port of the same host is another origin (a dev server next to the mock).
      { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:4010' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of cases) {
      const res = await t.app.request('/_mock/clock/advance', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...headers },
        body: JSON.stringify({ seconds: 3600 }),
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { msg: string }).msg).toMatch(/other origins/);
    }
    expect(await clock()).toEqual(before);
  });

  it('still answers its own pages (the dashboard, /docs) and clients that are not browsers', async () => {
    const t = testServer();
    const own = { origin: 'http://127.0.0.1:4010', host: '127.0.0.1:4010', 'sec-fetch-site': 'same-origin' };
    const advanced = await t.control('POST', '/clock/advance', { seconds: 60 }, undefined, own);
    expect(advanced.status).toBe(200);
    expect((await t.control('POST', '/clock/advance', { seconds: 60 })).status).toBe(200);
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
