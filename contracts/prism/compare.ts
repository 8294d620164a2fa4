import type { ContractValidator } from '../validate/contract-validator.js';
import { formatViolation } from '../validate/format.js';
import type { StepResult } from '../suite/types.js';
import type { PrismObservation, PrismViolation } from './prism-target.js';

/** A step where Prism and our validator reached different verdicts on one half of the exchange. */
export interface Disagreement {
  step: string;
  operationId: string | null;
  aspect: 'request' | 'response';
  /** Our violations (empty when we found none). */
  ours: string[];
  /** Prism's error-severity violations (empty when it found none). */
  prism: string[];
}

/**
 * Lines up each sent step with Prism's observation of it (the suite sends one request per step, in
 * order) and lists where the verdicts differ: one side found an error-severity problem in the
 * request or the response and the other did not.
 */
export function comparePrismVerdicts(
  validator: ContractValidator,
  steps: readonly StepResult[],
  observations: readonly PrismObservation[],
): Disagreement[] {
  const sent = steps.filter((step) => step.exchange);
  if (sent.length !== observations.length) {
    throw new Error(
      `expected one Prism observation per request: ${sent.length} requests, ${observations.length} observations`,
    );
  }
  const disagreements: Disagreement[] = [];
  sent.forEach((step, index) => {
    const observation = observations[index] as PrismObservation;
    const exchange = step.exchange as NonNullable<StepResult['exchange']>;
    const errors = observation.prismViolations.filter((v) => v.severity.toLowerCase() === 'error');
    const prismRequest = errors.filter((v) => v.location[0] === 'request').map(describe);
    if (!observation.upstream)
      prismRequest.push(`Prism answered ${observation.prismStatus} without forwarding`);
    const prismResponse = errors.filter((v) => v.location[0] === 'response').map(describe);
    const ourRequest = validator
      .validateRequest({
        method: exchange.method,
        url: exchange.url,
        headers: exchange.requestHeaders,
        body: exchange.requestBody,
      })
      .violations.map(formatViolation);
    const ourResponse = observation.upstream
      ? step.violations.filter((v) => v.in.startsWith('response.')).map(formatViolation)
      : [];
    const label = `${step.scenario} › ${step.name}`;
    if (ourRequest.length > 0 !== prismRequest.length > 0) {
      disagreements.push({
        step: label,
        operationId: step.operationId,
        aspect: 'request',
        ours: ourRequest,
        prism: prismRequest,
      });
    }
    if (observation.upstream && ourResponse.length > 0 !== prismResponse.length > 0) {
      disagreements.push({
        step: label,
        operationId: step.operationId,
        aspect: 'response',
        ours: ourResponse,
        prism: prismResponse,
      });
    }
  });
  return disagreements;
}

function describe(violation: PrismViolation): string {
  return `${violation.location.join('.')}: ${violation.message}`;
}

/** Console lines for the disagreements, or a line saying there are none. */
export function renderDisagreements(disagreements: readonly Disagreement[]): string {
  if (disagreements.length === 0) return 'Prism and the contract validator agree on every exchange.';
  const lines = [`Prism and the contract validator disagree on ${disagreements.length} exchange half(s):`];
  for (const d of disagreements) {
    lines.push(`  ${d.step} (${d.aspect})`);
    lines.push(`    ours:  ${d.ours.length ? d.ours.join('; ') : 'no violation'}`);
    lines.push(`    prism: ${d.prism.length ? d.prism.join('; ') : 'no violation'}`);
  }
  return lines.join('\n');
}
