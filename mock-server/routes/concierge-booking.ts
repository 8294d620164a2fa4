import { requireConcierge, venueOfConcierge } from '../auth/scope.js';
import { placeHold, releaseHold } from '../domain/holds.js';
import { book, type BookInput } from '../domain/reservations.js';
import { createRequest, type RequestFields } from '../domain/requests.js';
import { renderBookResult } from '../render/booking.js';
import { num, ok, sendJson, str, type HandlerTable } from './context.js';
import { calendarDate } from './params.js';

export const conciergeBookingHandlers = {
  createConciergeHold({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const hold = placeHold(rt.store, {
      venue,
      conciergeId: concierge.id,
      channel: 'CONCIERGE',
      date: calendarDate(body, 'date'),
      time: str(body, 'time')!,
      partySize: num(body, 'party_size')!,
      shiftPersistentId: str(body, 'shift_persistent_id')!,
      accessPersistentId: str(body, 'access_persistent_id')!,
      reservationId: str(body, 'reservation_id'),
      holdSeconds: num(body, 'hold_wait_time_sec'),
    });
    return ok(c, {
      hold_duration_sec: Math.round((hold.expiresMs - hold.createdMs) / 1000),
      access_persistent_id: hold.accessPersistentId,
      reservation_hold_id: hold.id,
      shift_persistent_id: hold.shiftPersistentId,
    });
  },

  /** Answers with the documented top-level `message`, not `data`. */
  releaseConciergeHold({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const hold = releaseHold(rt.store, {
      venueId: venue.id,
      conciergeId: concierge.id,
      holdId: params.reservation_hold_id!,
      date: calendarDate(body, 'date'),
      shiftPersistentId: str(body, 'shift_persistent_id')!,
    });
    return sendJson(c, { status: 200, message: `Hold <${hold.id}> released normally` });
  },

  bookConciergeReservation({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const record = book(rt.store, venue, body as unknown as BookInput, {
      channel: 'CONCIERGE',
      conciergeId: concierge.id,
      name: concierge.name,
    });
    return ok(c, renderBookResult(rt.store, record));
  },

  /** A reservation request for when no slot suits: stored for the venue to accept or decline. */
  requestConciergeReservation({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const request = createRequest(
      rt.store,
      venue,
      { conciergeId: concierge.id, name: concierge.name },
      body as RequestFields,
    );
    return ok(c, { request_id: request.id });
  },
} satisfies HandlerTable;
