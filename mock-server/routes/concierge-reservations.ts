import {
  requireConcierge,
  requireConciergeGroup,
  reservationOfConcierge,
  reservationOfConciergeGroup,
} from '../auth/scope.js';
import { isReservationStatus } from '../domain/status.js';
import { badRequest } from '../errors.js';
import { pageLimit, paginate, queryFingerprint } from '../domain/pagination.js';
import { cancel } from '../domain/reservations.js';
import { bool, num, ok, okJsonText, okListJsonTexts, str, type HandlerTable } from './context.js';
import { calendarDate, dateRange, reservationIdParam } from './params.js';

const digits = (s: string) => s.replace(/\D/g, '');

export const conciergeReservationHandlers = {
  getConciergeReservation({ c, rt, params, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const r = reservationOfConcierge(rt.store, concierge.id, reservationIdParam(params.reservation_id!));
    return okJsonText(c, rt.store.reservationJson(r));
  },

  cancelConciergeReservation({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const r = reservationOfConcierge(rt.store, concierge.id, reservationIdParam(params.reservation_id!));
    cancel(rt.store, r, { sendClientEmail: bool(query, 'send_client_email') });
    return ok(c, { reservation_id: r.id });
  },

  /** Hard delete: the reservation is gone; a later get answers 404. */
  deleteConciergeReservation({ c, rt, params, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const r = reservationOfConcierge(rt.store, concierge.id, reservationIdParam(params.reservation_id!));
    rt.store.deleteReservation(r);
    return ok(c, { reservation_id: r.id });
  },

  searchConciergeGroupReservations({ c, rt, params, query, credential }) {
    const groupId = requireConciergeGroup(credential, params.concierge_group_id!);
    const conciergeId =
      credential.scope.kind === 'concierge' ? credential.scope.conciergeId : str(query, 'concierge_id');
    if (
      credential.scope.kind === 'concierge' &&
      str(query, 'concierge_id') &&
      str(query, 'concierge_id') !== conciergeId
    ) {
      throw badRequest('concierge_id must be your own concierge with a concierge credential');
    }
    const from = calendarDate(query, 'from_date', true);
    const to = calendarDate(query, 'to_date', true);
    if (from !== undefined && to !== undefined) dateRange(from, to, 366);
    const status = str(query, 'status')?.toUpperCase();
    if (status !== undefined && !isReservationStatus(status))
      throw badRequest(`status ${status} is not a reservation status`);
    const name = str(query, 'name')?.toLowerCase();
    const phone = str(query, 'phone_number');
    const phoneDigits = phone === undefined ? undefined : digits(phone);
    const limit = pageLimit(num(query, 'limit'), 30);
    const page = paginate(rt.store.reservationsOfConciergeGroup(groupId), {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint([
        'searchConciergeGroupReservations',
        groupId,
        conciergeId,
        from,
        to,
        status,
        name,
        phoneDigits,
      ]),
      filter: (r) =>
        (conciergeId === undefined || r.conciergeId === conciergeId) &&
        (from === undefined || r.date >= from) &&
        (to === undefined || r.date <= to) &&
        (status === undefined || r.status === status) &&
        (name === undefined || `${r.firstName ?? ''} ${r.lastName ?? ''}`.toLowerCase().includes(name)) &&
        (phoneDigits === undefined || (r.phone !== null && digits(r.phone).endsWith(phoneDigits))),
    });
    return okListJsonTexts(
      c,
      page.items.map((r) => rt.store.reservationJson(r).text),
      limit,
      page.cursor,
    );
  },

  getConciergeGroupReservation({ c, rt, params, credential }) {
    const groupId = requireConciergeGroup(credential, params.concierge_group_id!);
    const r = reservationOfConciergeGroup(
      rt.store,
      credential,
      groupId,
      reservationIdParam(params.reservation_id!),
    );
    return okJsonText(c, rt.store.reservationJson(r));
  },

  cancelConciergeGroupReservation({ c, rt, params, query, credential }) {
    const groupId = requireConciergeGroup(credential, params.concierge_group_id!);
    const r = reservationOfConciergeGroup(
      rt.store,
      credential,
      groupId,
      reservationIdParam(params.reservation_id!),
    );
    cancel(rt.store, r, { sendClientEmail: bool(query, 'send_client_email') });
    return ok(c, { reservation_id: r.id });
  },
} satisfies HandlerTable;
