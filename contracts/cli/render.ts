import { renderConsole } from '../report/console.js';
import type { Coverage } from '../report/coverage.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import type { SuiteResult } from '../suite/types.js';
import type { Disagreement } from '../prism/compare.js';
import type { OutputFormat } from './args.js';

/** The report in the requested format. */
export function renderReport(
  format: OutputFormat,
  result: SuiteResult,
  coverage: Coverage,
  verbose: boolean,
  disagreements?: Disagreement[],
): string {
  if (format === 'json') return renderJson(result, coverage, disagreements);
  if (format === 'junit') return renderJunit(result);
  return renderConsole(result, coverage, { verbose });
}
