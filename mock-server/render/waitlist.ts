import { formatNaiveIso } from '../domain/time.js';
import type { WaitlistRecord } from '../store/records.js';

const DISPLAY: Record<WaitlistRecord['status'], string> = {
  WAITING: 'Waiting',
  SEATED: 'Seated',
  LEFT: 'Left',
  CANCELED: 'Canceled',
};

/** A waitlist entry (shape is a mock convention; see docs/decisions/0001). */
export function renderWaitlistEntry(w: WaitlistRecord): Record<string, unknown> {
  return {
    id: w.id,
    venue_id: w.venueId,
    venue_group_id: w.venueGroupId,
    client_id: w.clientId,
    date: w.date,
    created: formatNaiveIso(w.createdMs),
    updated: formatNaiveIso(w.updatedMs),
    first_name: w.firstName,
    last_name: w.lastName,
    phone_number: w.phone,
    email: w.email,
    max_guests: w.partySize,
    quoted_wait_time: w.quotedWaitMinutes,
    status: w.status,
    status_display: DISPLAY[w.status],
    notes: w.notes,
    reservation_id: w.reservationId,
  };
}
