import { requireVenueGroup, reservationOfGroup, venueOfGroup } from '../auth/scope.js';
import { pageLimit, paginate, queryFingerprint } from '../domain/pagination.js';
import { book, cancel, type BookInput } from '../domain/reservations.js';
import { formatHHMM } from '../domain/time.js';
import { renderBookResult } from '../render/booking.js';
import { bool, num, ok, okListJsonTexts, str, type HandlerTable } from './context.js';
import { calendarDate, reservationIdParam } from './params.js';

/**
 * The Reservations-API paths live integration code uses beside the documented ones: a venue's
 * reservations by day, and update and cancel as POSTs on the reservation (aliases of the book
 * update and the DELETE, with the same rules and answers).
 */
export const reservationAliasHandlers = {
  listVenueReservations({ c, rt, params, query, credential }) {
    const groupId = requireVenueGroup(credential);
    const venue = venueOfGroup(rt.store, groupId, params.venue_id!);
    const date = calendarDate(query, 'date');
    const limit = pageLimit(num(query, 'limit'), 30);
    const page = paginate(rt.store.reservationsOfGroup(groupId), {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint(['listVenueReservations', venue.id, date]),
      filter: (r) => r.venueId === venue.id && r.date === date,
    });
    return okListJsonTexts(
      c,
      page.items.map((r) => rt.store.reservationJson(r).text),
      limit,
      page.cursor,
    );
  },

  updateReservation({ c, rt, params, body, credential }) {
    const groupId = requireVenueGroup(credential);
    const record = reservationOfGroup(rt.store, groupId, reservationIdParam(params.reservation_id!));
    const venue = venueOfGroup(rt.store, groupId, record.venueId);
    const input = {
      date: record.date,
      time: formatHHMM(record.startMin),
      party_size: record.partySize,
      ...body,
      reservation_id: record.id,
    } as unknown as BookInput;
    book(rt.store, venue, input, {
      channel: 'RESERVATIONS_API',
      conciergeId: null,
      name: `API (${credential.clientId})`,
    });
    return ok(c, renderBookResult(rt.store, record));
  },

  cancelReservationByPost({ c, rt, params, query, body, credential }) {
    const r = reservationOfGroup(
      rt.store,
      requireVenueGroup(credential),
      reservationIdParam(params.reservation_id!),
    );
    cancel(rt.store, r, {
      sendClientEmail: bool(body, 'send_client_email') ?? bool(query, 'send_client_email'),
    });
    return ok(c, { reservation_id: r.id });
  },
} satisfies HandlerTable;
