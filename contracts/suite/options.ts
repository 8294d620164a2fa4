import type { ContractValidator } from '../validate/contract-validator.js';
import type { StepResult, SuiteCredentials, Target } from './types.js';

/** Options of {@link runContractSuite}. */
export interface ContractSuiteOptions {
  target: Target;
  /** The validator every exchange goes through (built from the spec). */
  validator: ContractValidator;
  credentials: SuiteCredentials;
  /** Allow state-changing steps against a real target; always allowed against a mock. */
  allowWrites?: boolean;
  /** `limit` sent on paged lists; small so paging is exercised. Default 5 (mock), 50 (real). */
  pageSize?: number;
  /** Stop following cursors after this many pages. Default 100 (mock), 5 (real). */
  maxPages?: number;
  /** Only run scenarios whose name is listed (default: all). */
  scenarios?: string[];
  onStep?: (step: StepResult) => void;
}

/** The options with defaults applied. */
export interface SuiteOptionsResolved {
  allowWrites: boolean;
  pageSize: number;
  maxPages: number;
}

export function resolveOptions(options: ContractSuiteOptions): SuiteOptionsResolved {
  const real = options.target.kind === 'real';
  return {
    allowWrites: options.allowWrites ?? false,
    pageSize: options.pageSize ?? (real ? 50 : 5),
    maxPages: options.maxPages ?? (real ? 5 : 100),
  };
}
