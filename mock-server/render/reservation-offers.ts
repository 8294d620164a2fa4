import type { Venue } from '../domain/model.js';
import type { ReservationRecord } from '../store/records.js';

/**
 * The reservation's link to the features of issue 11B: `request_id` (the reservation request it
 * fulfilled; the reference shows the field, null on a direct booking), `perks` (the reference shows an
 * object; the mock keys the booked perk's title by its id) and `experience_id` (mock convention).
 */
export function renderReservationOffers(r: ReservationRecord, venue: Venue | undefined) {
  const perk = r.perkId ? venue?.offers.perks.find((p) => p.id === r.perkId) : undefined;
  return {
    request_id: r.requestId ?? null,
    perks: perk ? { [perk.id]: perk.title } : {},
    experience_id: r.experienceId ?? null,
  };
}
