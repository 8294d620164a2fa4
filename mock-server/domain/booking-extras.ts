import type { components } from '../spec/generated-types.js';
import type { ChargeRecord, PaylinkRecord, ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Venue } from './model.js';
import { intentForBooking, intentsOf, type PaymentIntentRecord } from './payment-intents.js';
import { buildPaylink, indexPaylinks, MIN_AUTO_CANCEL_MINUTES } from './paylinks.js';
import {
  checkInventory,
  parseUpgradeList,
  recordSelection,
  resolveUpgradeLines,
  type UpgradeLine,
} from './upgrades.js';

type BookInput = components['schemas']['BookReservationForm'];

/**
 * What a booking does beyond the reservation itself: take upgrades from the inventories
 * (`upgrade_inventories`), use a payment intent (`payment_instrument_token`), and create an
 * auto-cancel paylink (`payment_by_paylink`). {@link prepareBookingExtras} checks everything before
 * the booking changes any state; `fields` go into the new record or the update's patch, and
 * `commit` runs once the reservation is stored.
 */
export interface BookingExtras {
  fields: Partial<ReservationRecord>;
  commit(record: ReservationRecord): void;
}

/**
 * @param existing the reservation being updated, or null on create. Its own upgrades do not count
 *   against the inventory it is re-checked for.
 */
export function prepareBookingExtras(
  store: Store,
  venue: Venue,
  input: BookInput,
  conciergeId: string | null,
  existing: ReservationRecord | null,
): BookingExtras {
  let lines: UpgradeLine[] | null = null;
  if (input.upgrade_inventories !== undefined) {
    const chosen = parseUpgradeList(input.upgrade_inventories, 'upgrade_inventories');
    lines = resolveUpgradeLines(venue, chosen, input.party_size, 'upgrade_inventories');
    checkInventory(store, lines, input.date, 'upgrade_inventories', 'booking', existing?.id);
  }

  const intent: PaymentIntentRecord | null =
    input.payment_instrument_token === undefined
      ? null
      : intentForBooking(store, input.payment_instrument_token, venue.id, conciergeId, existing?.id ?? null);

  const fields: Partial<ReservationRecord> = {};
  if (intent?.kind === 'payment' && intent.reservationId === null) {
    const paid = intent.amount! / 100;
    fields.prepayment = paid;
    fields.totalPayment = Math.round(((existing?.totalPayment ?? 0) + paid) * 100) / 100;
  }

  let paylink: PaylinkRecord | null = null;
  if (input.payment_by_paylink === true) {
    paylink = buildPaylink(
      store,
      venue,
      { partySize: input.party_size, status: existing?.status ?? 'CONFIRMED', paylinks: existing?.paylinks },
      {
        type: 'charge',
        subtotal: input.payment_subtotal,
        serviceChargeAmount: input.payment_service_charge,
        taxAmount: input.payment_tax,
        gratuityAmount: input.payment_gratuity,
        noteToGuest: input.paylink_note,
        email: input.paylink_email,
        autoCancelMinutes: input.paylink_cancel_time ?? MIN_AUTO_CANCEL_MINUTES,
      },
      'paylink_cancel_time',
    );
    fields.paylinks = [...(existing?.paylinks ?? []), paylink];
  }

  return {
    fields,
    commit(record) {
      if (lines) recordSelection(store, record, lines);
      if (paylink) indexPaylinks(store, record);
      if (intent && intent.reservationId === null) {
        intentsOf(store).set(intent.id, { ...intent, reservationId: record.id });
        if (intent.kind === 'payment') store.insertCharge(prepaymentCharge(store, record, intent));
      }
    },
  };
}

function prepaymentCharge(store: Store, r: ReservationRecord, intent: PaymentIntentRecord): ChargeRecord {
  return {
    seq: store.nextSeq(),
    id: store.ids.key('nightloop_Charge'),
    venueId: r.venueId,
    venueGroupId: r.venueGroupId,
    clientId: r.clientId,
    reservationId: r.id,
    date: r.date,
    baseAmount: intent.amount! / 100,
    taxAmount: 0,
    gratuityAmount: 0,
    additionalFee: 0,
    brand: 'Visa',
    last4: '4242',
    isRefund: false,
    transactionType: 'PREPAYMENT',
    createdMs: store.clock.now(),
  };
}
