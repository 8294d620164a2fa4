import { selectionsOf } from '../domain/upgrades.js';
import type { ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { renderPaylink } from './paylink.js';

/**
 * The book operations' `data`: the documented `{reservation_id, request_id, upgrades, paylink_auto_cancel}`
 * plus, as a mock convention, the full `reservation` so clients need no second call. `upgrades` are
 * what the booking took from the inventories; `paylink_auto_cancel` is its pending auto-cancel paylink.
 */
export function renderBookResult(store: Store, record: ReservationRecord): Record<string, unknown> {
  const selection = selectionsOf(store).get(record.id);
  const autoCancel = (record.paylinks ?? []).findLast(
    (p) => p.state === 'pending' && p.autoCancelMinutes !== null,
  );
  return {
    reservation_id: record.id,
    // Read by live integration code (reference notes, section 10); not in the reference's list.
    reservation_reference_code: record.referenceCode,
    request_id: null,
    upgrades: (selection?.lines ?? []).map((l) => ({ upgrade_id: l.upgradeId, quantity: l.quantity })),
    paylink_auto_cancel: autoCancel
      ? renderPaylink(autoCancel, store.catalog.venues.get(record.venueId))
      : null,
    reservation: store.renderReservation(record),
  };
}
