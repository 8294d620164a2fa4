/**
 * Many isolated worlds in one mock: what a CI suite with parallel workers relies on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

/** A control reply's JSON (tests read fields freely; the spec tests check shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();

const SMALL = { guests: 12, daysOfHistory: 2, daysAhead: 2 };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function receiver() {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, bodies };
}

async function newWorld(t: TestServer, body: Record<string, unknown>) {
  const res = await t.control('POST', '/worlds', body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; base_url: string; seed: number; reservations: number };
}

/** A world's own view: API and control requests under /worlds/{id}. */
function inWorld(t: TestServer, id: string) {
  const base = `/worlds/${id}`;
  return {
    login: async () => {
      const r = await t.send('POST', `${base}/2_4/auth`, { form: CREDENTIALS.harbor });
      return r.body.data.token as string;
    },
    get: (path: string, token?: string) => t.send('GET', `${base}/2_4${path}`, { token }),
    put: (path: string, token: string, form: Record<string, string | number>) =>
      t.send('PUT', `${base}/2_4${path}`, { token, form }),
    control: async (method: string, path: string, body?: unknown) => {
      const res = await t.app.request(`${base}/_mock${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    state: async () => (await t.app.request(`${base}/_mock/state`)).text(),
  };
}

describe('worlds on demand', () => {
  it('two worlds with the same seed start identical, then a booking, a clock move, a 429, a webhook and a reset in one stay invisible in the other', async () => {
    const t = testServer();
    closers.push(() => t.mock.close());
    const a = inWorld(t, (await newWorld(t, { seed: 7, volume: SMALL })).id);
    const b = inWorld(t, (await newWorld(t, { seed: 7, volume: SMALL })).id);
    const initial = await a.state();
    expect(await b.state()).toBe(initial);
    expect(JSON.parse(initial).reservations.length).toBeGreaterThan(0);

    const tokenA = await a.login();
    const tokenB = await b.login();
    // Same seed, same requests: the same token string — yet each is valid only in its own world.
    expect(tokenB).toBe(tokenA);
    const venue = t.venueId('harbor-grill');

    // A booking in A …
    const booked = await a.put(`/venues/${venue}/book`, tokenA, {
      date: '2026-12-09',
      time: '18:00',
      party_size: 2,
      ...guest(1),
    });
    expect(booked.status).toBe(200);
    const id = booked.body.data.reservation_id as string;
    expect((await a.get(`/reservations/${id}`, tokenA)).status).toBe(200);
    expect((await b.get(`/reservations/${id}`, tokenB)).status).toBe(404);
    expect((await t.get(`/reservations/${id}`, await t.login(CREDENTIALS.harbor))).status).toBe(404);

    // … a clock move in A …
    await a.control('POST', '/clock/advance', { seconds: 7200 });
    expect((await a.control('GET', '/clock')).body.now).toBe('2026-12-07T19:00:00.000Z');
    expect((await b.control('GET', '/clock')).body.now).toBe('2026-12-07T17:00:00.000Z');
    expect((await json(t.control('GET', '/clock'))).now).toBe('2026-12-07T17:00:00.000Z');

    // … a 429 in A …
    await a.control('PUT', '/rate-limits', { default: { limit: 2, windowSec: 60 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await a.get('/venues', tokenA)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await b.get('/venues', tokenB)).status).toBe(200);
    // B's buckets hold only B's own requests, under B's untouched budget.
    const bBuckets = (await b.control('GET', '/rate-limits')).body.buckets as {
      limit: number;
      remaining: number;
    }[];
    expect(bBuckets.map((x) => [x.limit, x.remaining])).toEqual([
      [600, 599],
      [600, 598],
    ]);

    // … a webhook from A …
    const sink = await receiver();
    await a.control('POST', '/webhooks/endpoints', { url: sink.url });
    expect((await b.control('GET', '/webhooks/endpoints')).body.endpoints).toEqual([]);
    await a.control('PUT', '/rate-limits', { enabled: false });
    await a.put(`/venues/${venue}/book`, tokenA, {
      date: '2026-12-09',
      time: '19:00',
      party_size: 2,
      ...guest(2),
    });
    await b.put(`/venues/${venue}/book`, tokenB, {
      date: '2026-12-09',
      time: '20:00',
      party_size: 2,
      ...guest(3),
    });
    for (const w of t.mock.worlds.list()) await w.webhooks.flush();
    const sent = sink.bodies.flatMap(
      (body) => JSON.parse(body) as { entity: { last_name?: string; client?: unknown } }[],
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent)).toContain(guest(2).first_name);
    expect(JSON.stringify(sent)).not.toContain(guest(3).first_name);

    // … and a reset of A: A is back to the shared start; B keeps its booking.
    const bState = await b.state();
    await a.control('POST', '/reset');
    expect(await a.state()).toBe(initial);
    expect(await b.state()).toBe(bState);
    expect(await b.state()).not.toBe(initial);
  });

  it('bounds the number of worlds with a clear 429, refuses a taken id with 409, and ends idle worlds', async () => {
    const t = testServer({ maxWorlds: 2, worldIdleMs: 300 });
    closers.push(() => t.mock.close());
    const empty = { guests: 0, daysOfHistory: 0, daysAhead: 0 };
    await newWorld(t, { id: 'worker-1', volume: empty });
    expect((await t.control('POST', '/worlds', { id: 'worker-1' })).status).toBe(409);
    await newWorld(t, { id: 'worker-2', volume: empty });
    const third = await t.control('POST', '/worlds', { volume: empty });
    expect(third.status).toBe(429);
    expect((await json(third)).msg).toMatch(
      /World limit reached: 2 worlds .*--max-worlds 2.*DELETE \/_mock\/worlds/,
    );

    expect((await t.control('DELETE', '/worlds/worker-2')).status).toBe(200);
    expect((await t.send('POST', '/worlds/worker-2/2_4/auth', { form: CREDENTIALS.harbor })).status).toBe(
      404,
    );
    expect((await t.control('DELETE', '/worlds/default')).status).toBe(409);
    expect((await t.control('DELETE', '/worlds/nope')).status).toBe(404);
    expect((await t.send('GET', '/worlds/worker-1/_mock/worlds')).status).toBe(404);

    // worker-1 stays alive while used; an idle world ends after the timeout.
    await newWorld(t, { id: 'idle', volume: empty });
    await new Promise((r) => setTimeout(r, 200));
    expect((await t.send('GET', '/worlds/worker-1/_mock/health')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    await newWorld(t, { id: 'worker-3', volume: empty });
    const listed = (await json(t.control('GET', '/worlds'))) as { worlds: { id: string }[] };
    expect(listed.worlds.map((w) => w.id)).toEqual(['default', 'worker-1', 'worker-3']);
    expect((await t.send('GET', '/worlds/idle/_mock/health')).status).toBe(404);
  });

  it('server.createWorld gives the same isolated world in-process, and bad requests are named', async () => {
    const t = testServer();
    closers.push(() => t.mock.close());
    const world = await t.mock.createWorld({
      seed: 3,
      clock: '2027-01-01T12:00:00Z',
      volume: { guests: 0, daysOfHistory: 0, daysAhead: 0 },
    });
    expect(world.clock.now()).toBe(Date.parse('2027-01-01T12:00:00Z'));
    const auth = await t.send('POST', `/worlds/${world.id}/2_4/auth`, { form: CREDENTIALS.harbor });
    expect(auth.status).toBe(200);
    expect(world.store.tokens.size).toBe(1);
    expect(t.mock.store.tokens.size).toBe(0);
    const bad = await t.control('POST', '/worlds', { clock: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).msg).toContain('clock');
    const badScenario = await t.control('POST', '/worlds', { scenario: 'no-such-scenario' });
    expect(badScenario.status).toBe(400);
  });
});
