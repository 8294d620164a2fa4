import type { StepResult, SuiteResult } from '../suite/types.js';
import { stepDiagnostics, stepHeadline } from './diagnostic.js';
import { countSteps } from './summary.js';
import { escapeXml } from './xml.js';

/**
 * JUnit XML for CI test tabs: one `<testsuite>` per scenario, one `<testcase>` per step; a failed
 * step carries a `<failure>` whose message is its first diagnostic and whose text lists them all,
 * a skipped step a `<skipped>` with the reason.
 */
export function renderJunit(result: SuiteResult): string {
  const scenarios = new Map<string, StepResult[]>();
  for (const step of result.steps)
    scenarios.set(step.scenario, [...(scenarios.get(step.scenario) ?? []), step]);
  const total = countSteps(result.steps);
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`contracts: ${result.target.name}`)}" tests="${total.total}" failures="${total.failed}" skipped="${total.skipped}" errors="0" time="${seconds(result.durationMs)}">`,
  ];
  for (const [scenario, steps] of scenarios) {
    const counts = countSteps(steps);
    const time = steps.reduce((sum, step) => sum + step.durationMs, 0);
    lines.push(
      `  <testsuite name="${escapeXml(scenario)}" tests="${counts.total}" failures="${counts.failed}" skipped="${counts.skipped}" errors="0" time="${seconds(time)}" timestamp="${escapeXml(result.startedAt)}">`,
    );
    for (const step of steps) lines.push(...testcase(step, seconds(step.durationMs)));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function testcase(step: StepResult, time: string): string[] {
  const name = escapeXml(`${step.name}${step.operationId ? ` [${step.operationId}]` : ''}`);
  const open = `    <testcase classname="${escapeXml(`contracts.${step.scenario}`)}" name="${name}" time="${time}"`;
  if (step.status === 'passed') return [`${open}/>`];
  if (step.status === 'skipped') {
    return [
      `${open}>`,
      `      <skipped message="${escapeXml(step.reason ?? 'skipped')}"/>`,
      '    </testcase>',
    ];
  }
  const diagnostics = stepDiagnostics(step);
  const body = [stepHeadline(step), ...diagnostics].filter(Boolean).join('\n');
  return [
    `${open}>`,
    `      <failure message="${escapeXml(diagnostics[0] ?? 'failed')}" type="ContractViolation">${escapeXml(body)}</failure>`,
    '    </testcase>',
  ];
}
