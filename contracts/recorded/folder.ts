import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pairToExchange } from './pair-file.js';
import type { RecordedExchange } from './validate-recorded.js';

/**
 * Reads every `*.json` pair file in `dir` (sorted by name, not recursive). A file that cannot be
 * parsed fails loudly with its name rather than being skipped.
 */
export function readRecordedFolder(dir: string): RecordedExchange[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const path = join(dir, file);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const invalidRequest = (value as { invalidRequestOnPurpose?: unknown }).invalidRequestOnPurpose === true;
    return {
      source: file,
      exchange: pairToExchange(value, path),
      ...(invalidRequest ? { invalidRequest } : {}),
    };
  });
}
