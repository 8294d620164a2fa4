import { badRequest, conflict } from '../errors.js';
import type { ChargeRecord, ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { settlePaylinks } from './paylinks.js';

/**
 * Concierge charges: payments a concierge took outside SevenRooms and records against a
 * reservation with `add_charge`. A recorded charge is a charge of the venue like any other (the
 * Reservations API charge list shows it too), adds to the reservation's `total_payment`, and pays
 * the reservation's open paylinks as far as its total covers them.
 */
export interface AddChargeInput {
  transactionId: string;
  subtotal: string;
  cardId?: string | undefined;
  cardLast4?: string | undefined;
  cardBrand?: string | undefined;
  gratuity?: string | undefined;
  tax?: string | undefined;
  additionalFee?: string | undefined;
  upsellAmount?: string | undefined;
  promoCodeId?: string | undefined;
  promoDiscountAmount?: string | undefined;
  total?: string | undefined;
  skipValidation?: boolean | undefined;
}

const MONEY = /^\d{1,8}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** A money field (`"85"`, `"85.5"`, `"85.50"`) as cents; a clear 400 naming the field otherwise. */
function cents(value: string | undefined, field: string, { positive = false } = {}): number {
  if (value === undefined || value === '') return 0;
  if (!MONEY.test(value.trim()))
    throw badRequest(`${field} must be an amount such as 85.50 (at most two decimals); got ${value}`);
  const result = Math.round(Number(value.trim()) * 100);
  if (positive && result <= 0) throw badRequest(`${field} must be a non-zero, positive amount`);
  return result;
}

const fromCents = (c: number) => c / 100;

/** Records a concierge charge on `reservation`; returns the stored charge. */
export function addConciergeCharge(
  store: Store,
  reservation: ReservationRecord,
  conciergeId: string,
  input: AddChargeInput,
): ChargeRecord {
  const transactionId = input.transactionId.trim();
  if (transactionId === '' || transactionId.length > 200)
    throw badRequest('transaction_id must be 1 to 200 characters');
  const subtotal = cents(input.subtotal, 'subtotal', { positive: true });
  const taxPercent = input.tax === undefined || input.tax === '' ? 0 : Number(input.tax);
  if (!PERCENT.test(input.tax?.trim() || '0') || taxPercent > 100)
    throw badRequest(`tax is a percentage between 0 and 100; got ${input.tax}`);
  const taxAmount = Math.round((subtotal * taxPercent) / 100);
  const gratuity = cents(input.gratuity, 'gratuity');
  const additionalFee = cents(input.additionalFee, 'additional_fee');
  const upsell = cents(input.upsellAmount, 'upsell_amount');
  const promo = cents(input.promoDiscountAmount, 'promo_discount_amount');
  if (input.cardLast4 !== undefined && !/^\d{4}$/.test(input.cardLast4))
    throw badRequest(`card_last4 must be four digits; got ${input.cardLast4}`);
  const parts = subtotal + taxAmount + gratuity + additionalFee + upsell - promo;
  if (parts <= 0) throw badRequest('promo_discount_amount is larger than the rest of the charge');
  const total = input.total === undefined ? parts : cents(input.total, 'total', { positive: true });
  if (total !== parts && !input.skipValidation) {
    throw badRequest(
      `total ${fromCents(total).toFixed(2)} does not equal subtotal + tax + gratuity + additional_fee + ` +
        `upsell_amount - promo_discount_amount (${fromCents(parts).toFixed(2)}); send skip_validation=true to record it as sent`,
    );
  }
  for (const existing of store.chargesOfVenue(reservation.venueId).after(0)) {
    if (existing.concierge?.transactionId === transactionId)
      throw conflict(`transaction_id ${transactionId} was already recorded at this venue`);
  }
  const now = store.clock.now();
  const charge: ChargeRecord = {
    seq: store.nextSeq(),
    id: store.ids.key('sr_BillingHistory'),
    venueId: reservation.venueId,
    venueGroupId: reservation.venueGroupId,
    clientId: reservation.clientId,
    reservationId: reservation.id,
    date: reservation.date,
    baseAmount: fromCents(subtotal),
    taxAmount: fromCents(taxAmount),
    gratuityAmount: fromCents(gratuity),
    additionalFee: fromCents(additionalFee),
    brand: input.cardBrand?.trim() || 'Unknown',
    last4: input.cardLast4 ?? '0000',
    isRefund: false,
    transactionType: 'CONCIERGE_CHARGE',
    createdMs: now,
    concierge: {
      conciergeId,
      invoiceId: store.ids.key('sr_BillingInvoice'),
      transactionId,
      cardId: input.cardId ?? null,
      upsellAmount: fromCents(upsell),
      promoCodeId: input.promoCodeId ?? null,
      promoDiscountAmount: fromCents(promo),
      taxPercent,
      totalAmount: fromCents(total),
    },
  };
  store.insertCharge(charge);
  const paid = Math.round(((reservation.totalPayment ?? 0) + fromCents(total)) * 100) / 100;
  store.updateReservation(reservation, { totalPayment: paid, ...settlePaylinks(reservation, total, now) });
  return charge;
}

/** Charges at a venue on reservations the concierge booked (and charges the concierge recorded). */
export function chargeVisibleToConcierge(store: Store, charge: ChargeRecord, conciergeId: string): boolean {
  if (charge.concierge) return charge.concierge.conciergeId === conciergeId;
  return store.reservations.get(charge.reservationId)?.conciergeId === conciergeId;
}
