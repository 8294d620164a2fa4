import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { IdFactory } from '../mock-server/domain/ids.js';
import { loadVenueCatalog } from '../mock-server/fixtures/load-venues.js';
import { createRandom, deriveSeed } from '../mock-server/random.js';
import { createMockServer, type MockServer } from '../mock-server/server.js';
import { seedStore, type SeedVolume } from '../mock-server/seed/seed-store.js';
import { Store } from '../mock-server/store/store.js';
import { DEFAULT_VOLUME, parseVolume, VolumeError } from '../mock-server/seed/volume.js';

const NOW = '2026-12-07T17:00:00Z';
// Occupancy is pinned so these tests guard the generator, not whatever the defaults are today.
const MODERATE = { guests: 800, daysOfHistory: 45, daysAhead: 21, occupancy: 0.45 };
const catalog = loadVenueCatalog();

/** A store seeded as a server seeds it, without the HTTP layer (the seeder is domain code). */
function seeded(seed: number, volume: Partial<SeedVolume>, at = NOW): Store {
  const store = new Store(catalog, new ManualClock(at), new IdFactory(createRandom(deriveSeed(seed, 'ids'))));
  seedStore(store, { seed, volume });
  return store;
}

async function exportAll(server: MockServer, clientId: string, secret: string): Promise<string[]> {
  const auth = await server.app.request('/2_4/auth', {
    method: 'POST',
    body: new URLSearchParams({ client_id: clientId, client_secret: secret }),
  });
  const token = ((await auth.json()) as { data: { token: string } }).data.token;
  const bodies: string[] = [];
  for (const base of [
    '/2_4/clients/export?limit=400',
    '/2_4/reservations/export?from_date=2026-10-01&to_date=2027-01-31&limit=400',
  ]) {
    let cursor: string | undefined;
    do {
      const res = await server.app.request(cursor ? `${base}&cursor=${cursor}` : base, {
        headers: { Authorization: token },
      });
      const text = await res.text();
      bodies.push(text);
      cursor = (JSON.parse(text) as { data: { cursor?: string } }).data.cursor;
    } while (cursor);
  }
  return bodies;
}

describe('determinism', () => {
  it('two servers with the same seed serve byte-identical exports; another seed serves different ones', async () => {
    const make = (seed: number) => createMockServer({ seed, clock: new ManualClock(NOW), volume: MODERATE });
    const [a, b, c] = [make(42), make(42), make(43)];
    const [ea, eb, ec] = [
      await exportAll(a, 'harbor-pos', 'harbor-pos-secret'),
      await exportAll(b, 'harbor-pos', 'harbor-pos-secret'),
      await exportAll(c, 'harbor-pos', 'harbor-pos-secret'),
    ];
    expect(a.store.reservations.size).toBeGreaterThan(5000);
    expect(ea.length).toBeGreaterThan(10);
    expect(eb).toEqual(ea);
    expect(ec).not.toEqual(ea);
    // Not just ids: the guests themselves differ.
    const names = (pages: string[]) =>
      (
        JSON.parse(pages[0]!) as { data: { results: { first_name: string; phone_number: string }[] } }
      ).data.results
        .slice(0, 20)
        .map((r) => `${r.first_name} ${r.phone_number}`);
    expect(names(ec)).not.toEqual(names(ea));
  });

  it('the same seed gives the same records on any machine (golden checksum of a tiny world)', () => {
    // Guards against nondeterminism creeping in (wall clock, Math.random, locale-dependent formatting,
    // iteration order). Changing the generator on purpose changes this value: update it in the same change.
    const { clients, reservations, charges, waitlist } = seeded(1, {
      guests: 12,
      daysOfHistory: 3,
      daysAhead: 2,
      occupancy: 0.45,
    }).snapshot();
    const digest = createHash('sha256')
      .update(JSON.stringify({ clients, reservations, charges, waitlist }))
      .digest('hex');
    expect(digest).toBe('9bacda882ea66eb7b459699333903dcfea5d9d29623b3f36dff4d7b6c5ee4a59');
  });

  it('the data moves with the clock: a later start time shifts the history window', () => {
    const small = { guests: 20, daysOfHistory: 2, daysAhead: 2 };
    const dates = (s: Store) => [...new Set([...s.reservations.values()].map((r) => r.date))].sort();
    expect(dates(seeded(5, small))).toEqual([
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
    ]);
    expect(dates(seeded(5, small, '2027-03-01T12:00:00Z'))).toEqual([
      '2027-02-27',
      '2027-02-28',
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
    ]);
  });
});

describe('volume settings', () => {
  it('accept CLI spellings (strings) and scenario spellings (numbers)', () => {
    expect(
      parseVolume({
        guests: '5000',
        'history-days': '365',
        'days-ahead': '60',
        locale: 'en_GB',
        occupancy: '0.7',
      }),
    ).toEqual({
      guests: 5000,
      daysOfHistory: 365,
      daysAhead: 60,
      locale: 'en_GB',
      occupancy: 0.7,
    });
    expect(parseVolume({ history_days: 10, days_ahead: 0, guests: undefined })).toEqual({
      daysOfHistory: 10,
      daysAhead: 0,
    });
    expect(parseVolume({ daysOfHistory: 3 })).toEqual({ daysOfHistory: 3 });
  });

  it('refuse bad values listing every problem at once', () => {
    let error: unknown;
    try {
      parseVolume(
        { guests: '-1', 'history-days': 'lots', occupancy: 2, locale: 'fr_FR', colour: 'blue' },
        'flags',
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(VolumeError);
    const problems = (error as VolumeError).problems;
    expect(problems).toHaveLength(5);
    expect((error as Error).message).toMatch(/^Invalid seed volume \(flags\)/);
    expect(problems.join('\n')).toMatch(/guests must be a whole number from 0/);
    expect(problems.join('\n')).toMatch(/history-days must be a whole number/);
    expect(problems.join('\n')).toMatch(/occupancy must be a number from 0 to 1/);
    expect(problems.join('\n')).toMatch(/locale must be one of auto, en_US, en_GB/);
    expect(problems.join('\n')).toMatch(/unknown setting colour/);
  });

  it('the embedded default looks lived-in', () => {
    expect(DEFAULT_VOLUME).toMatchObject({ daysOfHistory: 21, daysAhead: 14 });
    const server = createMockServer({ seed: 1, clock: new ManualClock(NOW) });
    expect(server.store.clients.size).toBe(DEFAULT_VOLUME.guests * server.catalog.venueGroups.size);
    expect(server.store.reservations.size).toBeGreaterThan(3000);
  });

  it('zero guests means no history at all', () => {
    const store = seeded(1, { guests: 0 });
    expect(store.reservations.size).toBe(0);
    expect(store.clients.size).toBe(0);
  });
});
