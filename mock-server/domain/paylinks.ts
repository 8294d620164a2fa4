import { badRequest, MESSAGES, notFound } from '../errors.js';
import type { PaylinkRecord, ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Venue } from './model.js';
import { quote } from './prices.js';
import { applyStatus } from './reservations.js';
import { canTransition } from './status.js';

/**
 * Paylinks: payment links sent to a reservation's guest. They live on the reservation (its
 * `payments`), so every change is a reservation update with its webhook event. An index collection
 * finds a paylink's reservation by paylink id. With an auto-cancel time, a link still unpaid when the
 * clock passes its deadline cancels the reservation (see {@link expireDuePaylinks}).
 */
export interface PaylinkOwnerRecord {
  /** The paylink's id. */
  id: string;
  reservationId: string;
}

const OWNERS = 'paylinkOwners';
export const MIN_AUTO_CANCEL_MINUTES = 15;
export const MAX_AUTO_CANCEL_MINUTES = 180;
/** Bounds the links one reservation can collect. */
export const MAX_PAYLINKS_PER_RESERVATION = 20;

export const paylinkOwnersOf = (store: Store) => store.collections.of<PaylinkOwnerRecord>(OWNERS);

export interface PaylinkInput {
  type?: 'charge' | 'collect' | undefined;
  subtotal?: number | undefined;
  serviceChargeAmount?: number | undefined;
  taxAmount?: number | undefined;
  gratuityAmount?: number | undefined;
  gratuityType?: PaylinkRecord['gratuityType'] | undefined;
  noteToGuest?: string | undefined;
  email?: string | undefined;
  autoCancelMinutes?: number | undefined;
}

/**
 * A new paylink for `reservation` (not yet stored). Amounts are cents; a `charge` link without a
 * `subtotal` asks for what the venue's prices say the reservation costs. `field` names the form
 * field of the auto-cancel minutes in errors.
 */
export function buildPaylink(
  store: Store,
  venue: Venue,
  reservation: Pick<ReservationRecord, 'partySize' | 'status' | 'paylinks'>,
  input: PaylinkInput,
  autoCancelField = 'paylink_auto_cancel_minutes',
): PaylinkRecord {
  if (reservation.status === 'CANCELED') throw badRequest(MESSAGES.alreadyCancelled);
  if ((reservation.paylinks?.length ?? 0) >= MAX_PAYLINKS_PER_RESERVATION)
    throw badRequest(`A reservation can have at most ${MAX_PAYLINKS_PER_RESERVATION} paylinks`);
  const minutes = input.autoCancelMinutes ?? null;
  if (minutes !== null && (minutes < MIN_AUTO_CANCEL_MINUTES || minutes > MAX_AUTO_CANCEL_MINUTES)) {
    throw badRequest(
      `${autoCancelField} must be between ${MIN_AUTO_CANCEL_MINUTES} and ${MAX_AUTO_CANCEL_MINUTES} minutes`,
    );
  }
  const type = input.type ?? 'charge';
  const priced = quote(venue, reservation.partySize, []);
  const subtotal = input.subtotal ?? (type === 'charge' ? priced.subtotal : 0);
  if (type === 'charge' && subtotal <= 0) {
    throw badRequest(
      'subtotal must be a positive amount in cents for a charge paylink (the venue has no price for this reservation)',
    );
  }
  const fromPrices = input.subtotal === undefined && type === 'charge';
  const gratuityAmount = input.gratuityAmount ?? (fromPrices ? priced.gratuity : 0);
  const now = store.clock.now();
  return {
    id: store.ids.key('sr_BillingHistory'),
    type,
    subtotal,
    serviceChargeAmount: input.serviceChargeAmount ?? (fromPrices ? priced.serviceCharge : 0),
    taxAmount: input.taxAmount ?? (fromPrices ? priced.tax : 0),
    gratuityAmount,
    gratuityType: input.gratuityType ?? (gratuityAmount > 0 ? 'gratuity_percentage' : 'none'),
    noteToGuest: input.noteToGuest ?? '',
    emailRequest: input.email ?? '',
    autoCancelMinutes: minutes,
    deadlineMs: minutes === null ? null : now + minutes * 60_000,
    state: 'pending',
    createdMs: now,
    settledMs: null,
  };
}

