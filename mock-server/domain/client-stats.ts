import type { ReservationStatus } from './status.js';
import type { ClientRecord, ReservationRecord, VenueStats } from '../store/records.js';

/** Average spend per cover the mock books on a completed visit, by currency-neutral venue price band. */
export const SPEND_PER_COVER = 68;

/** At most this many distinct `booked_by_names` are kept per venue. */
const MAX_BOOKED_BY_NAMES = 12;

export const emptyVenueStats = (): VenueStats => ({
  total_visits: 0,
  total_covers: 0,
  total_spend: 0,
  total_cancelations: 0,
  total_noshows: 0,
  last_visit_date: null,
  gross_total: 0,
  rating_sum: 0,
  rating_count: 0,
  booked_by_names: NO_NAMES,
});

const NO_NAMES = Object.freeze([]) as unknown as string[];
/**
 * One frozen array per distinct list of names: a seeded group has a handful of booking channels,
 * so 100k guests share a few dozen arrays instead of carrying one each. Writers always replace the
 * array, never push into it.
 */
const nameLists = new Map<string, string[]>();
function withName(names: readonly string[], name: string): string[] {
  if (names.includes(name) || names.length >= MAX_BOOKED_BY_NAMES) return names as string[];
  const next = [...names, name];
  const key = next.join('\u0000');
  let shared = nameLists.get(key);
  if (!shared) nameLists.set(key, (shared = Object.freeze(next) as string[]));
  return shared;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The change a reservation's status move makes to its guest's statistics: a completed visit adds
 * a visit, its covers, its spend (net `total_payment`, and `grossSpend` with tax and tips), its
 * rating and who booked it; a cancellation or no-show counts as one. Moving back undoes the counts.
 * Returns the new `venueStats`, or null when nothing changes.
 */
export function statsAfterStatusChange(
  client: ClientRecord,
  reservation: ReservationRecord,
  from: ReservationStatus | null,
  to: ReservationStatus,
  grossSpend?: number,
): Record<string, VenueStats> | null {
  if (from === to) return null;
  const weight = (s: ReservationStatus | null) => ({
    visit: s === 'COMPLETE' ? 1 : 0,
    cancel: s === 'CANCELED' ? 1 : 0,
    noshow: s === 'NO_SHOW' ? 1 : 0,
  });
  const [a, b] = [weight(from), weight(to)];
  const dVisit = b.visit - a.visit;
  const dCancel = b.cancel - a.cancel;
  const dNoShow = b.noshow - a.noshow;
  if (dVisit === 0 && dCancel === 0 && dNoShow === 0) return null;
  const current = client.venueStats[reservation.venueId] ?? emptyVenueStats();
  const spend = reservation.totalPayment ?? reservation.partySize * SPEND_PER_COVER;
  const rated = reservation.rating ?? null;
  const next: VenueStats = {
    total_visits: current.total_visits + dVisit,
    total_covers: current.total_covers + dVisit * reservation.partySize,
    total_spend: round2(current.total_spend + dVisit * spend),
    total_cancelations: current.total_cancelations + dCancel,
    total_noshows: current.total_noshows + dNoShow,
    last_visit_date:
      dVisit > 0 && (!current.last_visit_date || reservation.date > current.last_visit_date)
        ? reservation.date
        : current.last_visit_date,
    gross_total: round2((current.gross_total ?? 0) + dVisit * (grossSpend ?? spend)),
    rating_sum: (current.rating_sum ?? 0) + (rated === null ? 0 : dVisit * rated),
    rating_count: (current.rating_count ?? 0) + (rated === null ? 0 : dVisit),
    booked_by_names:
      dVisit > 0 && reservation.bookedBy
        ? withName(current.booked_by_names ?? NO_NAMES, reservation.bookedBy)
        : (current.booked_by_names ?? NO_NAMES),
  };
  return { ...client.venueStats, [reservation.venueId]: next };
}
