import { requireVenueGroup } from '../auth/scope.js';
import { notFound } from '../errors.js';
import { pageLimit, paginate, queryFingerprint } from '../domain/pagination.js';
import { renderClient } from '../render/client.js';
import type { ClientRecord } from '../store/records.js';
import { num, ok, okList, str, type HandlerTable } from './context.js';
import { updatedSince } from './reservation-filters.js';

const digits = (s: string) => s.replace(/\D/g, '');

export const clientHandlers = {
  /** Filters `email`, `phone` (digits compared, so +1 212… and 212… match), `name` (contains); unknown ones are ignored. */
  listClients({ c, rt, query, credential }) {
    const groupId = requireVenueGroup(credential, str(query, 'venue_group_id'));
    const email = str(query, 'email')?.toLowerCase();
    const phone = str(query, 'phone');
    const name = str(query, 'name')?.toLowerCase();
    const phoneDigits = phone === undefined ? undefined : digits(phone);
    const test = (cl: ClientRecord) =>
      (email === undefined || cl.email?.toLowerCase() === email) &&
      (phoneDigits === undefined ||
        (cl.phone !== null && digits(cl.phone).endsWith(phoneDigits) && phoneDigits.length >= 7)) &&
      (name === undefined || `${cl.firstName} ${cl.lastName}`.toLowerCase().includes(name));
    const limit = pageLimit(num(query, 'limit'), 50);
    const page = paginate(rt.store.clientsOfGroup(groupId), {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint([
        'listClients',
        groupId,
        email ?? null,
        phoneDigits ?? null,
        name ?? null,
      ]),
      filter: test,
    });
    return okList(c, page.items.map(renderClient), limit, page.cursor);
  },

  getClient({ c, rt, params, query, credential }) {
    const groupId = requireVenueGroup(credential, str(query, 'venue_group_id'));
    const client = rt.store.clients.get(params.client_id!);
    if (!client || client.venueGroupId !== groupId) throw notFound(`Client ${params.client_id} not found`);
    return ok(c, renderClient(client));
  },

  exportClients({ c, rt, query, credential }) {
    const groupId = requireVenueGroup(credential, str(query, 'venue_group_id'));
    const since = updatedSince(query);
    const limit = pageLimit(num(query, 'limit'), 50);
    const page = paginate(rt.store.clientsOfGroup(groupId), {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint(['exportClients', groupId, since ?? null]),
      filter: since === undefined ? undefined : (cl) => cl.updatedMs >= since,
    });
    return okList(c, page.items.map(renderClient), limit, page.cursor);
  },
} satisfies HandlerTable;
