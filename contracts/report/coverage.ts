import type { OperationInfo } from '../validate/operations.js';
import type { StepResult } from '../suite/types.js';

/** Which documented statuses of one operation the run saw. */
export interface OperationCoverage {
  operationId: string;
  method: string;
  path: string;
  /** Status keys as documented (`200`, `4XX`, `DEFAULT`). */
  documented: string[];
  exercised: string[];
}

/** Operations and operation × documented-status pairs exercised, against the spec's totals. */
export interface Coverage {
  operations: { total: number; exercised: number; percent: number; missing: string[] };
  statuses: { total: number; exercised: number; percent: number };
  byOperation: OperationCoverage[];
}

/**
 * Counts what a run exercised: an operation counts once any step got a response from it; a status
 * counts under the documented key it falls into (exact, then `4XX`-style range, then `default`).
 * Statuses the spec does not document count nowhere (they are violations already).
 */
export function computeCoverage(
  operations: readonly OperationInfo[],
  steps: readonly StepResult[],
): Coverage {
  const seen = new Map<string, Set<number>>();
  for (const step of steps) {
    if (!step.operationId || step.httpStatus === undefined) continue;
    const statuses = seen.get(step.operationId) ?? new Set<number>();
    statuses.add(step.httpStatus);
    seen.set(step.operationId, statuses);
  }
  const byOperation = operations.map((operation): OperationCoverage => {
    const documented = Object.keys(operation.responses);
    const hit = new Set<string>();
    for (const status of seen.get(operation.operationId) ?? []) {
      const key = [String(status), `${String(status)[0]}XX`, 'DEFAULT'].find((k) => documented.includes(k));
      if (key) hit.add(key);
    }
    return {
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      documented,
      exercised: documented.filter((key) => hit.has(key)),
    };
  });
  const exercisedOps = byOperation.filter((op) => seen.has(op.operationId));
  const statusTotal = byOperation.reduce((sum, op) => sum + op.documented.length, 0);
  const statusHit = byOperation.reduce((sum, op) => sum + op.exercised.length, 0);
  return {
    operations: {
      total: byOperation.length,
      exercised: exercisedOps.length,
      percent: percent(exercisedOps.length, byOperation.length),
      missing: byOperation.filter((op) => !seen.has(op.operationId)).map((op) => op.operationId),
    },
    statuses: { total: statusTotal, exercised: statusHit, percent: percent(statusHit, statusTotal) },
    byOperation,
  };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;
}
