import type { Disagreement } from '../prism/compare.js';
import type { SuiteResult } from '../suite/types.js';
import type { Coverage } from './coverage.js';
import { redactExchange } from './redact.js';
import { countSteps } from './summary.js';

/** The whole run as JSON (credentials redacted), for dashboards and diffing between runs. */
export function renderJson(result: SuiteResult, coverage: Coverage, disagreements?: Disagreement[]): string {
  return JSON.stringify(
    {
      target: result.target,
      startedAt: result.startedAt,
      durationMs: Math.round(result.durationMs),
      passed: result.passed,
      counts: countSteps(result.steps),
      coverage,
      ...(disagreements ? { prismDisagreements: disagreements } : {}),
      steps: result.steps.map((step) => ({
        ...step,
        durationMs: Math.round(step.durationMs * 10) / 10,
        ...(step.exchange ? { exchange: redactExchange(step.exchange) } : {}),
      })),
    },
    null,
    2,
  );
}
