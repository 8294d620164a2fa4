import type { ContractValidator } from '../validate/contract-validator.js';
import type { ContractSuiteOptions } from '../suite/options.js';
import { runContractSuite } from '../suite/run-suite.js';
import type { SuiteResult } from '../suite/types.js';
import { comparePrismVerdicts, type Disagreement } from './compare.js';
import { createPrismTarget } from './prism-target.js';
import { startPrismProxy } from './start-prism.js';
import { startTap } from './tap.js';

export interface ViaPrismOptions extends ContractSuiteOptions {
  validator: ContractValidator;
  /** The spec file Prism loads (the same document the validator was built from). */
  specPath: string;
}

/**
 * Runs the suite through `prism proxy --errors` (target ← tap ← Prism ← suite), validates every
 * exchange with our validator as usual, and lists where Prism's verdict differs. Prism and the tap
 * are stopped whatever happens.
 */
export async function runSuiteViaPrism(
  options: ViaPrismOptions,
): Promise<{ result: SuiteResult; disagreements: Disagreement[] }> {
  const tap = await startTap(options.target);
  try {
    const prism = await startPrismProxy({ specPath: options.specPath, upstream: tap.url });
    try {
      const target = createPrismTarget(options.target, prism.url, tap);
      const result = await runContractSuite({ ...options, target });
      const disagreements = comparePrismVerdicts(options.validator, result.steps, target.observations);
      return { result, disagreements };
    } finally {
      await prism.stop();
    }
  } finally {
    await tap.close();
  }
}