/** Adds a paylink to a stored reservation (an `updated` event) and indexes it. */
export function addPaylink(store: Store, reservation: ReservationRecord, paylink: PaylinkRecord): void {
  store.updateReservation(reservation, { paylinks: [...(reservation.paylinks ?? []), paylink] });
  indexPaylinks(store, reservation);
}

/** Indexes the reservation's paylinks by id and asks to be woken at the earliest deadline. */
export function indexPaylinks(store: Store, reservation: ReservationRecord): void {
  const owners = paylinkOwnersOf(store);
  for (const paylink of reservation.paylinks ?? []) {
    owners.set(paylink.id, { id: paylink.id, reservationId: reservation.id });
    if (paylink.state === 'pending' && paylink.deadlineMs !== null) store.wakeAt(paylink.deadlineMs);
  }
}

/** A paylink and its reservation, if the paylink exists and `visible` accepts the reservation. */
export function findPaylink(
  store: Store,
  paylinkId: string,
  visible: (r: ReservationRecord) => boolean,
): { reservation: ReservationRecord; paylink: PaylinkRecord } {
  const owner = paylinkOwnersOf(store).get(paylinkId);
  const reservation = owner ? store.reservations.get(owner.reservationId) : undefined;
  const paylink = reservation?.paylinks?.find((p) => p.id === paylinkId);
  if (!reservation || !paylink || !visible(reservation))
    throw notFound('No paylink found for the given paylink_id.');
  return { reservation, paylink };
}

/** Withdraws a paylink: it leaves the reservation's `payments`. A paid one cannot be withdrawn. */
export function deletePaylink(store: Store, reservation: ReservationRecord, paylink: PaylinkRecord): void {
  if (paylink.state === 'paid')
    throw badRequest(`Paylink ${paylink.id} has already been paid and cannot be deleted`);
  store.updateReservation(reservation, {
    paylinks: (reservation.paylinks ?? []).filter((p) => p.id !== paylink.id),
  });
  paylinkOwnersOf(store).delete(paylink.id);
}

/**
 * Marks the reservation's pending paylinks paid, oldest first, as far as `amountCents` covers their
 * totals. Returns the patch for the reservation (nothing when no link was settled).
 */
export function settlePaylinks(reservation: ReservationRecord, amountCents: number, nowMs: number) {
  let left = amountCents;
  let changed = false;
  const paylinks = (reservation.paylinks ?? []).map((p) => {
    const total = paylinkTotal(p);
    if (p.state !== 'pending' || total > left) return p;
    left -= total;
    changed = true;
    return { ...p, state: 'paid' as const, settledMs: nowMs };
  });
  return changed ? { paylinks } : {};
}

export const paylinkTotal = (p: PaylinkRecord) =>
  p.subtotal + p.serviceChargeAmount + p.taxAmount + p.gratuityAmount;

/**
 * Cancels every reservation whose auto-cancel paylink is still unpaid at the clock's now: the link
 * becomes `expired` and the reservation `CANCELED` in one update (one webhook event). A reservation
 * that has moved on (seated, completed...) keeps its status; only the link expires. Returns the
 * next pending deadline (epoch ms), or Infinity when none is left.
 */
export function expireDuePaylinks(store: Store): number {
  const now = store.clock.now();
  let next = Infinity;
  const due = new Set<ReservationRecord>();
  const owners = paylinkOwnersOf(store);
  for (const owner of owners.values()) {
    const reservation = store.reservations.get(owner.reservationId);
    // A hard-deleted reservation took its paylinks with it; forget their index entries.
    if (!reservation) owners.delete(owner.id);
    const paylink = reservation?.paylinks?.find((p) => p.id === owner.id);
    if (!reservation || paylink?.state !== 'pending' || paylink.deadlineMs === null) continue;
    if (paylink.deadlineMs <= now) due.add(reservation);
    else next = Math.min(next, paylink.deadlineMs);
  }
  for (const reservation of due) {
    const paylinks = (reservation.paylinks ?? []).map((p) =>
      p.state === 'pending' && p.deadlineMs !== null && p.deadlineMs <= now
        ? { ...p, state: 'expired' as const, settledMs: p.deadlineMs }
        : p,
    );
    const patch: Partial<ReservationRecord> = { paylinks };
    if (reservation.status !== 'CANCELED' && canTransition(reservation.status, 'CANCELED'))
      applyStatus(store, reservation, 'CANCELED', patch);
    store.updateReservation(reservation, patch);
  }
  return next;
}
