import { badRequest, conflict } from '../errors.js';
import type { Store } from '../store/store.js';

/**
 * Stripe-style intents handed out by `begin_payment` (a PaymentIntent, `pi_…`, for a prepayment) and
 * `begin_save` (a SetupIntent, `seti_…`, to save a card). A booking refers to one with
 * `payment_instrument_token`; each intent serves one booking. Ids and secrets come from the store's
 * seeded random, so the same seed and requests give the same ids.
 */
export interface PaymentIntentRecord {
  /** The intent id, e.g. `pi_3Qx…`. */
  id: string;
  kind: 'payment' | 'setup';
  clientSecret: string;
  venueId: string;
  conciergeId: string;
  /** Cents, for a payment intent; null for a setup intent. */
  amount: number | null;
  createdMs: number;
  /** The reservation that used it, once one did. */
  reservationId: string | null;
}

const INTENTS = 'paymentIntents';
/** Stripe's upper bound for one charge, in cents. */
export const MAX_AMOUNT_CENTS = 99_999_999;
/** Intents kept before the oldest unused one is forgotten. */
export const MAX_UNUSED_INTENTS = 10_000;

export const intentsOf = (store: Store) => store.collections.of<PaymentIntentRecord>(INTENTS);

/** Creates a payment (amount in cents) or setup intent for a concierge at a venue. */
export function beginIntent(
  store: Store,
  input: { kind: 'payment' | 'setup'; venueId: string; conciergeId: string; amount: number | null },
): PaymentIntentRecord {
  if (input.kind === 'payment') {
    const amount = input.amount;
    if (amount === null || !Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT_CENTS)
      throw badRequest(`amount must be a whole number of cents from 1 to ${MAX_AMOUNT_CENTS}`);
  }
  const prefix = input.kind === 'payment' ? 'pi' : 'seti';
  const id = `${prefix}_${store.ids.alphanumeric(24)}`;
  const intent: PaymentIntentRecord = {
    id,
    kind: input.kind,
    clientSecret: `${id}_secret_${store.ids.alphanumeric(25)}`,
    venueId: input.venueId,
    conciergeId: input.conciergeId,
    amount: input.kind === 'payment' ? input.amount : null,
    createdMs: store.clock.now(),
    reservationId: null,
  };
  const intents = intentsOf(store);
  intents.set(id, intent);
  // Bounds memory on a long soak: the oldest intent no booking used is forgotten first.
  if (intents.size > MAX_UNUSED_INTENTS) {
    for (const [key, old] of intents) {
      if (old.reservationId === null) {
        intents.delete(key);
        break;
      }
    }
  }
  return intent;
}

/**
 * The intent a booking names in `payment_instrument_token`: it must have been begun by this
 * concierge for this venue and not used by another reservation.
 */
export function intentForBooking(
  store: Store,
  token: string,
  venueId: string,
  conciergeId: string | null,
  reservationId: string | null,
): PaymentIntentRecord {
  const intent = intentsOf(store).get(token);
  if (!intent || intent.venueId !== venueId || intent.conciergeId !== conciergeId) {
    throw badRequest(
      `payment_instrument_token ${token} is not an intent from begin_payment or begin_save for this venue`,
    );
  }
  if (intent.reservationId !== null && intent.reservationId !== reservationId)
    throw conflict(`payment_instrument_token ${token} was already used for another reservation`);
  return intent;
}
