import type { SuiteContext } from '../context.js';

/**
 * Mock only: for every operation, every documented 4xx/5xx status the flows did not reach is
 * provoked with `Prefer: code=<status>` on a replay of a request that succeeded earlier, so each
 * documented error response (envelope, `Retry-After`, rate-limit headers) is validated at least once.
 * The fault strikes before the handler, so replayed writes change nothing.
 */
export async function documentedStatusesScenario(ctx: SuiteContext): Promise<void> {
  ctx.scenario = 'documented statuses';
  if (ctx.target.kind !== 'mock') {
    ctx.skip(
      { name: 'provoke every documented error status', method: '', path: '' },
      'only run against a mock target',
    );
    return;
  }
  const seen = new Map<string, Set<number>>();
  for (const step of ctx.steps) {
    if (!step.operationId || step.httpStatus === undefined) continue;
    seen.set(step.operationId, (seen.get(step.operationId) ?? new Set()).add(step.httpStatus));
  }
  for (const operation of ctx.validator.operations) {
    const missing = Object.keys(operation.responses)
      .filter((key) => /^[45]\d\d$/.test(key))
      .map(Number)
      .filter((status) => !seen.get(operation.operationId)?.has(status));
    if (missing.length === 0) continue;
    const replay = ctx.replayable.get(operation.operationId);
    for (const status of missing) {
      const name = `${operation.operationId} → ${status} (Prefer: code=${status})`;
      if (!replay) {
        ctx.skip(
          { name, method: operation.method, path: operation.path },
          'no successful request of this operation to replay',
        );
        continue;
      }
      await ctx.step({
        ...replay,
        name,
        headers: { ...replay.headers, prefer: `code=${status}` },
        expect: status,
        expectMsg: undefined,
        mockOnly: true,
      });
    }
  }
}
