import { isExpired } from '../domain/request-state.js';
import { dayNumber, formatArrivalTime, formatNaiveIso } from '../domain/time.js';
import type { Venue } from '../domain/model.js';
import type { RequestRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The instant a venue-local date and minute fall on (two passes settle DST edges). */
export function localToEpochMs(date: string, minutes: number, timeZone: string): number {
  const naive = dayNumber(date)! * DAY_MS + minutes * MINUTE_MS;
  let guess = naive;
  for (let i = 0; i < 2; i++) {
    const local = localParts(guess, timeZone);
    guess += naive - local;
  }
  return guess;
}

function localParts(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return (
    dayNumber(`${get('year')}-${get('month')}-${get('day')}`)! * DAY_MS +
    (Number(get('hour')) * 60 + Number(get('minute'))) * MINUTE_MS
  );
}

/** `2024-10-05T23:00:00+00:00`, the form of `time_range` in the reference. */
const utcOffsetIso = (epochMs: number) => `${new Date(epochMs).toISOString().slice(0, 19)}+00:00`;

/** `10/5/24 8:00 PM`, the form of `expiration` in the reference (venue-local). */
function shortDateTime(date: string, minutes: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}/${d}/${String(y).slice(2)} ${formatArrivalTime(minutes)}`;
}

/** A reservation request in the reference's shape, plus `internal_notes`, `duration` and `loyalty_id`. */
export function renderRequest(store: Store, venue: Venue, r: RequestRecord): Record<string, unknown> {
  return {
    id: r.id,
    venue_id: r.venueId,
    venue_group_client_id: r.clientId,
    reservation_id: r.reservationId,
    status: r.status,
    date: r.date,
    arrival_time: r.arrivalMin === null ? null : formatArrivalTime(r.arrivalMin),
    start_time: formatArrivalTime(r.startMin),
    end_time: formatArrivalTime(r.endMin),
    time_range: [
      utcOffsetIso(localToEpochMs(r.date, r.startMin, venue.timeZone)),
      utcOffsetIso(localToEpochMs(r.date, r.endMin, venue.timeZone)),
    ],
    expiration: shortDateTime(r.date, r.endMin),
    is_expired: isExpired(store, venue, r),
    is_offer_pending: false,
    max_guests: r.partySize,
    mf_ratio_male: r.mfRatioMale,
    mf_ratio_female: r.mfRatioFemale,
    first_name: r.firstName,
    last_name: r.lastName,
    email: r.email,
    phone_number: r.phone,
    notes: r.notes,
    internal_notes: r.internalNotes,
    duration: r.durationMin,
    external_user_id: r.externalUserId,
    loyalty_id: r.loyaltyId,
    cost_option: 0,
    min_price: null,
    booked_by: r.bookedBy,
    user: r.conciergeId === null ? null : { id: r.conciergeId, name: r.bookedBy },
    created: formatNaiveIso(r.createdMs),
    updated: formatNaiveIso(r.updatedMs),
    deleted: null,
  };
}
