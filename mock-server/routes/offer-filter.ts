import { filterSlots, namedOffers, type NamedOffer } from '../domain/offers.js';
import type { Venue } from '../domain/model.js';
import type { DayAvailability } from '../domain/search.js';
import type { Store } from '../store/store.js';
import { num, str, type Fields } from './context.js';

/** The experience and perk an availability query names (400 when not the venue's). */
export function offersInQuery(query: Fields, venue: Venue): NamedOffer[] {
  return namedOffers(venue, { experienceId: str(query, 'experience_id'), perkId: str(query, 'perk_id') });
}

/** Narrows a day's slots to what the offers allow. */
export function narrowDay(
  store: Store,
  venue: Venue,
  offers: readonly NamedOffer[],
  query: Fields,
  date: string,
  day: DayAvailability,
): DayAvailability {
  if (offers.length === 0) return day;
  return { ...day, slots: filterSlots(store, venue, offers, date, num(query, 'party_size')!, day.slots) };
}

/** Slots found for an experience carry its id, as the reference's timeslots do. */
export function markExperience(rendered: Record<string, unknown>, offers: readonly NamedOffer[]) {
  const experience = offers.find((o) => o.kind === 'experience');
  if (experience && Array.isArray(rendered.timeslots)) {
    for (const slot of rendered.timeslots as Record<string, unknown>[])
      slot.experience_id = experience.offer.id;
  }
  return rendered;
}
