import { describe, expect, it } from 'vitest';
import { createContractValidator } from '../contracts/validate/index.js';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

describe('rate limits over the API', () => {
  it('a client over budget gets 429 with Retry-After; after advancing the clock by it, requests succeed again', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    expect((await t.control('PUT', '/rate-limits', { default: { limit: 5, windowSec: 60 } })).status).toBe(
      200,
    );
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await t.get('/venues', token));
    expect(replies.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(replies[4]!.headers.get('x-ratelimit-remaining')).toBe('0');
    const limited = replies[5]!;
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ status: 429, code: 429 });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBe(12);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('5');

    t.clock.advance((retryAfter - 1) * 1000);
    expect((await t.get('/venues', token)).status).toBe(429);
    await t.control('POST', '/clock/advance', { seconds: 1 });
    const again = await t.get('/venues', token);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('Prefer: code=429 answers a 429 that validates against the spec', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const reply = await t.send('GET', '/venues', { token, headers: { prefer: 'code=429' } });
    expect(reply.status).toBe(429);
    const validator = createContractValidator(t.mock.spec);
    const result = validator.validateResponse({
      method: 'GET',
      url: '/2_4/venues',
      status: reply.status,
      responseHeaders: Object.fromEntries(reply.headers),
      responseBody: reply.text,
    });
    expect(result).toMatchObject({ operationId: 'listVenues', valid: true, violations: [] });
    const bad = await t.send('GET', '/venues', { token, headers: { prefer: 'code=teapot' } });
    expect(bad.status).toBe(422);
    expect(bad.body.msg).toMatch(/Prefer/);
  });
});

describe('faults are reproducible', () => {
  it('a 30 % injected 503 over 1,000 requests hits exactly the same requests on every run with a seed', async () => {
    const run = async (seed: number) => {
      const t = testServer({ seed, rateLimit: { enabled: false } });
      const token = await t.login(CREDENTIALS.harbor);
      const added = await t.control('POST', '/faults', {
        id: 'flaky',
        kind: 'error',
        status: 503,
        probability: 0.3,
        match: { operationIds: ['listVenues'] },
      });
      expect(added.status).toBe(201);
      const hits: number[] = [];
      for (let i = 0; i < 1000; i++) if ((await t.get('/venues', token)).status === 503) hits.push(i);
      return hits;
    };
    const first = await run(42);
    expect(first.length).toBeGreaterThan(250);
    expect(first.length).toBeLessThan(350);
    expect(await run(42)).toEqual(first);
    expect(await run(43)).not.toEqual(first);
  });
});

describe('state control', () => {
  it('reset restores state byte-identical to a fresh start', async () => {
    const script = async (t: TestServer) => {
      const token = await t.login(CREDENTIALS.harbor);
      const venue = t.venueId('harbor-grill');
      const booked = await t.put(`/venues/${venue}/book`, token, {
        date: '2026-12-08',
        time: '19:00',
        party_size: 2,
        ...guest(1),
      });
      const list = await t.get('/reservations?from_date=2026-12-01&to_date=2026-12-31', token);
      return [booked.text, list.text].join('\n');
    };
    const fresh = testServer({ volume: { guests: 40, daysOfHistory: 5, daysAhead: 5 } });
    const baseline = await (await fresh.control('GET', '/state')).text();
    const firstRun = await script(fresh);
    fresh.clock.advance(3_600_000);
    expect((await fresh.control('POST', '/reset')).status).toBe(200);
    expect(await (await fresh.control('GET', '/state')).text()).toBe(baseline);
    expect(await script(fresh)).toBe(firstRun);

    const other = testServer({ volume: { guests: 40, daysOfHistory: 5, daysAhead: 5 } });
    expect(await (await other.control('GET', '/state')).text()).toBe(baseline);
  });

  it('export → import round-trips, and a malformed snapshot is refused without touching state', async () => {
    const t = testServer({ volume: { guests: 30, daysOfHistory: 3, daysAhead: 3 } });
    const token = await t.login(CREDENTIALS.harbor);
    const saved = await (await t.control('GET', '/state')).text();
    await t.put(`/venues/${t.venueId('harbor-grill')}/book`, token, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      ...guest(2),
    });
    const changed = await (await t.control('GET', '/state')).text();
    expect(changed).not.toBe(saved);

    const broken = JSON.parse(saved) as { reservations: { venueId: string }[] };
    if (broken.reservations[0]) broken.reservations[0].venueId = 'nope';
    const refused = await t.control('PUT', '/state', broken.reservations[0] ? broken : { version: 2 });
    expect(refused.status).toBe(400);
    expect(await (await t.control('GET', '/state')).text()).toBe(changed);

    expect((await t.control('PUT', '/state', JSON.parse(saved))).status).toBe(200);
    expect(await (await t.control('GET', '/state')).text()).toBe(saved);
  });

  it('reads, sets and advances the clock; holds expire as it moves', async () => {
    const t = testServer();
    const clock = (await (await t.control('GET', '/clock')).json()) as { now: string; mode: string };
    expect(clock).toMatchObject({ now: '2026-12-07T17:00:00.000Z', mode: 'frozen' });
    const set = await t.control('PUT', '/clock', { now: '2026-12-07T20:00:00Z' });
    expect(((await set.json()) as { epochMs: number }).epochMs).toBe(Date.parse('2026-12-07T20:00:00Z'));
    expect((await t.control('PUT', '/clock', { now: 'yesterday' })).status).toBe(400);
    expect((await t.control('POST', '/clock/advance', { seconds: -5 })).status).toBe(400);
  });
});

