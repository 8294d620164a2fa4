/**
 * A client's `venue_stats` as the API shows them: per venue, the visit counts and spend the store
 * keeps, plus the figures derived from them (per cover, per visit, average rating). Both spellings
 * of the cancellation count are served: `total_cancelations` (the client's top-level field) and
 * `total_cancellations` (how integration code reads it inside `venue_stats`).
 */
import type { VenueStats } from '../store/records.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

export function renderVenueStats(all: Readonly<Record<string, VenueStats>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [venueId, s] of Object.entries(all)) {
    out[venueId] = {
      total_visits: s.total_visits,
      total_covers: s.total_covers,
      total_spend: s.total_spend,
      gross_total: s.gross_total ?? s.total_spend,
      total_spend_per_cover: s.total_covers > 0 ? round2(s.total_spend / s.total_covers) : 0,
      total_spend_per_visit: s.total_visits > 0 ? round2(s.total_spend / s.total_visits) : 0,
      total_noshows: s.total_noshows,
      total_cancelations: s.total_cancelations,
      total_cancellations: s.total_cancelations,
      last_visit_date: s.last_visit_date,
      avg_rating: averageRating([s]),
      booked_by_names: s.booked_by_names ?? [],
    };
  }
  return out;
}

/** The mean of the ratings behind `stats` to two decimals, or null when there are none. */
export function averageRating(stats: Iterable<VenueStats>): number | null {
  let sum = 0;
  let count = 0;
  for (const s of stats) {
    sum += s.rating_sum ?? 0;
    count += s.rating_count ?? 0;
  }
  return count > 0 ? round2(sum / count) : null;
}
