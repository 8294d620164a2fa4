/**
 * Deposits taken when a seeded reservation was booked (large parties whose access rule requires a
 * card, and a few prepaid experiences), and the refund when such a booking was cancelled in time.
 */
import type { IdFactory } from '../domain/ids.js';
import type { ChargeRecord, ReservationRecord } from '../store/records.js';
import { WeightedList, type Dice } from './dice.js';

const BRANDS = new WeightedList<string>([
  ['Visa', 50],
  ['Mastercard', 30],
  ['American Express', 17],
  ['Discover', 3],
]);

/** Share of cancelled prepaid bookings that were cancelled before the cut-off and refunded. */
const REFUND_SHARE = 0.7;

/**
 * Takes a deposit of `perCover` per guest on `r` (sets `prepayment`) and writes the charge, plus a
 * refund when `r` ended cancelled. Charges are stamped seconds after the booking / the cancellation.
 */
export function addPrepayment(
  dice: Dice,
  r: ReservationRecord,
  perCover: number,
  charges: ChargeRecord[],
  ids: IdFactory,
): void {
  const base = perCover * r.partySize;
  r.prepayment = base;
  const brand = BRANDS.draw(dice);
  const last4 = String(dice.int(0, 9999)).padStart(4, '0');
  const charge = (transactionType: ChargeRecord['transactionType'], createdMs: number): ChargeRecord => ({
    seq: 0,
    id: ids.key('nightloop_Charge'),
    venueId: r.venueId,
    venueGroupId: r.venueGroupId,
    clientId: r.clientId,
    reservationId: r.id,
    date: r.date,
    baseAmount: base,
    taxAmount: 0,
    gratuityAmount: 0,
    additionalFee: 0,
    brand,
    last4,
    isRefund: transactionType === 'REFUND',
    transactionType,
    createdMs,
  });
  // A charge lands a few seconds after the booking, but never after the booking was last touched.
  charges.push(charge('PREPAYMENT', Math.min(r.createdMs + dice.int(2_000, 40_000), r.updatedMs)));
  if (r.status === 'CANCELED' && dice.chance(REFUND_SHARE)) charges.push(charge('REFUND', r.updatedMs));
}
