/** One problem in a configuration document, located by JSON pointer. */
export interface ConfigIssue {
  readonly pointer: string;
  readonly message: string;
}

/**
 * A fault or rate-limit configuration (start-up file, CLI or control API) was invalid. Carries every
 * issue found, not just the first, so a user fixes the file in one pass. The control API maps it to a
 * 400; the CLI prints `message` and exits.
 */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
  readonly issues: readonly ConfigIssue[];

  constructor(what: string, issues: readonly ConfigIssue[]) {
    super(`Invalid ${what}: ${issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ')}.`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Small helpers the config validators share. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isNonNegativeInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
