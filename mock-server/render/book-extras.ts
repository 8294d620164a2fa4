import { formatNaiveIso } from '../domain/time.js';
import type { ReservationRecord } from '../store/records.js';

/**
 * The reservation fields that come from the book form beyond the public object: the guest's SMS
 * opt-in for this reservation and, as a mock convention, the messages the booking asked the venue
 * to send (`send_*` flags), so a test can assert them; nothing is ever sent.
 */
export function renderBookExtras(r: ReservationRecord): Record<string, unknown> {
  return {
    reservation_sms_opt_in: r.reservationSmsOptIn ?? null,
    mock_notifications: (r.notifications ?? []).map((n) => ({
      kind: n.kind,
      channel: n.channel,
      to: n.to,
      requested: formatNaiveIso(n.requestedMs),
    })),
  };
}
