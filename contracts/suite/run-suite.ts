import { SuiteContext } from './context.js';
import { resolveOptions, type ContractSuiteOptions, type SuiteOptionsResolved } from './options.js';
import { authScenario } from './scenarios/auth.js';
import { clientsScenario } from './scenarios/clients.js';
import { conciergeScenario } from './scenarios/concierge.js';
import { conciergeOffersScenario } from './scenarios/concierge-offers.js';
import { documentedStatusesScenario } from './scenarios/documented-statuses.js';
import { errorsScenario } from './scenarios/errors.js';
import { paymentsScenario } from './scenarios/payments.js';
import { reservationsScenario } from './scenarios/reservations.js';
import { venuesScenario } from './scenarios/venues.js';
import type { SuiteResult } from './types.js';

type Scenario = (ctx: SuiteContext, options: SuiteOptionsResolved) => Promise<void>;

/** The scenarios in the order they run; later ones use what earlier ones discovered. */
export const SCENARIOS: ReadonlyArray<readonly [string, Scenario]> = [
  ['auth', authScenario],
  ['venues', venuesScenario],
  ['reservations', reservationsScenario],
  ['clients', clientsScenario],
  ['concierge', conciergeScenario],
  ['payments', paymentsScenario],
  ['concierge offers and requests', conciergeOffersScenario],
  ['errors', errorsScenario],
  ['documented statuses', documentedStatusesScenario],
];

/**
 * Runs the contract suite against one target: every scenario's steps, each exchange validated
 * against the spec. Against a real target, state-changing steps are skipped (and reported as
 * skipped) unless `allowWrites` is set. A scenario that throws is recorded as a failed step and the
 * run continues.
 *
 * @example
 * const result = await runContractSuite({ target: createInProcessTarget(app), validator, credentials });
 * if (!result.passed) process.exitCode = 1;
 */
export async function runContractSuite(options: ContractSuiteOptions): Promise<SuiteResult> {
  const resolved = resolveOptions(options);
  const ctx = new SuiteContext({
    target: options.target,
    validator: options.validator,
    credentials: options.credentials,
    allowWrites: resolved.allowWrites,
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  const startedAt = new Date();
  const started = performance.now();
  for (const [name, scenario] of SCENARIOS) {
    if (options.scenarios && !options.scenarios.includes(name)) continue;
    try {
      await scenario(ctx, resolved);
    } catch (error) {
      ctx.fail(`${name} scenario`, `the scenario stopped: ${(error as Error).stack ?? String(error)}`);
    }
  }
  return {
    target: { name: options.target.name, kind: options.target.kind },
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    steps: ctx.steps,
    passed: ctx.steps.every((step) => step.status !== 'failed'),
  };
}
