/**
 * --data-dir: state survives restarts and crashes; foreign directories are refused. (The SIGKILL
 * soak over many rounds is `npm run soak:crash`; these are the behaviours it relies on.)
 */
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirError } from '../mock-server/persist/data-dir.js';
import type { MockServerOptions } from '../mock-server/server.js';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

/** A control reply's JSON (tests read fields freely; the spec tests check shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();

const dirs: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const t of servers.splice(0)) await t.mock.close({ snapshot: false }).catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sevenrooms-mock-test-'));
  dirs.push(dir);
  return dir;
}

async function open(dataDir: string, options: MockServerOptions = {}): Promise<TestServer> {
  const t = testServer({ dataDir, volume: { guests: 10, daysOfHistory: 1, daysAhead: 1 }, ...options });
  await t.mock.ready;
  servers.push(t);
  return t;
}

/** A crash as far as the disk can tell: nothing more is written, no final snapshot. */
async function crash(t: TestServer): Promise<void> {
  servers.splice(servers.indexOf(t), 1);
  await t.mock.close({ snapshot: false });
}

const venueOf = (t: TestServer) => t.venueId('harbor-grill');
const book = (t: TestServer, token: string, n: number, time = '18:00') =>
  t.put(`/venues/${venueOf(t)}/book`, token, { date: '2026-12-09', time, party_size: 2, ...guest(n) });

