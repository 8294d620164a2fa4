/**
 * Where a reservation request stands, and how a booking fulfils one. Kept apart from requests.ts so
 * the booking code can link a request (`request_id` on the book form) without importing the
 * request lifecycle, which itself books through the booking code.
 */
import { conflict, notFound } from '../errors.js';
import type { RequestRecord, ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Venue } from './model.js';
import { venueLocal } from './time.js';

/** Mock convention: a request expires at the end of its window, venue-local. */
export function isExpired(store: Store, venue: Venue, r: RequestRecord): boolean {
  if (r.status !== 'UNAPPROVED') return false;
  const local = venueLocal(store.clock.now(), venue.timeZone);
  return r.date < local.date || (r.date === local.date && r.endMin <= local.minutes);
}

/** Only an open request may change or be booked: 409 once accepted, declined or expired. */
export function assertOpen(store: Store, venue: Venue, r: RequestRecord): void {
  if (r.status !== 'UNAPPROVED')
    throw conflict(
      `Reservation request ${r.id} has already been ${r.status === 'ACCEPTED' ? 'accepted' : 'declined'}`,
    );
  if (isExpired(store, venue, r)) throw conflict(`Reservation request ${r.id} has expired`);
}

/**
 * The open request a booking names in `request_id`: at this venue and, for a concierge, its own
 * (anyone else's is as missing, 404).
 */
export function requestToFulfil(
  store: Store,
  venue: Venue,
  conciergeId: string | null,
  id: string,
): RequestRecord {
  const r = store.requests.get(id);
  if (!r || r.venueId !== venue.id || (conciergeId !== null && r.conciergeId !== conciergeId))
    throw notFound(`request_id ${id}: reservation request not found`);
  assertOpen(store, venue, r);
  return r;
}

/** The request is booked: ACCEPTED, with the reservation and its guest. */
export function markFulfilled(store: Store, r: RequestRecord, reservation: ReservationRecord): void {
  Object.assign(r, {
    status: 'ACCEPTED',
    reservationId: reservation.id,
    clientId: reservation.clientId,
    updatedMs: store.clock.now(),
  } satisfies Partial<RequestRecord>);
}
