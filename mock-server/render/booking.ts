import type { ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/**
 * The book operations' `data`: the documented `{reservation_id, request_id, upgrades, paylink_auto_cancel}`
 * plus, as a mock convention, the full `reservation` so clients need no second call.
 */
export function renderBookResult(store: Store, record: ReservationRecord): Record<string, unknown> {
  return {
    reservation_id: record.id,
    // Read by live integration code (reference notes, section 10); not in the reference's list.
    reservation_reference_code: record.referenceCode,
    request_id: null,
    upgrades: [],
    paylink_auto_cancel: null,
    reservation: store.renderReservation(record),
  };
}
