/** A bookable time found in an availability response. */
export interface Slot {
  date: string;
  time: string;
  accessPersistentId?: string;
  shiftPersistentId?: string;
}

/** What scenarios discover and hand to later scenarios; nothing here is a hard-coded fixture id. */
export interface SuiteState {
  /** The target's notion of today (from the `request_id` epoch, else the `Date` header, else ours). */
  today: Date;
  venueGroupId?: string;
  venueIds: string[];
  conciergeVenueIds: string[];
  /** A venue the concierge credential sees but the venue-group credential does not. */
  foreignVenueId?: string;
  /** A reservation booked by the suite through the Reservations API (cancelled by the suite). */
  reservationId?: string;
}

/** Epoch seconds in a SevenRooms `request_id` (`1733760284.46b5...`), or the `Date` header. */
export function targetNow(json: unknown, headers: Record<string, string> | undefined): Date | undefined {
  const requestId =
    json && typeof json === 'object' && 'request_id' in json && typeof json.request_id === 'string'
      ? json.request_id
      : undefined;
  const epoch = requestId ? /^(\d{9,11})\./.exec(requestId)?.[1] : undefined;
  if (epoch) return new Date(Number(epoch) * 1000);
  const date = headers?.date ? new Date(headers.date) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
