import { MockError } from './errors.js';

/** One problem in a configuration document, located by JSON pointer. */
export interface ConfigIssue {
  readonly pointer: string;
  readonly message: string;
}

/**
 * A configuration — faults, rate limits, webhook endpoints; from a start-up file, a flag or the
 * control API — was invalid. Carries every issue found, not just the first, so a user fixes the file
 * in one pass. A MockError of kind `bad_request`, so the control API answers 400 with no mapping;
 * the CLI prints `message` and exits.
 */
export class ConfigError extends MockError {
  readonly code: string = 'invalid_config';
  readonly issues: readonly ConfigIssue[];

  constructor(what: string, issues: readonly ConfigIssue[]) {
    super(
      'bad_request',
      `Invalid ${what}: ${issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ')}.`,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Small helpers the config validators share. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isNonNegativeInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
