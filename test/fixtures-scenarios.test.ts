import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { buildCatalog, validateVenueFixture } from '../mock-server/fixtures/load-venues.js';
import { SeedPlanError } from '../mock-server/seed/plan.js';
import {
  FIXTURES_DIR,
  listScenarios,
  loadScenario,
  ScenarioError,
  SCENARIOS_DIR,
  validateScenarioFixture,
} from '../mock-server/seed/scenario.js';
import { createMockServer, type MockServer } from '../mock-server/server.js';

/** One server per scenario, shared by the sweep and the per-scenario checks (they only read). */
const booted = new Map<string, MockServer>();
const boot = (name: string) => {
  if (!booted.has(name)) booted.set(name, createMockServer({ scenario: loadScenario(name) }));
  return booted.get(name)!;
};

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const venueByKey = (s: MockServer, key: string) => [...s.catalog.venues.values()].find((v) => v.key === key)!;

async function availability(
  s: MockServer,
  venueKey: string,
  date: string,
  partySize: number,
  from = '00:00',
  to = '23:59',
) {
  const venue = venueByKey(s, venueKey);
  const credential =
    venue.profile.country === 'GB'
      ? ['thames-crm', 'thames-crm-secret']
      : ['harbor-pos', 'harbor-pos-secret'];
  const auth = await s.app.request('/2_4/auth', {
    method: 'POST',
    body: new URLSearchParams({ client_id: credential[0]!, client_secret: credential[1]! }),
  });
  const token = ((await auth.json()) as { data: { token: string } }).data.token;
  const res = await s.app.request(
    `/2_4/venues/${venue.id}/availability?date=${date}&party_size=${partySize}&start_time=${from}&end_time=${to}`,
    { headers: { Authorization: token } },
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { availability: { timeslots: { time: string }[] }[] } }).data
    .availability[0]!.timeslots;
}

describe('fixture sweep', () => {
  it('every venue fixture validates against venues.schema.json and builds a catalog', () => {
    const files = readdirSync(resolve(FIXTURES_DIR, 'venues')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const doc = readJson(resolve(FIXTURES_DIR, 'venues', f));
      expect(validateVenueFixture(doc), f).toEqual([]);
      expect(() => buildCatalog(doc, f)).not.toThrow();
    }
  });

  it('every scenario validates against scenario.schema.json, loads, and boots a server', () => {
    const names = listScenarios();
    expect(names).toEqual(
      expect.arrayContaining(['fully-booked-friday', 'large-group', 'new-venue', 'quiet-weekday']),
    );
    expect(readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.json'))).toHaveLength(names.length);
    for (const name of names) {
      const doc = readJson(resolve(SCENARIOS_DIR, `${name}.json`));
      expect(validateScenarioFixture(doc), name).toEqual([]);
      const scenario = loadScenario(name);
      expect(scenario.description.length).toBeGreaterThan(20);
      const server = boot(name);
      expect(server.clock.now()).toBe(Date.parse(scenario.clockStart));
      expect(server.store.clients.size, name).toBeGreaterThan(0);
      expect(server.store.reservations.size, name).toBeGreaterThan(0);
    }
  });
});

describe('named scenarios do what they say', () => {
  it('fully-booked-friday: Harbor Grill has no dinner table for any party tonight, while lunch and Pier Nine still book', async () => {
    const server = boot('fully-booked-friday');
    for (const size of [1, 2, 3, 4, 6, 8, 10, 12]) {
      expect(
        await availability(server, 'harbor-grill', '2026-12-11', size, '17:00', '22:00'),
        `party of ${size}`,
      ).toEqual([]);
    }
    expect(
      (await availability(server, 'harbor-grill', '2026-12-11', 2, '11:30', '14:30')).length,
    ).toBeGreaterThan(0);
    expect(
      (await availability(server, 'pier-nine', '2026-12-11', 2, '17:00', '22:00')).length,
    ).toBeGreaterThan(0);
    const dinner = [...server.store.reservations.values()].filter(
      (r) =>
        r.venueId === venueByKey(server, 'harbor-grill').id &&
        r.date === '2026-12-11' &&
        r.shiftCategory === 'DINNER',
    );
    expect(dinner.every((r) => r.status === 'CONFIRMED')).toBe(true);
  });

  it('large-group: the 12-top is booked with its deposit, and parties of 9-12 still find tables', async () => {
    const server = boot('large-group');
    const pier = venueByKey(server, 'pier-nine');
    const big = [...server.store.reservations.values()].find(
      (r) => r.venueId === pier.id && r.partySize === 12 && r.lastName === 'Reyes',
    )!;
    expect(big).toMatchObject({
      date: '2026-12-11',
      startMin: 19 * 60,
      status: 'CONFIRMED',
      phone: '+12125550187',
      prepayment: 300,
    });
    expect(big.tags.map((t) => t.tag_display)).toEqual(['Company Party']);
    expect(pier.tables.find((t) => t.id === big.tableIds[0])!.number).toBe('PR1');
    expect(
      [...server.store.charges.values()].some(
        (c) => c.reservationId === big.id && c.transactionType === 'PREPAYMENT',
      ),
    ).toBe(true);
    expect(server.store.findClientByContact(pier.venueGroupId, '+12125550187', null)?.id).toBe(big.clientId);
    for (const size of [9, 10, 12]) {
      expect(
        (await availability(server, 'pier-nine', '2026-12-11', size, '17:00', '22:00')).length,
        `pier ${size}`,
      ).toBeGreaterThan(0);
    }
    expect(
      (await availability(server, 'harbor-grill', '2026-12-11', 10, '17:00', '22:00')).length,
    ).toBeGreaterThan(0);
  });

  it('new-venue: Riverside Brasserie has no history before today, only bookings ahead', () => {
    const server = boot('new-venue');
    const id = venueByKey(server, 'riverside-brasserie').id;
    const mine = [...server.store.reservations.values()].filter((r) => r.venueId === id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.date >= '2026-12-07')).toBe(true);
    expect(
      [...server.store.waitlist.values()].filter((w) => w.venueId === id && w.date < '2026-12-07'),
    ).toEqual([]);
    const larder = venueByKey(server, 'the-larder').id;
    expect(
      [...server.store.reservations.values()].some((r) => r.venueId === larder && r.date < '2026-11-01'),
    ).toBe(true);
  });

  it('quiet-weekday: tonight at Harbor Grill is nearly empty', async () => {
    const server = boot('quiet-weekday');
    const id = venueByKey(server, 'harbor-grill').id;
    const tonight = [...server.store.reservations.values()].filter(
      (r) => r.venueId === id && r.date === '2026-12-08' && r.shiftCategory === 'DINNER',
    );
    expect(tonight.length).toBeLessThan(8);
    expect(
      (await availability(server, 'harbor-grill', '2026-12-08', 4, '17:00', '22:00')).length,
    ).toBeGreaterThan(15);
  });

  it('explicit server options win over the scenario', () => {
    const scenario = loadScenario('quiet-weekday');
    const server = createMockServer({
      scenario,
      seed: 99,
      clock: new ManualClock('2026-12-22T12:00:00Z'),
      volume: { guests: 10 },
    });
    expect(server.clock.now()).toBe(Date.parse('2026-12-22T12:00:00Z'));
    expect(server.store.clients.size).toBe(20);
  });
});

