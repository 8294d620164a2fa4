/**
 * What a venue's staff do in SevenRooms itself — seat a party, change tables, mark statuses, add a
 * walk-in, keep a waitlist. The public API cannot do these, yet they cause most webhook events, so
 * the mock exposes them through its control API. Each is a store change, so events follow.
 */
import { badRequest, conflict, notFound } from '../errors.js';
import { newClient, newReservation } from '../store/record-factory.js';
import type { ClientRecord, ReservationRecord, WaitlistRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { durationFor, shiftsOn } from './availability.js';
import { emptyVenueStats } from './client-stats.js';
import { occupancyOf } from './holds.js';
import { linkPosVisit } from './pos-link.js';
import type { Venue } from './model.js';
import { changeStatus, moveTables } from './reservations.js';
import { formatLocalNaiveIso, venueLocal } from './time.js';

export interface WalkInInput {
  partySize: number;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  tableNumbers?: readonly string[] | undefined;
  notes?: string | undefined;
}

/** A reservation of this venue by id or reference code. */
export function reservationAtVenue(store: Store, venue: Venue, id: string): ReservationRecord {
  const r = store.findReservation(id);
  if (!r || r.venueId !== venue.id) throw notFound('The venue does not have record of this reservation.');
  return r;
}

/** Seats a party now: status SEATED (with the seated time) and, when given, the tables it sits at. */
export function seatParty(
  store: Store,
  record: ReservationRecord,
  tableNumbers?: readonly string[],
): ReservationRecord {
  if (tableNumbers?.length) moveTables(store, record, tableNumbers);
  return changeStatus(store, record, 'SEATED');
}

/** A party walks in: a WALK_IN reservation starting now, seated at once at a free (or the named) table. */
export function addWalkIn(store: Store, venue: Venue, input: WalkInInput): ReservationRecord {
  const now = store.clock.now();
  const local = venueLocal(now, venue.timeZone);
  const shift = shiftsOn(venue, local.date).find(
    (s) => local.minutes >= s.startMin - 60 && local.minutes < s.endMin + 120,
  );
  const durationMin = shift ? durationFor(shift, input.partySize) : 90;
  const occupancy = occupancyOf(store, venue.id, local.date);
  let tableIds: string[];
  if (input.tableNumbers?.length) {
    tableIds = input.tableNumbers.map((n) => {
      const table = venue.tables.find((t) => t.number === n);
      if (!table) throw badRequest(`table ${n} does not exist at this venue`);
      if (!occupancy.isTableFree(table.id, local.minutes, local.minutes + durationMin)) {
        throw conflict(`table ${n} is not free now`);
      }
      return table.id;
    });
  } else {
    const table = occupancy.bestTable(venue.tables, input.partySize, local.minutes, durationMin);
    if (!table) throw conflict(`No table is free now for a walk-in party of ${input.partySize}`);
    tableIds = [table.id];
  }
  const client = walkInClient(store, venue, input);
  const record = newReservation(store, {
    venueId: venue.id,
    venueGroupId: venue.venueGroupId,
    clientId: client.id,
    date: local.date,
    startMin: local.minutes,
    durationMin,
    partySize: input.partySize,
    shiftPersistentId: shift?.persistentId ?? null,
    shiftCategory: shift?.category ?? null,
    tableIds,
    seatingAreaId: venue.tables.find((t) => t.id === tableIds[0])?.seatingAreaId ?? null,
    status: 'SEATED',
    reservationType: 'WALK_IN',
    firstName: client.firstName,
    lastName: client.lastName,
    email: client.email,
    phone: client.phone,
    notes: input.notes ?? null,
    arrivedGuests: input.partySize,
    seatedTime: formatLocalNaiveIso(now, venue.timeZone),
    bookedBy: 'Host stand',
  });
  linkPosVisit(venue, record, 'SEATED', record);
  store.insertReservation(record);
  return record;
}

function walkInClient(store: Store, venue: Venue, input: WalkInInput): ClientRecord {
  const existing = store.findClientByContact(venue.venueGroupId, input.phone ?? null, input.email ?? null);
  if (existing) return existing;
  const client = newClient(store, {
    venueGroupId: venue.venueGroupId,
    firstName: input.firstName ?? 'Walk-in',
    lastName: input.lastName ?? 'Guest',
    email: input.email ?? null,
    phone: input.phone ?? null,
    venueStats: { [venue.id]: emptyVenueStats() },
  });
  store.insertClient(client, venue.id);
  return client;
}

export interface WaitlistInput {
  partySize: number;
  firstName: string;
  lastName: string;
  phone?: string | undefined;
  email?: string | undefined;
  quotedWaitMinutes?: number | undefined;
  notes?: string | undefined;
}

/** Puts a party on today's waitlist (venue-local date). */
export function addToWaitlist(store: Store, venue: Venue, input: WaitlistInput): WaitlistRecord {
  const now = store.clock.now();
  const client =
    input.phone || input.email
      ? store.findClientByContact(venue.venueGroupId, input.phone ?? null, input.email ?? null)
      : undefined;
  const entry: WaitlistRecord = {
    seq: store.nextSeq(),
    id: store.ids.key('nightloop_WaitlistEntry'),
    venueId: venue.id,
    venueGroupId: venue.venueGroupId,
    clientId: client?.id ?? null,
    date: venueLocal(now, venue.timeZone).date,
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone ?? null,
    email: input.email ?? null,
    partySize: input.partySize,
    quotedWaitMinutes: input.quotedWaitMinutes ?? 20,
    status: 'WAITING',
    notes: input.notes ?? null,
    reservationId: null,
    createdMs: now,
    updatedMs: now,
  };
  store.insertWaitlist(entry);
  return entry;
}

/** Seats a waiting party: a walk-in reservation at a free table, and the entry marked SEATED with its id. */
export function seatFromWaitlist(
  store: Store,
  venue: Venue,
  entryId: string,
  tableNumbers?: readonly string[],
): { entry: WaitlistRecord; reservation: ReservationRecord } {
  const entry = store.waitlist.get(entryId);
  if (!entry || entry.venueId !== venue.id) throw notFound(`Waitlist entry ${entryId} not found`);
  if (entry.status !== 'WAITING') throw conflict(`Waitlist entry ${entryId} is ${entry.status}, not WAITING`);
  const reservation = addWalkIn(store, venue, {
    partySize: entry.partySize,
    firstName: entry.firstName,
    lastName: entry.lastName,
    phone: entry.phone ?? undefined,
    email: entry.email ?? undefined,
    tableNumbers,
    notes: entry.notes ?? undefined,
  });
  store.updateWaitlist(entry, {
    status: 'SEATED',
    reservationId: reservation.id,
    clientId: reservation.clientId,
  });
  return { entry, reservation };
}

/** A waiting party gives up or is removed. */
export function removeFromWaitlist(
  store: Store,
  venue: Venue,
  entryId: string,
  status: 'LEFT' | 'CANCELED',
): WaitlistRecord {
  const entry = store.waitlist.get(entryId);
  if (!entry || entry.venueId !== venue.id) throw notFound(`Waitlist entry ${entryId} not found`);
  if (entry.status !== 'WAITING') throw conflict(`Waitlist entry ${entryId} is ${entry.status}, not WAITING`);
  store.updateWaitlist(entry, { status });
  return entry;
}
