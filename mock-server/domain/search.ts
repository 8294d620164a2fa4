import type { Store } from '../store/store.js';
import { availableSlots, shiftsOn, type Slot } from './availability.js';
import { occupancyOf } from './holds.js';
import type { Channel, Venue } from './model.js';

export interface DaySearch {
  venue: Venue;
  date: string;
  partySize: number;
  channel: Channel;
  fromMin: number;
  toMin: number;
  durationMin?: number | undefined;
  /** Reservation being modified: its own table does not count as taken. */
  ignoreReservationId?: string | undefined;
}

export interface DayAvailability {
  slots: Slot[];
  /** No shift runs on that weekday. */
  isClosed: boolean;
}

/** Bookable slots of one venue on one date, read from the venue+date index only. */
export function searchDay(store: Store, q: DaySearch): DayAvailability {
  if (shiftsOn(q.venue, q.date).length === 0) return { slots: [], isClosed: true };
  const ignore = q.ignoreReservationId ? new Set([q.ignoreReservationId]) : undefined;
  const occupancy = occupancyOf(store, q.venue.id, q.date, ignore);
  const slots = availableSlots(
    {
      venue: q.venue,
      date: q.date,
      partySize: q.partySize,
      channel: q.channel,
      nowMs: store.clock.now(),
      durationMin: q.durationMin,
    },
    occupancy,
    q.fromMin,
    q.toMin,
  );
  return { slots, isClosed: false };
}