describe('scenario files that cannot work fail loudly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  const write = (name: string, doc: unknown) => {
    const path = join(dir, `${name}.json`);
    writeFileSync(path, JSON.stringify(doc));
    return path;
  };

  it('an unknown name lists the known ones', () => {
    expect(() => loadScenario('no-such-thing')).toThrow(
      /no scenario named no-such-thing; known: .*fully-booked-friday/,
    );
  });

  it('schema problems are all reported with their JSON pointers', () => {
    const path = write('bad', {
      clock: 'tomorrow',
      volume: { guests: -1, colour: 'red' },
      fill: [{ venue_key: 'x' }],
    });
    let error: unknown;
    try {
      loadScenario(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as Error).message;
    for (const problem of [
      '/description is required',
      '/clock must match pattern',
      '/volume/colour is not a documented property',
      '/volume/guests must be >= 0',
      '/fill/0/occupancy is required',
    ])
      expect(message).toContain(problem);
  });

  it('a booking that does not fit the venue refuses to start, naming it', () => {
    const path = write('unfit', {
      description: 'A booking at 03:00',
      clock: '2026-12-07T17:00:00Z',
      volume: { guests: 5, history_days: 1, days_ahead: 1 },
      bookings: [{ venue_key: 'harbor-grill', day_offset: 1, time: '03:00', party_size: 2 }],
    });
    expect(() => createMockServer({ scenario: loadScenario(path) })).toThrow(
      /harbor-grill on 2026-12-08 at 03:00: no shift/,
    );
  });

  it('plan problems (unknown venue, missing shift) are reported together', () => {
    const path = write('plan', {
      description: 'Wrong keys',
      clock: '2026-12-07T17:00:00Z',
      volume: { guests: 5, history_days: 1, days_ahead: 1 },
      fill: [
        { venue_key: 'nowhere', day_offset: 0, shift_category: 'DINNER', occupancy: 1 },
        { venue_key: 'pier-nine', date: '2026-12-08', shift_category: 'LUNCH', occupancy: 1 },
      ],
    });
    let error: unknown;
    try {
      createMockServer({ scenario: loadScenario(path) });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SeedPlanError);
    expect((error as Error).message).toMatch(/fill\[0\]: unknown venue_key nowhere/);
    expect((error as Error).message).toMatch(/fill\[1\]: pier-nine has no LUNCH shift on 2026-12-08/);
  });

  it('venues may be inline', () => {
    const world = readJson(resolve(FIXTURES_DIR, 'venues/default.json'));
    const thamesOnly = {
      venue_groups: (world.venue_groups as { key: string }[]).filter((g) => g.key === 'thames'),
    };
    const path = write('inline', {
      description: 'Only the London group',
      venues: thamesOnly,
      clock: '2026-12-07T17:00:00Z',
      volume: { guests: 30, history_days: 3, days_ahead: 3 },
    });
    const server = createMockServer({ scenario: loadScenario(path) });
    expect([...server.catalog.venues.values()].map((v) => v.key).sort()).toEqual([
      'riverside-brasserie',
      'the-larder',
    ]);
    for (const c of server.store.clients.values()) expect(c.phone).toMatch(/^\+44/);
  });
});
