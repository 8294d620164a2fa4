import { isAdjustableClock, ManualClock } from '../clock.js';
import { badRequest } from '../errors.js';
import type { MockContext } from '../routes/context.js';
import { okStatus, type ControlDeps, type ControlHandlerTable } from './context.js';
import { checkSnapshot } from './snapshot-check.js';

function clockState(c: MockContext, deps: ControlDeps): Response {
  const now = deps.clock.now();
  return c.json({
    now: new Date(now).toISOString(),
    epochMs: now,
    mode: deps.clock instanceof ManualClock ? 'frozen' : 'running',
  });
}

function adjustable(deps: ControlDeps) {
  if (!isAdjustableClock(deps.clock))
    throw badRequest('This mock was started with a clock that cannot be moved');
  return deps.clock;
}

export const stateHandlers: ControlHandlerTable = {
  getHealth: ({ c, deps }) =>
    c.json({ status: 'ok', seed: deps.seed, now: new Date(deps.clock.now()).toISOString() }),

  resetState({ c, deps }) {
    deps.reset();
    return okStatus(c);
  },

  exportState: ({ c, deps }) => c.json(deps.store.snapshot()),

  importState({ c, deps, body }) {
    deps.store.restore(checkSnapshot(body, deps.catalog));
    return okStatus(c);
  },

  getClock: ({ c, deps }) => clockState(c, deps),

  setClock({ c, deps, body }) {
    const at = Date.parse(String(body.now));
    if (!Number.isFinite(at)) throw badRequest(`now must be an ISO 8601 instant; got ${String(body.now)}`);
    adjustable(deps).set(at);
    return clockState(c, deps);
  },

  advanceClock({ c, deps, body }) {
    adjustable(deps).advance(Math.round(Number(body.seconds) * 1000));
    return clockState(c, deps);
  },
};
