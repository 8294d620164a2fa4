import { describe, expect, it } from 'vitest';
import { API_PREFIXES } from '../mock-server/server.js';
import { CREDENTIALS, testServer } from './support/harness.js';

describe('routing and request validation', () => {
  it('answers the same under every version prefix', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const bodies = await Promise.all(
      API_PREFIXES.map(async (p) => (await t.get(`${p}/venues`, token)).body.data),
    );
    for (const body of bodies) expect(body).toEqual(bodies[0]);
  });

  it('unknown routes are 404 and wrong methods 405, both in the SevenRooms envelope', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const missing = await t.get('/nowhere', token);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, code: 404 });
    const wrong = await t.send('PATCH', '/venues', { token });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(wrong.body.msg).toContain('PATCH');
  });

  it('names every offending field, ignores unknown query parameters and refuses JSON bodies', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const bad = await t.get(
      `/venues/${venue}/availability?date=tomorrow&party_size=two&start_time=18:00&end_time=20:00`,
      token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.msg).toContain('date');
    expect(bad.body.msg).toContain('party_size');
    const unknown = await t.get(`/venues?colour=blue`, token);
    expect(unknown.status).toBe(200);
    const json = await t.send('PUT', `/venues/${venue}/book`, {
      token,
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    const jsonBody = await t.app.request(`/2_4/venues/${venue}/book`, {
      method: 'PUT',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2026-12-08' }),
    });
    expect(jsonBody.status).toBe(400);
    expect(((await jsonBody.json()) as { msg: string }).msg).toMatch(/form-encoded/);
  });

  it('serves the spec it routes from', async () => {
    const t = testServer();
    const yaml = await t.app.request('/openapi.yaml');
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toContain('openapi: 3.1');
    const json = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(json.paths)).toContain('/venues/{venue_id}/book');
  });
});

describe('determinism', () => {
  it('same seed, same clock, same requests → byte-identical responses', async () => {
    const run = async (seed: number) => {
      const t = testServer({ seed });
      const token = await t.login(CREDENTIALS.harbor);
      const venue = t.venueId('harbor-grill');
      const out: string[] = [];
      out.push(
        (
          await t.put(`/venues/${venue}/book`, token, {
            date: '2026-12-08',
            time: '19:00',
            party_size: 4,
            first_name: 'A',
            last_name: 'B',
            phone: '+12125550199',
          })
        ).text,
      );
      out.push(
        (
          await t.get(
            `/venues/${venue}/availability?date=2026-12-08&party_size=4&start_time=18:00&end_time=20:00`,
            token,
          )
        ).text,
      );
      out.push((await t.get('/reservations?from_date=2026-12-01&to_date=2026-12-31', token)).text);
      return out.join('\n');
    };
    const a = await run(7);
    expect(await run(7)).toBe(a);
    expect(await run(8)).not.toBe(a);
  });
});

describe('form encoding', () => {
  it('explains that a bare + in a phone arrives as a space', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const res = await t.app.request(`/2_4/venues/${t.venueId('harbor-grill')}/book`, {
      method: 'PUT',
      headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'date=2026-12-08&time=19:00&party_size=2&first_name=Ada&last_name=Lovelace&phone=+12125550143',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { msg: string }).msg).toMatch(
      /phone starts with a space: a "\+" must be URL-encoded as %2B/,
    );
  });
});

describe('CORS', () => {
  it('lets browsers call the API: preflight, and the headers on every answer, errors included', async () => {
    const t = testServer();
    const preflight = await t.app.request('/2_4/venues', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const token = await t.login(CREDENTIALS.harbor);
    for (const reply of [await t.get('/venues', token), await t.get('/venues')]) {
      expect(reply.headers.get('access-control-allow-origin')).toBe('*');
      expect(reply.headers.get('access-control-expose-headers')).toContain('Retry-After');
    }
  });
});
