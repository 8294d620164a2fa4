import type { ContractValidator } from '../validate/contract-validator.js';
import type { Exchange } from '../validate/types.js';
import type { StepResult, SuiteResult } from '../suite/types.js';

/** An exchange read from a recording, with where it came from. */
export interface RecordedExchange {
  /** The file (and entry) it came from, e.g. `traffic.har#3`. */
  source: string;
  exchange: Exchange;
  /** The request breaks the contract on purpose; only the response is judged. */
  invalidRequest?: boolean;
}

/**
 * Validates recorded exchanges offline and presents them as a suite result (one step per exchange),
 * so the console, JSON and JUnit reporters and the coverage report work unchanged.
 */
export function validateRecorded(
  validator: ContractValidator,
  recorded: readonly RecordedExchange[],
  name: string,
): SuiteResult {
  const steps = recorded.map(({ source, exchange, invalidRequest }): StepResult => {
    const result = validator.validateExchange(exchange);
    const violations = invalidRequest
      ? result.violations.filter((found) => !found.in.startsWith('request.'))
      : result.violations;
    const path = new URL(exchange.url, 'http://recorded.invalid').pathname;
    return {
      scenario: 'recorded',
      name: `${source} ${exchange.method.toUpperCase()} ${path}`,
      operationId: result.operationId,
      method: exchange.method.toUpperCase(),
      path,
      status: violations.length === 0 ? 'passed' : 'failed',
      httpStatus: exchange.status,
      violations,
      problems: [],
      exchange,
      durationMs: 0,
    };
  });
  return {
    target: { name, kind: 'real' },
    startedAt: new Date().toISOString(),
    durationMs: 0,
    steps,
    passed: steps.every((step) => step.status === 'passed'),
  };
}
