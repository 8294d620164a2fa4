#!/usr/bin/env node
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SPEC_PATH, loadSpec } from '../mock-server/spec/load-spec.js';
import { USAGE, parseCliArgs, type CliArgs } from './cli/args.js';
import { renderReport } from './cli/render.js';
import { resolveTarget } from './cli/resolve-target.js';
import { renderDisagreements, type Disagreement } from './prism/compare.js';
import { runSuiteViaPrism } from './prism/run-via-prism.js';
import { readRecordedFolder } from './recorded/folder.js';
import { readHarFile } from './recorded/har.js';
import { writeRecordedPairs } from './recorded/record.js';
import { validateRecorded } from './recorded/validate-recorded.js';
import { renderConsole } from './report/console.js';
import { computeCoverage } from './report/coverage.js';
import { runContractSuite } from './suite/run-suite.js';
import type { SuiteResult } from './suite/types.js';
import { createContractValidator } from './validate/contract-validator.js';

/** Runs the command line; resolves to the process exit code (0 clean, 1 violations, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const specPath = args.spec ?? DEFAULT_SPEC_PATH;
  const validator = createContractValidator(loadSpec(specPath).doc);
  let result: SuiteResult;
  let disagreements: Disagreement[] | undefined;
  if (args.har || args.recorded) {
    const recorded = args.har ? readHarFile(args.har) : readRecordedFolder(args.recorded as string);
    result = validateRecorded(validator, recorded, args.har ?? (args.recorded as string));
  } else {
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
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exitCode = 2;
    },
  );
}
