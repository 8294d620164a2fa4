import type { SuiteResult } from '../suite/types.js';
import type { Coverage } from './coverage.js';
import { stepDiagnostics, stepHeadline } from './diagnostic.js';
import { countSteps } from './summary.js';

/**
 * A human summary: failures in full, skips with their reasons, then counts and coverage. Passing
 * steps are listed only with `verbose`.
 */
export function renderConsole(
  result: SuiteResult,
  coverage: Coverage,
  options: { verbose?: boolean } = {},
): string {
  const lines: string[] = [`Contract suite against ${result.target.name} (${result.target.kind})`, ''];
  for (const step of result.steps) {
    if (step.status === 'passed' && !options.verbose) continue;
    const mark = step.status === 'passed' ? 'ok  ' : step.status === 'failed' ? 'FAIL' : 'skip';
    lines.push(`${mark} ${step.scenario} › ${step.name}  ${stepHeadline(step)}`);
    if (step.status === 'skipped' && step.reason) lines.push(`       ${step.reason}`);
    for (const diagnostic of stepDiagnostics(step)) lines.push(`       ${diagnostic}`);
  }
  const counts = countSteps(result.steps);
  const { operations, statuses } = coverage;
  lines.push(
    '',
    `Steps: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${counts.total})`,
    `Operations exercised: ${operations.exercised}/${operations.total} (${operations.percent}%)`,
    `Documented statuses exercised: ${statuses.exercised}/${statuses.total} (${statuses.percent}%)`,
  );
  if (operations.missing.length > 0) lines.push(`Not exercised: ${operations.missing.join(', ')}`);
  lines.push(result.passed ? 'PASS' : 'FAIL');
  return lines.join('\n');
}
