import { notFound } from '../errors.js';
import type { Venue } from '../domain/model.js';
import { acceptRequest, declineRequest, requestAtVenue, requestsOfVenue } from '../domain/requests.js';
import { renderRequest } from '../render/request.js';
import type { ControlDeps, ControlHandlerTable } from './context.js';

function venueOf(deps: ControlDeps, id: string): Venue {
  const venue = deps.catalog.venues.get(id);
  if (!venue) throw notFound(`Venue ${id} not found`);
  return venue;
}

/** The venue's side of reservation requests: its inbox, and accepting or declining one. */
export const requestActionHandlers: ControlHandlerTable = {
  listReservationRequests({ c, deps, params }) {
    const venue = venueOf(deps, params.venue_id!);
    return c.json(requestsOfVenue(deps.store, venue).map((r) => renderRequest(deps.store, venue, r)));
  },

  acceptReservationRequest({ c, deps, params, body }) {
    const venue = venueOf(deps, params.venue_id!);
    const request = requestAtVenue(deps.store, venue, params.request_id!);
    const reservation = acceptRequest(deps.store, venue, request, {
      time: typeof body?.time === 'string' ? body.time : undefined,
      tableNumbers: Array.isArray(body?.table_numbers) ? (body.table_numbers as string[]) : undefined,
    });
    return c.json({
      request: renderRequest(deps.store, venue, request),
      reservation: deps.store.renderReservation(reservation),
    });
  },

  declineReservationRequest({ c, deps, params, body }) {
    const venue = venueOf(deps, params.venue_id!);
    const request = requestAtVenue(deps.store, venue, params.request_id!);
    declineRequest(deps.store, venue, request, typeof body?.reason === 'string' ? body.reason : undefined);
    return c.json(renderRequest(deps.store, venue, request));
  },
};
