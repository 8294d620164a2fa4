import { badRequest, conflict, MESSAGES } from '../errors.js';
import type { ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Table, Venue } from './model.js';
import { dayNumber, venueLocal } from './time.js';

interface DuplicateProbe {
  date: string;
  phone?: string | undefined;
  email?: string | undefined;
  client_id?: string | undefined;
}

/**
 * The duplicate-reservation check `bypass_duplicate_reservation_check` skips: the same guest (by
 * `client_id`, phone or email) may not hold two live reservations at one venue at the same date and
 * time. Answered with 409, like any other booking conflict.
 */
export function assertDuplicateAllowed(
  store: Store,
  venue: Venue,
  input: DuplicateProbe,
  startMin: number,
): void {
  const client = input.client_id
    ? store.clients.get(input.client_id)
    : store.findClientByContact(venue.venueGroupId, input.phone ?? null, input.email ?? null);
  if (!client) return;
  for (const r of store.occupyingReservations(venue.id, input.date)) {
    if (r.clientId === client.id && r.startMin === startMin) {
      throw conflict(
        `Duplicate reservation: this guest already has reservation ${r.referenceCode} at this venue at that date and time ` +
          '(send bypass_duplicate_reservation_check=true to book another)',
      );
    }
  }
}

/**
 * The editable cut-off `bypass_editable_cutoff` skips: a reservation may not be moved (date, time,
 * party size, duration, tables) once its slot has started, venue-local — the same cut-off the mock
 * applies to cancelling. Notes, tags, status and profile fields stay editable (staff work).
 */
export function assertEditable(store: Store, venue: Venue, record: ReservationRecord): void {
  const local = venueLocal(store.clock.now(), venue.timeZone);
  const nowMin = dayNumber(local.date)! * 1440 + local.minutes;
  const slotMin = dayNumber(record.date)! * 1440 + record.startMin;
  if (nowMin >= slotMin) throw badRequest(MESSAGES.afterCancelCutoff);
}

/**
 * `venue_seating_area_id` as a preference: the smallest free table of that area that seats the party,
 * or undefined (the slot's own table is kept). An id the venue does not have is a 400 naming the field.
 */
export function tableInArea(
  venue: Venue,
  areaId: string,
  partySize: number,
  isFree: (table: Table) => boolean,
): Table | undefined {
  if (!venue.seatingAreas.some((a) => a.id === areaId))
    throw badRequest(`venue_seating_area_id ${areaId} is not a seating area of this venue`);
  return venue.tables
    .filter((t) => t.seatingAreaId === areaId && t.minCovers <= partySize && t.maxCovers >= partySize)
    .sort((a, b) => a.maxCovers - b.maxCovers)
    .find(isFree);
}
