/**
 * The POS, payment and analytics fields of a reservation as the API shows them: `pos_tickets`
 * (rebuilt from the stored spend level, see domain/pos-tickets.ts), `served_by`, `paid_by`,
 * `check_numbers`, `comps`, the payment totals and their splits, `rating`, `min_price`,
 * `custom_fields` and the partner ids. Kept apart from render/reservation.ts, which spreads it in.
 *
 * How the totals fit together (all in the venue's currency):
 * - `prepayment` = `prepayment_total` = net + tax + gratuity + service charge of the deposit;
 * - `onsite_payment` = `onsite_payment_total` = what the checks came to beyond the deposit;
 * - `total_gross_payment` = `prepayment_total` + `onsite_payment_total` = the checks' `total`s;
 * - `total_net_payment` = `total_payment` = the checks' `subtotal`s (net of tax, tips, service).
 */
import { posChecksOf, sumChecks, type PosCheck, type PosLine } from '../domain/pos-tickets.js';
import type { Venue } from '../domain/model.js';
import type { ClientRecord, ReservationRecord } from '../store/records.js';

const money = (cents: number) => Math.round(cents) / 100;

export function renderReservationPos(
  r: ReservationRecord,
  venue: Venue | undefined,
  client: ClientRecord | undefined,
  tableNumbers: readonly string[],
) {
  const checks = posChecksOf(r, venue);
  const sums = sumChecks(checks);
  const linked = checks.length > 0;
  const finished = linked || r.status === 'COMPLETE';
  const prepay = r.prepayment ?? null;
  const prepayCents = Math.round((prepay ?? 0) * 100);
  const onsiteNet = Math.max(0, sums.subtotal - prepayCents);
  const onsiteTotal = onsiteNet + sums.tax + sums.gratuity;
  const rule = r.accessPersistentId
    ? venue?.accessRules.find((a) => a.persistentId === r.accessPersistentId)
    : undefined;
  const guestName = [r.firstName ?? client?.firstName, r.lastName ?? client?.lastName]
    .filter(Boolean)
    .join(' ');
  return {
    served_by: r.servedBy ?? null,
    paid_by: linked && guestName ? guestName : null,
    check_numbers: linked ? checks.map((c) => c.code) : null,
    comps: linked ? money(sums.comps) : null,
    rating: r.rating ?? null,
    min_price: rule?.minSpend ?? null,
    custom_fields: r.customFields ?? [],
    external_client_id: client?.externalUserId ?? null,
    external_reference_code: r.externalReferenceCode ?? null,
    payments: {
      prepayment: prepay,
      prepayment_net: prepay,
      prepayment_tax: prepay === null ? null : 0,
      prepayment_gratuity: prepay === null ? null : 0,
      prepayment_service_charge: prepay === null ? null : 0,
      prepayment_total: prepay,
      onsite_payment: finished ? money(onsiteTotal) : null,
      onsite_payment_net: finished ? money(onsiteNet) : null,
      onsite_payment_tax: finished ? money(sums.tax) : null,
      onsite_payment_gratuity: finished ? money(sums.gratuity) : null,
      onsite_payment_total: finished ? money(onsiteTotal) : null,
      total_payment: r.totalPayment,
      total_net_payment: finished ? money(prepayCents + onsiteNet) : null,
      total_gross_payment: finished ? money(prepayCents + onsiteTotal) : null,
    },
    pos_tickets: checks.map((c) => renderCheck(c, r, tableNumbers)),
  };
}

function renderCheck(c: PosCheck, r: ReservationRecord, tableNumbers: readonly string[]) {
  return {
    code: c.code,
    status: 'CLOSED',
    total: money(c.total),
    subtotal: money(c.subtotal),
    tax: money(c.tax),
    service_charge: money(c.serviceCharge),
    admin_fee: money(c.adminFee),
    tip: money(c.tip),
    employee_name: r.servedBy ?? null,
    table_no: tableNumbers[0] ?? null,
    start_time: r.seatedTime,
    end_time: r.leftTime,
    items: renderLines(c.lines),
  };
}

/** A line with units on the house shows as two: the paid units, and the comped ones at zero. */
function renderLines(lines: readonly PosLine[]) {
  const out: Record<string, unknown>[] = [];
  for (const l of lines) {
    const paid = l.quantity - l.comped;
    if (paid > 0) out.push(renderLine(l, paid, false));
    if (l.comped > 0) out.push(renderLine(l, l.comped, true));
  }
  return out;
}

function renderLine(l: PosLine, quantity: number, comp: boolean) {
  return {
    pos_item_id: l.item.id,
    name: l.item.name,
    category: l.item.category,
    quantity,
    price: l.item.price,
    total: comp ? 0 : money(quantity * Math.round(l.item.price * 100)),
    is_comp: comp,
  };
}
