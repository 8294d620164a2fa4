import type { StepResult } from '../suite/types.js';
import { formatViolation } from '../validate/format.js';

/** Every reason a step failed, one per line: expectation problems, then contract violations. */
export function stepDiagnostics(step: StepResult): string[] {
  return [...step.problems, ...step.violations.map(formatViolation)];
}

/** `GET /venues/abc → 200`, or the skip reason. */
export function stepHeadline(step: StepResult): string {
  const request = step.method ? `${step.method} ${step.path}` : '';
  const status = step.httpStatus !== undefined ? ` → ${step.httpStatus}` : '';
  return `${request}${status}`.trim();
}