describe('control access', () => {
  const remote = { incoming: { socket: { remoteAddress: '10.1.2.3' } } };

  it('refuses a non-loopback control request without the admin token, accepts it with the token', async () => {
    const open = testServer();
    const refused = await open.control('GET', '/clock', undefined, remote);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { msg: string }).msg).toMatch(/loopback/);
    expect((await open.control('GET', '/clock')).status).toBe(200);

    const guarded = testServer({ adminToken: 'let-me-in-please' });
    expect((await guarded.control('POST', '/reset', undefined, remote)).status).toBe(403);
    expect(
      (await guarded.control('POST', '/reset', undefined, remote, { 'x-mock-admin-token': 'wrong-token-xx' }))
        .status,
    ).toBe(403);
    expect(
      (
        await guarded.control('POST', '/reset', undefined, remote, {
          'x-mock-admin-token': 'let-me-in-please',
        })
      ).status,
    ).toBe(200);
  });
});

describe('journal and venue actions', () => {
  it('journals API requests with bodies, redacted credentials, filters', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    await t.get('/venues', token);
    await t.get('/nowhere', token);
    const all = (await (await t.control('GET', '/journal')).json()) as {
      entries: { operationId: string | null; status: number; requestBody: string | null }[];
    };
    expect(all.entries.map((e) => e.status)).toEqual([404, 200, 200]);
    expect(all.entries[2]!.requestBody).toContain('[redacted]');
    const venues = (await (await t.control('GET', '/journal?operation_id=listVenues')).json()) as {
      entries: unknown[];
    };
    expect(venues.entries).toHaveLength(1);
    expect((await t.control('GET', '/journal?status=4xx')).status).toBe(200);
  });

  it('seats a party, changes tables, adds a walk-in and works the waitlist', async () => {
    const t = testServer({ start: '2026-12-08T00:00:00Z' }); // 19:00 in New York
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-07',
      time: '19:15',
      party_size: 2,
      ...guest(3),
    });
    const id = booked.body.data.reservation_id as string;
    const moved = await t.control('PUT', `/venues/${venue}/reservations/${id}/tables`, {
      table_numbers: ['12'],
    });
    expect(((await moved.json()) as { table_numbers: string[] }).table_numbers).toEqual(['12']);
    const seated = (await (
      await t.control('POST', `/venues/${venue}/reservations/${id}/seat`, {})
    ).json()) as {
      status: string;
      seated_time: string;
    };
    expect(seated.status).toBe('SEATED');
    expect(seated.seated_time).toBe('2026-12-07T19:00:00.000000');
    const backwards = await t.control('POST', `/venues/${venue}/reservations/${id}/status`, {
      status: 'CONFIRMED',
    });
    expect(backwards.status).toBe(400);
    expect(
      (await t.control('POST', `/venues/${venue}/reservations/${id}/status`, { status: 'COMPLETE' })).status,
    ).toBe(200);

    const walkIn = await t.control('POST', `/venues/${venue}/walk-ins`, {
      party_size: 3,
      first_name: 'Sam',
      last_name: 'Reyes',
    });
    expect(walkIn.status).toBe(201);
    expect(await walkIn.json()).toMatchObject({
      reservation_type: 'WALK_IN',
      status: 'SEATED',
      max_guests: 3,
      arrival_time: '7:00 PM',
    });

    const entry = (await (
      await t.control('POST', `/venues/${venue}/waitlist`, {
        party_size: 2,
        first_name: 'Lee',
        last_name: 'Park',
        quoted_wait_time: 15,
      })
    ).json()) as { id: string };
    const waitlist = await t.get(`/waitlist?venue_id=${venue}`, token);
    expect(waitlist.body.data[0].waitlist_entries.map((w: { id: string }) => w.id)).toContain(entry.id);
    const fromList = await t.control('POST', `/venues/${venue}/waitlist/${entry.id}/seat`, {});
    expect(fromList.status).toBe(200);
    expect((await t.control('POST', `/venues/${venue}/waitlist/${entry.id}/seat`, {})).status).toBe(409);
    expect(
      (await t.control('POST', `/venues/${venue}/walk-ins`, { party_size: 2, shoe_size: 9 })).status,
    ).toBe(400);
  });
});