describe('--data-dir', () => {
  it('after a crash, bookings, tokens, the moved clock, faults and limits are back, and ids continue exactly as without the crash', async () => {
    const steps = async (t: TestServer) => {
      const token = await t.login(CREDENTIALS.harbor);
      const first = await book(t, token, 1);
      await t.control('POST', '/clock/advance', { seconds: 1800 });
      await t.control('POST', '/faults', {
        id: 'slow-venues',
        kind: 'latency',
        latency: 1,
        probability: 0,
        match: { operationIds: ['listVenues'] },
      });
      await t.control('PUT', '/rate-limits', { classes: { write: { limit: 50, windowSec: 60 } } });
      const hold = await t
        .post(`/venues/${venueOf(t)}/holds`, token, { date: '2026-12-09', time: '20:00', party_size: 2 })
        .catch(() => null);
      return { token, first, hold };
    };
    // The same requests on a mock that never stops…
    const steady = testServer({ volume: { guests: 10, daysOfHistory: 1, daysAhead: 1 } });
    servers.push(steady);
    const s = await steps(steady);
    const steadyNext = await book(steady, s.token, 2, '19:00');

    // …and on one that crashes after them.
    const dir = tempDir();
    const before = await open(dir);
    const b = await steps(before);
    expect(b.first.body.data.reservation_id).toBe(s.first.body.data.reservation_id);
    const shown = (await before.get(`/reservations/${b.first.body.data.reservation_id}`, b.token)).body.data;
    await crash(before);

    const after = await open(dir);
    expect((await after.get(`/reservations/${b.first.body.data.reservation_id}`, b.token)).body.data).toEqual(
      shown,
    );
    expect((await json(after.control('GET', '/clock'))).now).toBe('2026-12-07T17:30:00.000Z');
    expect((await json(after.control('GET', '/faults'))).rules.map((r: { id: string }) => r.id)).toEqual([
      'slow-venues',
    ]);
    expect((await json(after.control('GET', '/rate-limits'))).config.classes.write).toEqual({
      limit: 50,
      windowSec: 60,
    });
    // The next booking gets the id (and reference code) the never-stopped mock gave: streams resumed
    // where they were, so nothing repeats.
    const next = await book(after, b.token, 2, '19:00');
    expect(next.status).toBe(200);
    expect(next.body.data).toEqual(steadyNext.body.data);
    expect(next.body.data.reservation_id).not.toBe(b.first.body.data.reservation_id);
  });

  it('compacts the log into snapshots and restores from them; a torn last line is cut off', async () => {
    const dir = tempDir();
    const t = await open(dir, { persistence: { compactEntries: 5 } });
    const token = await t.login(CREDENTIALS.harbor);
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) {
      const r = await book(t, token, n, ['17:00', '17:30', '18:00', '18:30', '19:00', '19:30'][n % 6]);
      expect(r.status).toBe(200);
      ids.push(r.body.data.reservation_id as string);
      await t
        .put(`/venues/${venueOf(t)}/book`, token, {
          date: '2026-12-10',
          time: '18:00',
          party_size: 2,
          ...guest(100 + n),
        })
        .catch(() => null);
    }
    await new Promise((r) => setTimeout(r, 50));
    await crash(t);
    const files = readdirSync(join(dir, 'worlds', 'default'));
    const snapshots = files.filter((f) => f.startsWith('snapshot-'));
    expect(snapshots.length).toBe(1);
    expect(Number(/\d+/.exec(snapshots[0]!)![0])).toBeGreaterThan(3);
    // A write the crash cut in half.
    const log = files
      .filter((f) => f.startsWith('log-'))
      .sort()
      .at(-1)!;
    appendFileSync(join(dir, 'worlds', 'default', log), '{"k":"r","t":1796662800000,"p":{"ids":1');

    const after = await open(dir);
    for (const id of ids) expect((await after.get(`/reservations/${id}`, token)).status).toBe(200);
    expect((await book(after, token, 99, '21:00')).status).toBe(200);
  });

  it('a paylink deadline restored from a snapshot still cancels the unpaid reservation when the clock passes it', async () => {
    const dir = tempDir();
    const t = await open(dir);
    const token = await t.login(CREDENTIALS.ava);
    const booked = await t.put(`/concierge/${t.conciergeId('ava')}/venues/${venueOf(t)}/book`, token, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      ...guest(1),
      payment_by_paylink: true,
      paylink_cancel_time: 30,
    });
    expect(booked.status).toBe(200);
    const id = booked.body.data.reservation_id as string;
    // A clean stop writes a snapshot: the paylink comes back with it, not by replaying the booking.
    servers.splice(servers.indexOf(t), 1);
    await t.mock.close();

    const after = await open(dir);
    const status = async () =>
      (await after.get(`/reservations/${id}`, await after.login(CREDENTIALS.harbor))).body.data.status;
    expect(await status()).toBe('CONFIRMED');
    await after.control('POST', '/clock/advance', { seconds: 31 * 60 });
    expect(await status()).toBe('CANCELED');
  });

  it('webhook deliveries a receiver missed are sent after a restart; dead-lettered ones stay redeliverable', async () => {
    const dir = tempDir();
    const received: string[] = [];
    let up = false;
    const fetchStub: typeof fetch = async (_url, init) => {
      if (!up) return new Response('down', { status: 503 });
      received.push(String(init?.body));
      return new Response('ok');
    };
    const webhooks = { fetch: fetchStub, retrySchedule: [60_000], batchWindowMs: 0 };
    const t = await open(dir, { webhooks });
    await t.control('POST', '/webhooks/endpoints', {
      url: 'http://127.0.0.1:9/hooks',
      events: ['reservation.created'],
    });
    const token = await t.login(CREDENTIALS.harbor);
    // The first booking's event fails twice and is dead-lettered…
    await book(t, token, 1);
    await t.mock.webhooks.flush();
    t.clock.advance(61_000);
    await t.mock.webhooks.flush();
    const dead = t.mock.webhooks.deliveries.list({ state: 'dead_lettered' });
    expect(dead.length).toBe(1);
    // …the second one's is waiting for its retry when the mock dies.
    const booked = await book(t, token, 2, '19:00');
    await t.mock.webhooks.flush();
    expect(t.mock.webhooks.deliveries.list()[0]!.state).toBe('retrying');
    await crash(t);

    up = true;
    const after = await open(dir, { webhooks });
    await after.mock.webhooks.flush();
    const sent = received.flatMap((body) => JSON.parse(body) as { entity: { id: string } }[]);
    // The waiting event went out; the dead-lettered one was not sent again on its own.
    expect(sent.map((e) => e.entity.id)).toEqual([booked.body.data.reservation_id]);
    const stillDead = after.mock.webhooks.deliveries.list({ state: 'dead_lettered' });
    expect(stillDead.map((d) => d.id)).toEqual(expect.arrayContaining(dead.map((d) => d.id)));
    const again = await after.control('POST', `/webhooks/deliveries/${dead[0]!.id}/redeliver`);
    expect(again.status).toBe(201);
  });

  it('worlds made on demand persist too, and ending one removes its files', async () => {
    const dir = tempDir();
    const t = await open(dir);
    const world = await t.mock.createWorld({
      id: 'ci-worker',
      seed: 4,
      volume: { guests: 0, daysOfHistory: 0, daysAhead: 0 },
    });
    const token = (await t.send('POST', '/worlds/ci-worker/2_4/auth', { form: CREDENTIALS.harbor })).body.data
      .token as string;
    const booked = await t.send('PUT', `/worlds/ci-worker/2_4/venues/${venueOf(t)}/book`, {
      token,
      form: { date: '2026-12-09', time: '18:00', party_size: 2, ...guest(1) },
    });
    expect(booked.status).toBe(200);
    expect(world.store.reservations.size).toBe(1);
    await t.mock.createWorld({ id: 'short-lived' });
    expect((await t.control('DELETE', '/worlds/short-lived')).status).toBe(200);
    await crash(t);
    expect(readdirSync(join(dir, 'worlds')).sort()).toEqual(['ci-worker', 'default']);

    const after = await open(dir);
    const again = await after.send(
      'GET',
      `/worlds/ci-worker/2_4/reservations/${booked.body.data.reservation_id}`,
      { token },
    );
    expect(again.status).toBe(200);
    expect(after.mock.worlds.get('ci-worker')!.seed).toBe(4);
  });

  it('refuses a directory written with another seed, by another version, or by something else, in plain words', async () => {
    const dir = tempDir();
    await crash(await open(dir));
    expect(() => testServer({ dataDir: dir, seed: 2 })).toThrow(DataDirError);
    expect(() => testServer({ dataDir: dir, seed: 2 })).toThrow(
      /seeded with 1, but this mock was asked for seed 2\. Start with --seed 1/,
    );

    writeFileSync(join(dir, 'mock.json'), JSON.stringify({ format: 1, mockVersion: '0.0.1' }));
    expect(() => testServer({ dataDir: dir })).toThrow(
      /written by sevenrooms-mock 0\.0\.1 .*Refusing to mix them/,
    );

    const foreign = tempDir();
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    expect(() => testServer({ dataDir: foreign })).toThrow(/not empty and holds no mock\.json/);
  });
});
