import { notFound } from '../errors.js';
import { okStatus, type ControlHandlerTable } from './context.js';

export const configHandlers: ControlHandlerTable = {
  async listJournal({ c, deps, query }) {
    await deps.journal.settled();
    const status = query.status === undefined ? undefined : String(query.status);
    const entries = deps.journal.query({
      limit: typeof query.limit === 'number' ? query.limit : 100,
      ...(query.operation_id === undefined ? {} : { operationId: String(query.operation_id) }),
      ...(query.credential === undefined ? {} : { credential: String(query.credential) }),
      ...(status === undefined ? {} : { status: /xx$/.test(status) ? (status as '5xx') : Number(status) }),
    });
    return c.json({ entries });
  },

  clearJournal({ c, deps }) {
    deps.journal.clear();
    return okStatus(c);
  },

  getRateLimits: ({ c, deps }) =>
    c.json({ config: deps.rateLimits.getConfig(), buckets: deps.rateLimits.snapshot() }),

  setRateLimits({ c, deps, body }) {
    const config = deps.rateLimits.setConfig(body);
    return c.json({ config, buckets: deps.rateLimits.snapshot() });
  },

  resetRateLimits({ c, deps, body }) {
    deps.rateLimits.reset(typeof body.key === 'string' ? body.key : undefined);
    return okStatus(c);
  },

  listFaults: ({ c, deps }) => c.json({ rules: deps.faults.list() }),

  addFault: ({ c, deps, body }) => c.json(deps.faults.add(body), 201),

  clearFaults({ c, deps }) {
    deps.faults.clear();
    return okStatus(c);
  },

  removeFault({ c, deps, params }) {
    if (!deps.faults.remove(params.fault_id!)) throw notFound(`Fault rule ${params.fault_id} not found`);
    return okStatus(c);
  },
};
