import type { MockError } from '../errors.js';
import { badRequest, conflict, notFound } from '../errors.js';
import type { HoldRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { checkSlot, isRefusal, Occupancy, type SlotQuery } from './availability.js';
import type { Channel, Venue } from './model.js';
import { parseTime } from './time.js';

export const DEFAULT_HOLD_SECONDS = 300;
export const MAX_HOLD_SECONDS = 3600;

/** The occupancy of a venue on a date as the store sees it now: occupying reservations plus live holds. */
export function occupancyOf(
  store: Store,
  venueId: string,
  date: string,
  ignoreIds?: ReadonlySet<string>,
): Occupancy {
  return new Occupancy(store.occupyingReservations(venueId, date), store.liveHolds(venueId, date), ignoreIds);
}

/** Turns a slot refusal into the error a client sees: a grid or rule problem is 400, a taken slot 409. */
export function refusalError(refusal: { reason: string; message: string }): MockError {
  return refusal.reason === 'unavailable' ? conflict(refusal.message) : badRequest(refusal.message);
}

export interface HoldInput {
  venue: Venue;
  conciergeId: string | null;
  channel: Channel;
  date: string;
  time: string;
  partySize: number;
  shiftPersistentId: string;
  accessPersistentId: string;
  reservationId?: string | undefined;
  holdSeconds?: number | undefined;
}

/**
 * Takes a slot's capacity (covers and a table) for `holdSeconds`; it expires by the clock. A hold
 * placed while modifying a reservation ignores that reservation's own table.
 */
export function placeHold(store: Store, input: HoldInput): HoldRecord {
  const startMin = parseTime(input.time)!;
  const seconds = input.holdSeconds ?? DEFAULT_HOLD_SECONDS;
  if (seconds < 1 || seconds > MAX_HOLD_SECONDS) {
    throw badRequest(`hold_wait_time_sec must be between 1 and ${MAX_HOLD_SECONDS} seconds`);
  }
  const ignore = input.reservationId ? new Set([ownReservation(store, input).id]) : undefined;
  const query: SlotQuery = {
    venue: input.venue,
    date: input.date,
    partySize: input.partySize,
    channel: input.channel,
    nowMs: store.clock.now(),
  };
  const result = checkSlot(query, occupancyOf(store, input.venue.id, input.date, ignore), startMin, {
    accessPersistentId: input.accessPersistentId,
  });
  if (isRefusal(result)) {
    throw result.reason === 'unavailable'
      ? conflict(
          `Cannot hold ${input.date} ${input.time}: the slot is no longer available for a party of ${input.partySize}`,
        )
      : refusalError(result);
  }
  if (result.shift.persistentId !== input.shiftPersistentId) {
    throw badRequest(
      `shift_persistent_id ${input.shiftPersistentId} does not match the shift at ${input.time} on ${input.date}`,
    );
  }
  const now = store.clock.now();
  const hold: HoldRecord = {
    id: store.ids.holdId(now),
    venueId: input.venue.id,
    conciergeId: input.conciergeId,
    date: input.date,
    startMin,
    durationMin: result.durationMin,
    partySize: input.partySize,
    tableIds: result.table ? [result.table.id] : [],
    shiftPersistentId: result.shift.persistentId,
    accessPersistentId: result.rule.persistentId,
    reservationId: ignore ? [...ignore][0]! : null,
    createdMs: now,
    expiresMs: now + seconds * 1000,
    state: 'live',
  };
  store.pruneHolds();
  store.insertHold(hold);
  return hold;
}

/**
 * The reservation a hold is for, which must be the caller's own at this venue: another tenant's is
 * 404 exactly like a code that does not exist (no oracle for which codes exist), and its table is
 * never treated as free.
 */
function ownReservation(store: Store, input: HoldInput) {
  const r = store.findReservation(input.reservationId!);
  if (!r || r.conciergeId !== input.conciergeId || r.venueId !== input.venue.id)
    throw notFound('The venue does not have record of this reservation.');
  return r;
}

/** Finds a hold the caller may use: it must exist at this venue, belong to the caller, and still be live. */
export function liveHoldFor(
  store: Store,
  holdId: string,
  venueId: string,
  conciergeId: string | null,
): HoldRecord {
  const hold = store.holds.get(holdId);
  if (!hold || hold.venueId !== venueId || hold.conciergeId !== conciergeId) {
    throw notFound(`Hold ${holdId} not found`);
  }
  if (hold.state === 'released') throw conflict(`Hold ${holdId} was already released`);
  if (hold.state === 'converted') throw conflict(`Hold ${holdId} was already used for a booking`);
  if (hold.expiresMs <= store.clock.now()) throw conflict(`Hold ${holdId} has expired`);
  return hold;
}

/** Releases a live hold, freeing its capacity at once. `date` and `shift_persistent_id` must match it. */
export function releaseHold(
  store: Store,
  input: {
    venueId: string;
    conciergeId: string | null;
    holdId: string;
    date: string;
    shiftPersistentId: string;
  },
): HoldRecord {
  const hold = liveHoldFor(store, input.holdId, input.venueId, input.conciergeId);
  if (hold.date !== input.date)
    throw badRequest(`date ${input.date} does not match hold ${hold.id} (${hold.date})`);
  if (hold.shiftPersistentId !== input.shiftPersistentId) {
    throw badRequest(`shift_persistent_id does not match hold ${hold.id}`);
  }
  store.endHold(hold, 'released');
  return hold;
}
