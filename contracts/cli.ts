#!/usr/bin/env node
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError, oneLine, unreachable, UsageError } from '../mock-server/cli/usage-error.js';
import { DEFAULT_SPEC_PATH, loadSpec } from '../mock-server/spec/load-spec.js';
import { VERSION } from '../mock-server/version.js';
import { USAGE, parseCliArgs, type CliArgs } from './cli/args.js';
import { renderReport } from './cli/render.js';
import { resolveTarget } from './cli/resolve-target.js';
import { renderDisagreements, type Disagreement } from './prism/compare.js';
import { runSuiteViaPrism } from './prism/run-via-prism.js';
import { PrismNotInstalledError } from './prism/start-prism.js';
import { readRecordedFolder } from './recorded/folder.js';
import { readHarFile } from './recorded/har.js';
import { writeRecordedPairs } from './recorded/record.js';
import { validateRecorded } from './recorded/validate-recorded.js';
import { renderConsole } from './report/console.js';
import { computeCoverage } from './report/coverage.js';
import { runContractSuite } from './suite/run-suite.js';
import type { SuiteResult } from './suite/types.js';
import { createContractValidator } from './validate/contract-validator.js';

/**
 * Runs the command line; resolves to the process exit code (0 clean, 1 violations or a failure, 2
 * usage). Every error is one sentence on stderr; the stack only with --debug.
 */
export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`sevenrooms-contracts: ${(error as Error).message} (see --help)\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    return await run(args);
  } catch (error) {
    const usage = error instanceof PrismNotInstalledError || error instanceof UsageError;
    process.stderr.write(`sevenrooms-contracts: ${oneLine((error as Error).message ?? String(error))}\n`);
    if (args.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return usage ? 2 : 1;
  }
}

async function run(args: CliArgs): Promise<number> {
  const specPath = args.spec ?? DEFAULT_SPEC_PATH;
  const validator = createContractValidator(loadSpec(specPath).doc);
  let result: SuiteResult;
  let disagreements: Disagreement[] | undefined;
  if (args.har || args.recorded) {
    const recorded = args.har ? readHarFile(args.har) : readRecordedFolder(args.recorded as string);
    result = validateRecorded(validator, recorded, args.har ?? (args.recorded as string));
  } else {
    if (/^https?:/.test(args.target)) await probe(args.target);
    const { target, credentials } = await resolveTarget(args.target, args.spec);
    const options = { target, validator, credentials, allowWrites: args.allowWrites };
    try {
      if (args.viaPrism) {
        ({ result, disagreements } = await runSuiteViaPrism({ ...options, specPath }));
      } else {
        result = await runContractSuite(options);
      }
    } finally {
      await target.close?.();
    }
    if (args.record) {
      const written = writeRecordedPairs(args.record, result.steps);
      process.stderr.write(`Recorded ${written.length} exchanges in ${args.record}\n`);
    }
  }
  const coverage = computeCoverage(validator.operations, result.steps);
  const report = renderReport(args.format, result, coverage, args.verbose, disagreements);
  if (args.out) {
    writeFileSync(args.out, report);
    process.stderr.write(`${renderConsole(result, coverage)}\nReport written to ${args.out}\n`);
  } else {
    process.stdout.write(`${report}\n`);
  }
  if (disagreements) process.stderr.write(`${renderDisagreements(disagreements)}\n`);
  const disagreed = args.failOnDisagreement && (disagreements?.length ?? 0) > 0;
  return result.passed && !disagreed ? 0 : 1;
}

/** Fails with one sentence, before the suite starts, when nothing answers at the target URL. */
async function probe(url: string): Promise<void> {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError')
      throw new CliError(`the target at ${url} did not answer within 10 s.`);
    throw unreachable('the target', url, error) ?? error;
  }
}

/** True when this file is the program (`tsx contracts/cli.ts`, or the `sevenrooms-contracts` bin). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      process.stderr.write(`sevenrooms-contracts: ${oneLine(error.message)}\n`);
      process.exitCode = 1;
    },
  );
}
