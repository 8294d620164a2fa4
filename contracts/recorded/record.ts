import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactExchange } from '../report/redact.js';
import type { StepResult } from '../suite/types.js';
import { exchangeToPair } from './pair-file.js';

/**
 * Writes every exchange of a suite run to `dir` as pair files (`001-listVenues-200.json`, ...), with
 * credentials redacted, so real-API traffic can be kept as an artifact and re-validated offline
 * with `--recorded DIR` after the spec changes. Returns the paths written.
 */
export function writeRecordedPairs(dir: string, steps: readonly StepResult[]): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  let index = 0;
  for (const step of steps) {
    if (!step.exchange) continue;
    index++;
    const name = `${String(index).padStart(3, '0')}-${step.operationId ?? 'unmatched'}-${step.exchange.status}.json`;
    const path = join(dir, name);
    writeFileSync(
      path,
      `${JSON.stringify(exchangeToPair(redactExchange(step.exchange), step.invalidRequest), null, 2)}\n`,
    );
    written.push(path);
  }
  return written;
}
