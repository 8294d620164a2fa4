import { formatNaiveIso } from '../domain/time.js';
import type { ChargeRecord } from '../store/records.js';

const TRANSACTION_TYPES: Readonly<Record<ChargeRecord['transactionType'], string>> = {
  PREPAYMENT: 'transaction_type_internal',
  CANCELLATION_FEE: 'transaction_type_auto_internal',
  REFUND: 'transaction_type_refund',
  CONCIERGE_CHARGE: 'transaction_type_external',
};

const cents = (amount: number) => Math.round(amount * 100);

/** A charge as the Concierge API's charge list shows it: integer cents, refunds negative. */
export function renderConciergeCharge(
  ch: ChargeRecord,
  referenceCode: string | null,
): Record<string, unknown> {
  const sign = ch.isRefund ? -1 : 1;
  const extra = ch.concierge;
  const total = extra
    ? extra.totalAmount
    : ch.baseAmount + ch.taxAmount + ch.gratuityAmount + ch.additionalFee;
  return {
    id: ch.id,
    amount: sign * cents(total),
    base_amount: sign * cents(ch.baseAmount),
    tax_amount: sign * cents(ch.taxAmount),
    gratuity_amount: sign * cents(ch.gratuityAmount),
    additional_fee: sign * cents(ch.additionalFee),
    additional_fee_tax: 0,
    service_charge_amount: 0,
    upsell_amount: cents(extra?.upsellAmount ?? 0),
    promo_code: extra?.promoCodeId ?? '',
    promo_discount_amount: cents(extra?.promoDiscountAmount ?? 0),
    processing_fee: 0,
    original_amount: 0,
    brand: ch.brand,
    last_4: ch.last4,
    charged: formatNaiveIso(ch.createdMs),
    entity_id: ch.reservationId,
    entity_date: ch.date,
    reference_code: referenceCode,
    is_refund: ch.isRefund,
    is_info_request: false,
    status: ch.isRefund ? 'status_refunded' : 'status_succeeded',
    failure_code: '',
    failure_message: '',
    notes: '',
    reservation_notes: '',
    transaction_id: extra?.transactionId ?? `ch_${ch.id.slice(-16)}`,
    transaction_type: TRANSACTION_TYPES[ch.transactionType],
    venue_id: ch.venueId,
    venue_group_client_id: ch.clientId,
  };
}
