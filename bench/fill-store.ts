/**
 * Bench-only store filling, independent of the seed generator: synthetic guests (so a 400-guest
 * export page exists) and bulk reservation history for the availability scaling run.
 *
 * The scaling run asks for availability of one venue on one date (the "probe"). That venue and date
 * get the same fixed set of bookings at every volume; every other reservation lands on other dates
 * and venues, the way a real restaurant group's history does. If availability read anything but the
 * venue+date index, its latency would grow with the volume.
 */
import { emptyVenueStats } from '../mock-server/domain/client-stats.js';
import type { Table, Venue } from '../mock-server/domain/model.js';
import type { ReservationStatus } from '../mock-server/domain/status.js';
import { addDays } from '../mock-server/domain/time.js';
import { createRandom, type Random } from '../mock-server/random.js';
import { newClient, newReservation } from '../mock-server/store/record-factory.js';
import type { ClientRecord } from '../mock-server/store/records.js';
import type { Store } from '../mock-server/store/store.js';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Margaret', 'Ken'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Hamilton'];
const CITIES = ['New York', 'Brooklyn', 'Jersey City', 'London', 'Hoboken'];

/** Dinner seatings per table that never overlap (durations are at most 150 min in the fixtures). */
const SEATINGS = [17 * 60, 19 * 60 + 30];

function pick<T>(random: Random, list: readonly T[]): T {
  return list[random.int(0, list.length - 1)]!;
}

/** Adds synthetic guests to a venue group until it has `min`; returns how many were added. */
export function topUpClients(store: Store, venueGroupId: string, min: number, random: Random): number {
  const venueId = store.catalog.venueGroups.get(venueGroupId)?.venueIds[0] ?? null;
  let added = 0;
  while (store.clientsOfGroup(venueGroupId).length < min) {
    store.insertClient(syntheticClient(store, venueGroupId, venueId, random), venueId);
    added++;
  }
  return added;
}

function syntheticClient(
  store: Store,
  venueGroupId: string,
  venueId: string | null,
  random: Random,
): ClientRecord {
  const firstName = pick(random, FIRST);
  const lastName = pick(random, LAST);
  const client = newClient(store, {
    venueGroupId,
    firstName,
    lastName,
    company: random.int(0, 4) === 0 ? 'Analytical Engines Ltd' : null,
    phoneLocale: 'en_US',
    address: `${random.int(1, 999)} Harbor Street`,
    city: pick(random, CITIES),
    state: 'NY',
    postalCode: String(10_000 + random.int(0, 899)),
    country: 'US',
    birthdayDay: random.int(1, 28),
    birthdayMonth: random.int(1, 12),
    isVip: random.int(0, 19) === 0,
    marketingOptIn: random.int(0, 1) === 1,
    venueStats: venueId ? { [venueId]: emptyVenueStats() } : {},
  });
  // Unique by the client's seq, so a bench with 100k guests has 100k distinct contacts.
  client.email = `${firstName}.${lastName}.${client.seq}@example.com`.toLowerCase();
  client.phone = `+1212${String(1_000_000 + client.seq).slice(-7)}`;
  return client;
}

export interface HistoryPlan {
  /** Total reservations to insert (the probe day's fixed set included). */
  reservations: number;
  /** The venue and date the scaling run queries. */
  probeVenueId: string;
  probeDate: string;
  /** "Today" in the store: dates before it get past statuses, later ones CONFIRMED. */
  today: string;
  seed: number;
}

export interface HistoryResult {
  inserted: number;
  days: number;
  firstDate: string;
  lastDate: string;
  occupyingOnProbe: number;
  clients: number;
  ms: number;
}

/**
 * Inserts `plan.reservations` reservations: first a fixed set on the probe venue and date (identical
 * at every volume), then full dinner services (two seatings on every table) across all venues, day
 * after day, three quarters in the past and one quarter ahead of "today", skipping the probe date.
 */
