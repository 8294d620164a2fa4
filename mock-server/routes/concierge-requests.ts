import { requireConcierge, venueOfConcierge } from '../auth/scope.js';
import {
  deleteRequests,
  parseRequestIds,
  requestOfConcierge,
  updateRequest,
  type RequestFields,
} from '../domain/requests.js';
import { renderRequest } from '../render/request.js';
import { ok, str, type HandlerTable } from './context.js';

/** The reservation-request lifecycle a concierge drives: read, change, delete. */
export const conciergeRequestHandlers = {
  getConciergeReservationRequest({ c, rt, params, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const r = requestOfConcierge(rt.store, venue, concierge.id, params.request_id!);
    return ok(c, renderRequest(rt.store, venue, r));
  },

  /** Only an open request changes; the answer names it and, once accepted, its reservation. */
  updateConciergeReservationRequest({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const r = requestOfConcierge(rt.store, venue, concierge.id, params.request_id!);
    updateRequest(rt.store, venue, r, body as RequestFields);
    return ok(c, { request_id: r.id, reservation_id: r.reservationId });
  },

  /** Ids that are not this concierge's requests at this venue are skipped, exactly like missing ones. */
  deleteConciergeReservationRequests({ c, rt, params, body, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const deleted = deleteRequests(
      rt.store,
      venue,
      concierge.id,
      parseRequestIds([str(body, 'request_ids')!]),
    );
    return ok(c, { count: deleted.length, deleted_ids: deleted });
  },
} satisfies HandlerTable;
