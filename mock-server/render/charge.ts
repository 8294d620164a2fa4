import { formatNaiveIso } from '../domain/time.js';
import type { ChargeRecord } from '../store/records.js';

const money = (n: number) => Math.round(n * 100) / 100;

/** A charge as `GET /venues/{venue_id}/charges` returns it. Refunds carry negative amounts. */
export function renderCharge(ch: ChargeRecord): Record<string, unknown> {
  const sign = ch.isRefund ? -1 : 1;
  const amount =
    ch.concierge?.totalAmount ?? ch.baseAmount + ch.taxAmount + ch.gratuityAmount + ch.additionalFee;
  return {
    id: ch.id,
    amount: money(sign * amount),
    base_amount: money(sign * ch.baseAmount),
    additional_fee: money(sign * ch.additionalFee),
    gratuity_amount: money(sign * ch.gratuityAmount),
    tax_amount: money(sign * ch.taxAmount),
    brand: ch.brand,
    card_display: `${ch.brand} ending in ${ch.last4}`,
    last_4: ch.last4,
    charged: formatNaiveIso(ch.createdMs),
    entity_id: ch.reservationId,
    entity_date: ch.date,
    is_refund: ch.isRefund,
    reference_code: ch.id.slice(-8).toUpperCase(),
    status: ch.isRefund ? 'REFUNDED' : 'SUCCEEDED',
    transaction_id: ch.concierge?.transactionId ?? `ch_${ch.id.slice(-16)}`,
    transaction_type: ch.transactionType,
    venue_id: ch.venueId,
    venue_group_id: ch.venueGroupId,
    venue_group_client_id: ch.clientId,
  };
}
