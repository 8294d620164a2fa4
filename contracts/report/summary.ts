import type { StepResult } from '../suite/types.js';

/** Step counts by verdict. */
export interface StepCounts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
}

export function countSteps(steps: readonly StepResult[]): StepCounts {
  return {
    total: steps.length,
    passed: steps.filter((s) => s.status === 'passed').length,
    failed: steps.filter((s) => s.status === 'failed').length,
    skipped: steps.filter((s) => s.status === 'skipped').length,
  };
}