export function insertHistory(store: Store, plan: HistoryPlan): HistoryResult {
  const started = performance.now();
  const random = createRandom(plan.seed);
  const venues = [...store.catalog.venues.values()];
  const probe = store.catalog.venues.get(plan.probeVenueId);
  if (!probe) throw new Error(`unknown probe venue ${plan.probeVenueId}`);

  // A guest pool a tenth the size of the history, per venue group (at least 500).
  const clientsByGroup = new Map<string, string[]>();
  const perGroup = Math.max(500, Math.ceil(plan.reservations / 10 / store.catalog.venueGroups.size));
  for (const group of store.catalog.venueGroups.values()) {
    topUpClients(store, group.id, perGroup, random);
    clientsByGroup.set(
      group.id,
      [...store.clientsOfGroup(group.id).after(0)].map((c) => c.id),
    );
  }

  let inserted = 0;
  // The probe day: the early seating on every other table, so availability has real work to do.
  const probeTables = probe.tables.filter((_, i) => i % 2 === 0);
  for (const table of probeTables) {
    insertOne(store, probe, table, plan.probeDate, SEATINGS[0]!, 'CONFIRMED', clientsByGroup, random);
    inserted++;
  }
  const occupyingOnProbe = inserted;

  const perDay = venues.reduce((sum, v) => sum + v.tables.length * SEATINGS.length, 0);
  const days = Math.max(1, Math.ceil((plan.reservations - inserted) / perDay));
  const ahead = Math.floor(days / 4);
  const firstDate = addDays(plan.today, -(days - ahead));
  let date = firstDate;
  let lastDate = date;
  outer: for (;;) {
    if (date === plan.probeDate) date = addDays(date, 1);
    for (const venue of venues) {
      for (const table of venue.tables) {
        for (const startMin of SEATINGS) {
          if (inserted >= plan.reservations) break outer;
          const status = date < plan.today ? pastStatus(random) : 'CONFIRMED';
          insertOne(store, venue, table, date, startMin, status, clientsByGroup, random);
          inserted++;
          lastDate = date;
        }
      }
    }
    date = addDays(date, 1);
  }
  let clients = 0;
  for (const ids of clientsByGroup.values()) clients += ids.length;
  return {
    inserted,
    days,
    firstDate,
    lastDate,
    occupyingOnProbe,
    clients,
    ms: Math.round(performance.now() - started),
  };
}

function pastStatus(random: Random): ReservationStatus {
  const roll = random.int(0, 99);
  return roll < 90 ? 'COMPLETE' : roll < 94 ? 'NO_SHOW' : 'CANCELED';
}

function insertOne(
  store: Store,
  venue: Venue,
  table: Table,
  date: string,
  startMin: number,
  status: ReservationStatus,
  clientsByGroup: Map<string, string[]>,
  random: Random,
): void {
  const shift = venue.shifts.find((s) => s.category === 'DINNER') ?? venue.shifts[0]!;
  const partySize = random.int(Math.max(1, table.minCovers), table.maxCovers);
  const clients = clientsByGroup.get(venue.venueGroupId)!;
  const client = store.clients.get(clients[random.int(0, clients.length - 1)]!)!;
  const record = newReservation(store, {
    venueId: venue.id,
    venueGroupId: venue.venueGroupId,
    clientId: client.id,
    date,
    startMin,
    durationMin: 120,
    partySize,
    shiftPersistentId: shift.persistentId,
    accessPersistentId: venue.accessRules[0]?.persistentId ?? null,
    shiftCategory: shift.category,
    tableIds: [table.id],
    seatingAreaId: table.seatingAreaId,
    status,
    firstName: client.firstName,
    lastName: client.lastName,
    email: client.email,
    phone: client.phone,
    arrivedGuests: status === 'COMPLETE' ? partySize : null,
    bookedBy: 'bench history',
  });
  store.insertReservation(record);
}
