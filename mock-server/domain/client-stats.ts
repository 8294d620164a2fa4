import type { ReservationStatus } from './status.js';
import type { ClientRecord, ReservationRecord, VenueStats } from '../store/records.js';

/** Average spend per cover the mock books on a completed visit, by currency-neutral venue price band. */
export const SPEND_PER_COVER = 68;

export const emptyVenueStats = (): VenueStats => ({
  total_visits: 0,
  total_covers: 0,
  total_spend: 0,
  total_cancelations: 0,
  total_noshows: 0,
  last_visit_date: null,
});

/**
 * The change a reservation's status move makes to its guest's statistics: a completed visit adds
 * a visit, its covers and spend; a cancellation or no-show counts as one. Moving back undoes it.
 * Returns the new `venueStats`, or null when nothing changes.
 */
export function statsAfterStatusChange(
  client: ClientRecord,
  reservation: ReservationRecord,
  from: ReservationStatus | null,
  to: ReservationStatus,
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
  const next: VenueStats = {
    total_visits: current.total_visits + dVisit,
    total_covers: current.total_covers + dVisit * reservation.partySize,
    total_spend: Math.round((current.total_spend + dVisit * spend) * 100) / 100,
    total_cancelations: current.total_cancelations + dCancel,
    total_noshows: current.total_noshows + dNoShow,
    last_visit_date:
      dVisit > 0 && (!current.last_visit_date || reservation.date > current.last_visit_date)
        ? reservation.date
        : current.last_visit_date,
  };
  return { ...client.venueStats, [reservation.venueId]: next };
}
