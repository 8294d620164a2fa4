import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { durationFor, pacingCapacity, shiftAt } from '../mock-server/domain/availability.js';
import { SPEND_PER_COVER } from '../mock-server/domain/client-stats.js';
import { venueLocal, formatNaiveIso } from '../mock-server/domain/time.js';
import { createMockServer, type MockServer } from '../mock-server/server.js';
import type { StoreChange } from '../mock-server/store/change-feed.js';
import type { ClientRecord, ReservationRecord } from '../mock-server/store/records.js';

const NOW = '2026-12-07T17:00:00Z';
const NOW_MS = Date.parse(NOW);
const VOLUME = { guests: 150, daysOfHistory: 21, daysAhead: 10 };

let server: MockServer;
let reservations: ReservationRecord[];
let clients: ClientRecord[];

beforeAll(() => {
  server = createMockServer({ seed: 3, clock: new ManualClock(NOW), volume: VOLUME });
  reservations = [...server.store.reservations.values()];
  clients = [...server.store.clients.values()];
});

const groupBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item)) ?? [];
    list.push(item);
    out.set(key(item), list);
  }
  return out;
};

describe('seeded guests agree with their reservations', () => {
  it('every client total equals what its reservations imply, per venue and overall', async () => {
    expect(reservations.length).toBeGreaterThan(1000);
    const byClient = groupBy(reservations, (r) => r.clientId);
    for (const client of clients) {
      const mine = byClient.get(client.id) ?? [];
      const venues = new Set([...mine.map((r) => r.venueId), ...Object.keys(client.venueStats)]);
      for (const venueId of venues) {
        const here = mine.filter((r) => r.venueId === venueId);
        const done = here.filter((r) => r.status === 'COMPLETE');
        const lastVisit =
          done
            .map((r) => r.date)
            .sort()
            .at(-1) ?? null;
        const spend = done.reduce((s, r) => s + (r.totalPayment ?? r.partySize * SPEND_PER_COVER), 0);
        const stats = client.venueStats[venueId]!;
        expect(stats).toBeDefined();
        expect(stats.total_visits).toBe(done.length);
        expect(stats.total_covers).toBe(done.reduce((s, r) => s + r.partySize, 0));
        expect(stats.total_spend).toBeCloseTo(spend, 1);
        expect(stats.total_cancelations).toBe(here.filter((r) => r.status === 'CANCELED').length);
        expect(stats.total_noshows).toBe(here.filter((r) => r.status === 'NO_SHOW').length);
        expect(stats.last_visit_date).toBe(lastVisit);
      }
    }
    // …and the API renders the sums: pick the busiest guest and read it back.
    const busiest = [...byClient.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const token = await auth(server, 'harbor-pos', 'harbor-pos-secret');
    const owner = server.store.clients.get(busiest[0])!;
    const creds =
      owner.venueGroupId === groupIdOf(server, 'harbor')
        ? token
        : await auth(server, 'thames-crm', 'thames-crm-secret');
    const body = (await (
      await server.app.request(`/2_4/clients/${owner.id}`, { headers: { Authorization: creds } })
    ).json()) as {
      data: Record<string, unknown>;
    };
    expect(body.data.total_visits).toBe(busiest[1].filter((r) => r.status === 'COMPLETE').length);
    expect(body.data.total_cancelations).toBe(busiest[1].filter((r) => r.status === 'CANCELED').length);
  });

  it('a reservation carries its guest’s name and contact details', () => {
    for (const r of reservations) {
      const c = server.store.clients.get(r.clientId)!;
      expect(c.venueGroupId).toBe(r.venueGroupId);
      expect([r.firstName, r.lastName, r.phone, r.email]).toEqual([
        c.firstName,
        c.lastName,
        c.phone,
        c.email,
      ]);
    }
  });

  it('phones are valid E.164 in the group’s country and unique per venue group; e-mails lowercase and unique', () => {
    for (const [groupId, members] of groupBy(clients, (c) => c.venueGroupId)) {
      const london = groupId === groupIdOf(server, 'thames');
      const phones = members.map((c) => c.phone!);
      for (const p of phones)
        expect(p).toMatch(london ? /^\+44(7[1-57-9]\d{8}|20[78]\d{7})$/ : /^\+1[2-9]\d{2}[2-9]\d{6}$/);
      expect(new Set(phones).size).toBe(phones.length);
      const emails = members.map((c) => c.email).filter((e): e is string => e !== null);
      for (const e of emails) expect(e).toMatch(/^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/);
      expect(new Set(emails).size).toBe(emails.length);
    }
  });

  it('the locale can be forced: en_US gives the London group +1 numbers', () => {
    const us = createMockServer({
      seed: 3,
      clock: new ManualClock(NOW),
      volume: { ...VOLUME, guests: 20, daysOfHistory: 1, daysAhead: 1, locale: 'en_US' },
    });
    for (const c of us.store.clients.values()) expect(c.phone).toMatch(/^\+1/);
  });
});

describe('seeded bookings obey the venues’ rules', () => {
  it('only grid times, admitted party sizes, fitting tables; no table double-booked and no slot over its pacing', () => {
    const kept = reservations.filter((r) => r.status !== 'CANCELED');
    for (const [key, day] of groupBy(kept, (r) => `${r.venueId}|${r.date}`)) {
      const venue = server.catalog.venues.get(key.split('|')[0]!)!;
      const covers = new Map<number, number>();
      for (const r of day) {
        const shift = shiftAt(venue, r.date, r.startMin);
        expect(shift, `${venue.key} ${r.date} ${r.startMin}`).toBeDefined();
        expect(r.shiftPersistentId).toBe(shift!.persistentId);
        expect(r.durationMin).toBe(durationFor(shift!, r.partySize));
        const rule = venue.accessRules.find((a) => a.persistentId === r.accessPersistentId)!;
        expect(rule.shiftPersistentIds).toContain(shift!.persistentId);
        expect(r.partySize).toBeGreaterThanOrEqual(rule.partySizeMin);
        expect(r.partySize).toBeLessThanOrEqual(rule.partySizeMax);
        expect(rule.channels).toContain(r.conciergeId ? 'CONCIERGE' : 'RESERVATIONS_API');
        expect(r.tableIds).toHaveLength(1);
        const table = venue.tables.find((t) => t.id === r.tableIds[0])!;
        expect(r.partySize).toBeGreaterThanOrEqual(table.minCovers);
        expect(r.partySize).toBeLessThanOrEqual(table.maxCovers);
        covers.set(r.startMin, (covers.get(r.startMin) ?? 0) + r.partySize);
      }
      for (const [startMin, n] of covers) {
        expect(n).toBeLessThanOrEqual(pacingCapacity(shiftAt(venue, day[0]!.date, startMin)!, startMin));
      }
      for (const [, atTable] of groupBy(day, (r) => r.tableIds[0]!)) {
        const sorted = atTable.sort((a, b) => a.startMin - b.startMin);
        for (let i = 1; i < sorted.length; i++) {
          expect(sorted[i]!.startMin, `${venue.key} ${sorted[i]!.date} table overlap`).toBeGreaterThanOrEqual(
            sorted[i - 1]!.startMin + sorted[i - 1]!.durationMin,
          );
        }
      }
    }
  });

  it('statuses follow time: past ones ended (mostly complete, some no-shows and cancellations), future ones confirmed or cancelled', () => {
    const today = (r: ReservationRecord) =>
      venueLocal(NOW_MS, server.catalog.venues.get(r.venueId)!.timeZone).date;
    const past = reservations.filter((r) => r.date < today(r));
    const future = reservations.filter((r) => r.date > today(r));
    const share = (list: ReservationRecord[], s: string) =>
      list.filter((r) => r.status === s).length / list.length;
    expect(new Set(past.map((r) => r.status))).toEqual(new Set(['COMPLETE', 'NO_SHOW', 'CANCELED']));
    expect(share(past, 'COMPLETE')).toBeGreaterThan(0.8);
    expect(share(past, 'NO_SHOW')).toBeGreaterThan(0.02);
    expect(share(past, 'NO_SHOW')).toBeLessThan(0.09);
    expect(share(past, 'CANCELED')).toBeGreaterThan(0.04);
    expect(share(past, 'CANCELED')).toBeLessThan(0.13);
    expect(new Set(future.map((r) => r.status))).toEqual(new Set(['CONFIRMED', 'CANCELED']));
    // Parties of 2 and 4 dominate; Friday and Saturday dinners are the busiest.
    const ofSize = (n: number) => reservations.filter((r) => r.partySize === n).length / reservations.length;
    expect(ofSize(2)).toBeGreaterThan(0.35);
    expect(ofSize(4)).toBeGreaterThan(ofSize(3));
    const dinners = groupBy(
      reservations.filter((r) => r.shiftCategory === 'DINNER'),
      (r) => String(new Date(`${r.date}T12:00:00Z`).getUTCDay()),
    );
    const perDay = (d: number) => dinners.get(String(d))!.length;
    expect(perDay(5) + perDay(6)).toBeGreaterThan(perDay(1) + perDay(2));
  });

  it('timestamps are plausible: created before the slot and before now, updated between created and now', () => {
    for (const r of reservations) {
      expect(r.createdMs).toBeLessThan(NOW_MS);
      expect(r.updatedMs).toBeGreaterThanOrEqual(r.createdMs);
      expect(r.updatedMs).toBeLessThan(NOW_MS);
    }
    const firstBooking = new Map<string, number>();
    for (const r of reservations)
      firstBooking.set(r.clientId, Math.min(firstBooking.get(r.clientId) ?? Infinity, r.createdMs));
    for (const c of clients) {
      expect(c.createdMs).toBeLessThanOrEqual(firstBooking.get(c.id) ?? Infinity);
      expect(c.updatedMs).toBeLessThan(NOW_MS);
    }
  });

  it('prepaid bookings have their charges, and refunds only follow cancellations', () => {
    const charges = [...server.store.charges.values()];
    expect(charges.length).toBeGreaterThan(0);
    for (const ch of charges) {
      const r = server.store.reservations.get(ch.reservationId)!;
      expect(r.prepayment).toBe(ch.baseAmount);
      if (ch.isRefund) expect(r.status).toBe('CANCELED');
      expect(ch.createdMs).toBeLessThan(NOW_MS);
    }
    expect(charges.some((c) => c.isRefund)).toBe(true);
  });

  it('waitlist entries are from the last week’s evenings; only recent ones are still waiting', () => {
    const entries = [...server.store.waitlist.values()];
    expect(entries.length).toBeGreaterThan(0);
    for (const w of entries) {
      expect(w.date >= '2026-11-30' && w.date <= '2026-12-07').toBe(true);
      expect(w.createdMs).toBeLessThan(NOW_MS);
      if (w.status === 'WAITING') expect(w.createdMs).toBeGreaterThan(NOW_MS - 46 * 60_000);
    }
  });
});

describe('seeding is silent and ordered', () => {
  it('seq follows created across every kind of record, so export order is creation order', () => {
    const all = [
      ...clients,
      ...reservations,
      ...server.store.charges.values(),
      ...server.store.waitlist.values(),
    ].sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < all.length; i++)
      expect(all[i]!.createdMs).toBeGreaterThanOrEqual(all[i - 1]!.createdMs);
    expect(new Set(all.map((r) => r.seq)).size).toBe(all.length);
  });

  it('reset reseeds without publishing a single change event, and yields the same data', () => {
    const events: StoreChange[] = [];
    server.feed.subscribe((e) => events.push(e));
    const seeded = () => {
      const { clients, reservations, charges, waitlist } = server.store.snapshot();
      return { clients, reservations, charges, waitlist };
    };
    const before = seeded();
    server.reset();
    expect(events).toEqual([]);
    expect(seeded()).toEqual(before);
    expect(formatNaiveIso(server.clock.now())).toBe('2026-12-07T17:00:00.000000');
  });
});

function groupIdOf(s: MockServer, key: string): string {
  return [...s.catalog.venueGroups.values()].find((g) => g.key === key)!.id;
}

async function auth(s: MockServer, clientId: string, secret: string): Promise<string> {
  const res = await s.app.request('/2_4/auth', {
    method: 'POST',
    body: new URLSearchParams({ client_id: clientId, client_secret: secret }),
  });
  return ((await res.json()) as { data: { token: string } }).data.token;
}
