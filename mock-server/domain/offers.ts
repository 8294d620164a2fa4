/**
 * Experiences and perks: offers a venue defines in its fixture, each with a window (weekdays, shifts,
 * times, party sizes, dates) and, for some, a nightly limit that bookings consume. Availability
 * asked with `experience_id` or `perk_id` shows only the slots the offer allows; booking with one
 * refuses a slot outside its window (400) or a night whose limit is used up (409).
 */
import { badRequest, conflict } from '../errors.js';
import type { Store } from '../store/store.js';
import type { Slot } from './availability.js';
import { shiftAt } from './availability.js';
import type { Experience, OfferWindow, Perk, Venue } from './model.js';
import { formatHHMM, weekdayOf } from './time.js';

/** An offer a request names: which kind, and the offer itself. */
export type NamedOffer = { kind: 'experience'; offer: Experience } | { kind: 'perk'; offer: Perk };

/** The offers a query or form names (`experience_id`, `perk_id`); unknown ids are a 400 naming the field. */
export function namedOffers(
  venue: Venue,
  ids: { experienceId?: string | undefined; perkId?: string | undefined },
): NamedOffer[] {
  const out: NamedOffer[] = [];
  if (ids.experienceId !== undefined) {
    const offer = venue.offers.experiences.find((e) => e.id === ids.experienceId);
    if (!offer) throw badRequest(`experience_id ${ids.experienceId} is not an experience of this venue`);
    out.push({ kind: 'experience', offer });
  }
  if (ids.perkId !== undefined) {
    const offer = venue.offers.perks.find((p) => p.id === ids.perkId);
    if (!offer) throw badRequest(`perk_id ${ids.perkId} is not a perk of this venue`);
    out.push({ kind: 'perk', offer });
  }
  return out;
}

/** Whether the offer runs on that date at all (weekday and date range). */
export function runsOn(window: OfferWindow, date: string): boolean {
  return (
    window.days.includes(weekdayOf(date)) &&
    (window.startDate === null || date >= window.startDate) &&
    (window.endDate === null || date <= window.endDate)
  );
}

/** Why a time is outside the offer's window, or null when it fits. */
export function windowRefusal(
  window: OfferWindow,
  date: string,
  shiftPersistentId: string,
  startMin: number,
  partySize: number,
): string | null {
  if (!runsOn(window, date)) return `is not offered on ${date}`;
  if (window.shiftPersistentIds.length > 0 && !window.shiftPersistentIds.includes(shiftPersistentId))
    return `is not offered in this shift`;
  if (startMin < window.startMin || startMin > window.endMin)
    return `is offered from ${formatHHMM(window.startMin)} to ${formatHHMM(window.endMin)} only`;
  if (partySize < window.partySizeMin || partySize > window.partySizeMax)
    return `is for parties of ${window.partySizeMin} to ${window.partySizeMax}`;
  return null;
}

/** Reservations on that date that carry the offer and still hold their place (cancelled ones free it). */
export function usedOn(
  store: Store,
  venue: Venue,
  named: NamedOffer,
  date: string,
  ignoreId?: string,
): number {
  let used = 0;
  for (const r of store.occupyingReservations(venue.id, date)) {
    if (r.id === ignoreId) continue;
    const carried = named.kind === 'perk' ? r.perkId : r.experienceId;
    if (carried === named.offer.id) used++;
  }
  return used;
}

export function isSoldOut(store: Store, venue: Venue, named: NamedOffer, date: string, ignoreId?: string) {
  const limit = named.offer.window.nightlyLimit;
  return limit !== null && usedOn(store, venue, named, date, ignoreId) >= limit;
}

/** Keeps the slots every named offer allows; none at all on a night an offer is sold out. */
export function filterSlots(
  store: Store,
  venue: Venue,
  offers: readonly NamedOffer[],
  date: string,
  partySize: number,
  slots: Slot[],
): Slot[] {
  if (offers.length === 0) return slots;
  if (offers.some((o) => isSoldOut(store, venue, o, date))) return [];
  return slots.filter((s) =>
    offers.every(
      (o) => windowRefusal(o.offer.window, date, s.shift.persistentId, s.startMin, partySize) === null,
    ),
  );
}

const label = (o: NamedOffer) =>
  o.kind === 'perk'
    ? `perk_id ${o.offer.id} (${o.offer.title})`
    : `experience_id ${o.offer.id} (${o.offer.name})`;

/**
 * Checks a booking's offers against its date, time and party: outside the window is a 400 naming the
 * field, a used-up nightly limit a 409. `ignoreId` is the reservation being changed.
 */
export function assertOffersBookable(
  store: Store,
  venue: Venue,
  offers: readonly NamedOffer[],
  booking: { date: string; startMin: number; partySize: number; ignoreId?: string | undefined },
): void {
  for (const o of offers) {
    const shift = shiftAt(venue, booking.date, booking.startMin);
    if (!shift) continue; // the booking itself answers "No shift found for date and time"
    const refusal = windowRefusal(
      o.offer.window,
      booking.date,
      shift.persistentId,
      booking.startMin,
      booking.partySize,
    );
    if (refusal) throw badRequest(`${label(o)} ${refusal}`);
    if (isSoldOut(store, venue, o, booking.date, booking.ignoreId))
      throw conflict(`${label(o)} is sold out on ${booking.date}`);
  }
}
