import { parseDatastoreKey } from '../domain/ids.js';
import type { Venue } from '../domain/model.js';
import { formatNaiveIso } from '../domain/time.js';
import type { PaylinkRecord } from '../store/records.js';

/** A paylink as the paylink operations and a reservation's `payments` show it. Amounts in cents. */
export function renderPaylink(p: PaylinkRecord, venue: Venue | undefined): Record<string, unknown> {
  const urlKey = venue ? venue.key.replace(/-/g, '') : 'venue';
  return {
    id: p.id,
    type: p.type,
    status: p.state,
    subtotal: p.subtotal,
    service_charge_amount: p.serviceChargeAmount,
    tax_amount: p.taxAmount,
    gratuity_amount: p.gratuityAmount,
    gratuity_type: p.gratuityType,
    note_to_guest: p.noteToGuest,
    paylink_email_request: p.emailRequest,
    paylink_auto_cancel_minutes: p.autoCancelMinutes,
    auto_cancel_datetime: p.deadlineMs === null ? null : formatNaiveIso(p.deadlineMs),
    link: `https://www.sevenrooms.com/paylink/${urlKey}/${parseDatastoreKey(p.id)?.id ?? p.id}`,
    created: formatNaiveIso(p.createdMs),
    settled: p.settledMs === null ? null : formatNaiveIso(p.settledMs),
  };
}
