import { requireVenueGroup, reservationOfGroup } from '../auth/scope.js';
import { pageLimit, paginate, queryFingerprint } from '../domain/pagination.js';
import { cancel } from '../domain/reservations.js';
import {
  bool,
  num,
  ok,
  okJsonText,
  okListJsonTexts,
  str,
  type HandlerTable,
  type OperationRequest,
} from './context.js';
import { reservationIdParam } from './params.js';
import { reservationFilter } from './reservation-filters.js';

function listPage(operationId: string, { c, rt, query, credential }: OperationRequest): Response {
  const groupId = requireVenueGroup(credential, str(query, 'venue_group_id'));
  const filter = reservationFilter(rt.store, groupId, query);
  const limit = pageLimit(num(query, 'limit'), 30);
  const page = paginate(rt.store.reservationsOfGroup(groupId), {
    cursor: str(query, 'cursor'),
    limit,
    fingerprint: queryFingerprint([operationId, ...filter.key]),
    filter: filter.test,
  });
  return okListJsonTexts(
    c,
    page.items.map((r) => rt.store.reservationJson(r).text),
    limit,
    page.cursor,
  );
}

export const reservationHandlers = {
  listReservations: (req) => listPage('listReservations', req),
  exportReservations: (req) => listPage('exportReservations', req),

  getReservation({ c, rt, params, credential }) {
    const r = reservationOfGroup(
      rt.store,
      requireVenueGroup(credential),
      reservationIdParam(params.reservation_id!),
    );
    return okJsonText(c, rt.store.reservationJson(r));
  },

  cancelReservation({ c, rt, params, query, credential }) {
    const r = reservationOfGroup(
      rt.store,
      requireVenueGroup(credential),
      reservationIdParam(params.reservation_id!),
    );
    cancel(rt.store, r, { sendClientEmail: bool(query, 'send_client_email') });
    return ok(c, { reservation_id: r.id });
  },
} satisfies HandlerTable;
