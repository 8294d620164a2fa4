import { venueOfGroup } from '../auth/scope.js';
import { badRequest } from '../errors.js';
import { parseIsoInstant } from '../domain/time.js';
import type { ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { str, type Fields } from './context.js';
import { calendarDate, dateRange } from './params.js';

export interface ReservationFilter {
  /** Everything that shapes the result set, for the cursor fingerprint. */
  key: unknown[];
  test(r: ReservationRecord): boolean;
}

/** `updated_since` as epoch ms (any ISO 8601 form; naive is UTC, as the API writes `updated`), or undefined. */
export function updatedSince(fields: Fields): number | undefined {
  const raw = str(fields, 'updated_since');
  if (raw === undefined) return undefined;
  const ms = parseIsoInstant(raw);
  if (ms === null)
    throw badRequest(
      `updated_since must be an ISO 8601 date-time such as 2026-12-01T00:00:00 or 2026-12-01T00:00:00+00:00; got ${raw}`,
    );
  return ms;
}

/**
 * The filters `GET /reservations` and `/reservations/export` share: venue, date range, updated
 * since, client. Dates are required unless `updated_since` is given (the real API answers 400).
 */
export function reservationFilter(store: Store, venueGroupId: string, query: Fields): ReservationFilter {
  const venueId = str(query, 'venue_id');
  if (venueId !== undefined) venueOfGroup(store, venueGroupId, venueId);
  const since = updatedSince(query);
  const from = calendarDate(query, 'from_date', true);
  const to = calendarDate(query, 'to_date', true);
  if (since === undefined && (from === undefined || to === undefined)) {
    throw badRequest('from_date and to_date are required (or updated_since)');
  }
  if (from !== undefined && to !== undefined) dateRange(from, to, 366);
  const clientId = str(query, 'client_id');
  return {
    key: [venueGroupId, venueId ?? null, from ?? null, to ?? null, since ?? null, clientId ?? null],
    test: (r) =>
      (venueId === undefined || r.venueId === venueId) &&
      (from === undefined || r.date >= from) &&
      (to === undefined || r.date <= to) &&
      (since === undefined || r.updatedMs >= since) &&
      (clientId === undefined || r.clientId === clientId),
  };
}
