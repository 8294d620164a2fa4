import { requireConcierge, reservationOfConcierge, venueOfConcierge } from '../auth/scope.js';
import { addConciergeCharge, chargeVisibleToConcierge } from '../domain/concierge-charges.js';
import { parseDatastoreKey } from '../domain/ids.js';
import { pageLimit, paginate, queryFingerprint } from '../domain/pagination.js';
import { badRequest, MESSAGES, notFound } from '../errors.js';
import { renderConciergeCharge } from '../render/concierge-charge.js';
import { bool, num, ok, str, type HandlerTable } from './context.js';
import { reservationIdParam } from './params.js';

export const conciergeChargeHandlers = {
  addConciergeCharge({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const id = reservationIdParam(params.reservation_id!);
    const venueId = str(body, 'venue_id');
    // Reference codes are unique only within a venue, so the reference asks for the venue with one.
    if (parseDatastoreKey(id) === null && venueId === undefined)
      throw badRequest('venue_id is required when reservation_id is a reference code');
    if (venueId !== undefined) venueOfConcierge(rt.store, concierge, venueId);
    const reservation = reservationOfConcierge(rt.store, concierge.id, id);
    if (venueId !== undefined && reservation.venueId !== venueId)
      throw notFound(MESSAGES.reservationNotFound);
    const charge = addConciergeCharge(rt.store, reservation, concierge.id, {
      transactionId: str(body, 'transaction_id')!,
      subtotal: str(body, 'subtotal')!,
      cardId: str(body, 'card_id'),
      cardLast4: str(body, 'card_last4'),
      cardBrand: str(body, 'card_brand'),
      gratuity: str(body, 'gratuity'),
      tax: str(body, 'tax'),
      additionalFee: str(body, 'additional_fee'),
      upsellAmount: str(body, 'upsell_amount'),
      promoCodeId: str(body, 'promo_code_id'),
      promoDiscountAmount: str(body, 'promo_discount_amount'),
      total: str(body, 'total'),
      skipValidation: bool(body, 'skip_validation'),
    });
    return ok(c, { invoice_id: charge.concierge!.invoiceId, reference_id: charge.id, status: 'SUCCESS' });
  },

  listConciergeCharges({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const limit = pageLimit(num(query, 'limit'), 30);
    const page = paginate(rt.store.chargesOfVenue(venue.id), {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint(['listConciergeCharges', concierge.id, venue.id]),
      filter: (charge) => chargeVisibleToConcierge(rt.store, charge, concierge.id),
    });
    const charges = page.items.map((charge) =>
      renderConciergeCharge(charge, rt.store.reservations.get(charge.reservationId)?.referenceCode ?? null),
    );
    return ok(c, page.cursor === undefined ? { charges, limit } : { charges, cursor: page.cursor, limit });
  },
} satisfies HandlerTable;
