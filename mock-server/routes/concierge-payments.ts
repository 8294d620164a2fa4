import { requireConcierge, reservationOfConcierge, venueOfConcierge } from '../auth/scope.js';
import type { Concierge, Venue } from '../domain/model.js';
import { beginIntent } from '../domain/payment-intents.js';
import { addPaylink, buildPaylink, deletePaylink, findPaylink } from '../domain/paylinks.js';
import { quote } from '../domain/prices.js';
import { parseTime, weekdayOf } from '../domain/time.js';
import { checkInventory, parseUpgradeList, resolveUpgradeLines, unitsLeft } from '../domain/upgrades.js';
import { badRequest, MESSAGES, notFound } from '../errors.js';
import { renderPaylink } from '../render/paylink.js';
import { renderQuote } from '../render/price-quote.js';
import type { PaylinkRecord, ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { num, ok, sendJson, str, type Fields, type HandlerTable, type MockContext } from './context.js';
import { calendarDate, reservationIdParam } from './params.js';

/** `venue_id` from the query (documented) or the form (as the reference's form schema lists it). */
function paymentVenue(store: Store, concierge: Concierge, query: Fields, body: Fields): Venue {
  const venueId = str(query, 'venue_id') ?? str(body, 'venue_id');
  if (venueId === undefined) throw badRequest('Missing required field venue_id');
  return venueOfConcierge(store, concierge, venueId);
}

/** One of the concierge's reservations at the venue the path names; anything else is 404. */
function reservationAtVenue(store: Store, concierge: Concierge, venue: Venue, id: string): ReservationRecord {
  const reservation = reservationOfConcierge(store, concierge.id, reservationIdParam(id));
  if (reservation.venueId !== venue.id) throw notFound(MESSAGES.reservationNotFound);
  return reservation;
}

const GRATUITY_TYPES = new Set([
  'gratuity_percentage',
  'none',
  'require_client_select_charge',
  'client_select_gratuity',
]);

/**
 * The paylink answer: in `data` like every answer, and its fields at the top level as the reference's
 * example shows them (all but `status`, which stays the envelope's HTTP status).
 */
function paylinkAnswer(c: MockContext, paylink: Record<string, unknown>): Response {
  const { status: _linkStatus, ...topLevel } = paylink;
  return sendJson(c, { status: 200, data: paylink, request_id: c.get('requestId'), ...topLevel });
}

export const conciergePaymentHandlers = {
  beginConciergePayment({ c, rt, params, query, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = paymentVenue(rt.store, concierge, query, body);
    const intent = beginIntent(rt.store, {
      kind: 'payment',
      venueId: venue.id,
      conciergeId: concierge.id,
      amount: num(body, 'amount') ?? null,
    });
    return ok(c, { intent_id: intent.id, client_secret: intent.clientSecret });
  },

  beginConciergeSave({ c, rt, params, query, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = paymentVenue(rt.store, concierge, query, body);
    const intent = beginIntent(rt.store, {
      kind: 'setup',
      venueId: venue.id,
      conciergeId: concierge.id,
      amount: null,
    });
    return ok(c, { intent_id: intent.id, client_secret: intent.clientSecret });
  },

  createConciergePaylink({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const reservation = reservationAtVenue(rt.store, concierge, venue, params.id!);
    const gratuityType = str(body, 'gratuity_type');
    if (gratuityType !== undefined && !GRATUITY_TYPES.has(gratuityType))
      throw badRequest(`gratuity_type must be one of ${[...GRATUITY_TYPES].join(', ')}`);
    const type = str(body, 'type');
    if (type !== undefined && type !== 'charge' && type !== 'collect')
      throw badRequest('type must be charge or collect');
    const paylink = buildPaylink(rt.store, venue, reservation, {
      type,
      subtotal: num(body, 'subtotal'),
      serviceChargeAmount: num(body, 'service_charge_amount'),
      taxAmount: num(body, 'tax_amount'),
      gratuityAmount: num(body, 'gratuity_amount'),
      gratuityType: gratuityType as PaylinkRecord['gratuityType'] | undefined,
      noteToGuest: str(body, 'note_to_guest'),
      email: str(body, 'paylink_email_request'),
      autoCancelMinutes: num(body, 'paylink_auto_cancel_minutes'),
    });
    addPaylink(rt.store, reservation, paylink);
    return paylinkAnswer(c, renderPaylink(paylink, venue));
  },

  listConciergePaylinks({ c, rt, params, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const reservation = reservationAtVenue(rt.store, concierge, venue, params.reservation_id!);
    return ok(
      c,
      (reservation.paylinks ?? []).map((p) => renderPaylink(p, venue)),
    );
  },

  deleteConciergePaylink({ c, rt, params, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const { reservation, paylink } = findPaylink(
      rt.store,
      params.id!,
      (r) => r.conciergeId === concierge.id && r.venueId === venue.id,
    );
    deletePaylink(rt.store, reservation, paylink);
    return ok(c, {});
  },

  calculateConciergePrices({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const date = calendarDate(body, 'date');
    const startMin = parseTime(str(body, 'time')!)!;
    const partySize = num(body, 'party_size')!;
    const accessPersistentId = str(body, 'access_persistent_id')!;
    const rule = venue.accessRules.find((r) => r.persistentId === accessPersistentId);
    if (!rule || !rule.channels.includes('CONCIERGE'))
      throw badRequest(
        `access_persistent_id ${accessPersistentId} is not an access rule concierges can book at this venue`,
      );
    if (partySize < rule.partySizeMin || partySize > rule.partySizeMax) {
      throw badRequest(
        `party_size ${partySize} is outside ${rule.partySizeMin}-${rule.partySizeMax}, the access rule's party sizes`,
      );
    }
    const weekday = weekdayOf(date);
    const onShift = venue.shifts.some(
      (s) =>
        rule.shiftPersistentIds.includes(s.persistentId) &&
        s.days.includes(weekday) &&
        startMin >= s.startMin &&
        startMin < s.endMin,
    );
    if (!onShift || startMin < rule.startMin || startMin > rule.endMin) throw badRequest(MESSAGES.noShift);
    const upsells = str(body, 'upsells');
    const lines =
      upsells === undefined
        ? []
        : resolveUpgradeLines(venue, parseUpgradeList(upsells, 'upsells'), partySize, 'upsells');
    checkInventory(rt.store, lines, date, 'upsells', 'quote');
    const priced = quote(venue, partySize, lines);
    return ok(
      c,
      renderQuote(priced, accessPersistentId, (id) => {
        const line = lines.find((l) => l.upgrade.id === id);
        return line ? unitsLeft(rt.store, line.upgrade, date) : null;
      }),
    );
  },
} satisfies HandlerTable;
