import { requireConciergeGroup, reservationOfConciergeGroup } from '../auth/scope.js';
import { ok, type HandlerTable } from './context.js';
import { reservationIdParam } from './params.js';

export const conciergeGroupDeleteHandlers = {
  /** Hard delete, as the concierge version: the reservation is gone (404 afterwards), with a `deleted` event. */
  deleteConciergeGroupReservation({ c, rt, params, credential }) {
    const groupId = requireConciergeGroup(credential, params.concierge_group_id!);
    const r = reservationOfConciergeGroup(
      rt.store,
      credential,
      groupId,
      reservationIdParam(params.reservation_id!),
    );
    rt.store.deleteReservation(r);
    return ok(c, { reservation_id: r.id });
  },
} satisfies HandlerTable;
