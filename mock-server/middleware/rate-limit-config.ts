import { ConfigError, type ConfigIssue, isRecord } from '../config-error.js';
import type { Budget } from './token-bucket.js';

/** The reference client assumes 600 requests per 60 s (sevenrooms-api.md §8); the mock defaults to that. */
export const DEFAULT_BUDGET: Budget = { limit: 600, windowSec: 60 };

/** The full rate-limit configuration. `classes` override `default` for the operation classes named. */
export interface RateLimitConfig {
  /** When false nothing is limited, but responses still carry full-budget `X-RateLimit-*` headers. */
  readonly enabled: boolean;
  readonly default: Budget;
  readonly classes: Readonly<Record<string, Budget>>;
}

/** A partial update: fields given replace the current ones; a class set to `null` loses its override. */
export interface RateLimitConfigPatch {
  readonly enabled?: boolean;
  readonly default?: Budget;
  readonly classes?: Readonly<Record<string, Budget | null>>;
}

const MAX_LIMIT = 1_000_000;
const MAX_WINDOW_SEC = 86_400;

/**
 * Validates a rate-limit configuration document (CLI config file or control API body) and returns it
 * typed. Collects every problem and throws one {@link ConfigError}.
 *
 * @example parseRateLimitConfig({ default: { limit: 600, windowSec: 60 }, classes: { write: { limit: 60, windowSec: 60 } } })
 */
export function parseRateLimitConfig(json: unknown): RateLimitConfigPatch {
  const issues: ConfigIssue[] = [];
  if (!isRecord(json))
    throw new ConfigError('rate-limit config', [{ pointer: '', message: 'must be an object' }]);
  const out: { enabled?: boolean; default?: Budget; classes?: Record<string, Budget | null> } = {};
  for (const k of Object.keys(json)) {
    if (k !== 'enabled' && k !== 'default' && k !== 'classes')
      issues.push({ pointer: `/${k}`, message: 'is not a known field (enabled, default, classes)' });
  }
  if (json.enabled !== undefined) {
    if (typeof json.enabled === 'boolean') out.enabled = json.enabled;
    else issues.push({ pointer: '/enabled', message: 'must be a boolean' });
  }
  if (json.default !== undefined) {
    const b = checkBudget(json.default, '/default', issues);
    if (b) out.default = b;
  }
  if (json.classes !== undefined) {
    if (!isRecord(json.classes))
      issues.push({ pointer: '/classes', message: 'must be an object of budgets' });
    else {
      const classes: Record<string, Budget | null> = {};
      for (const [name, value] of Object.entries(json.classes)) {
        if (value === null) classes[name] = null;
        else {
          const b = checkBudget(value, `/classes/${name}`, issues);
          if (b) classes[name] = b;
        }
      }
      out.classes = classes;
    }
  }
  if (issues.length > 0) throw new ConfigError('rate-limit config', issues);
  return out;
}

function checkBudget(v: unknown, pointer: string, issues: ConfigIssue[]): Budget | undefined {
  if (!isRecord(v)) {
    issues.push({ pointer, message: 'must be an object {limit, windowSec}' });
    return undefined;
  }
  const before = issues.length;
  const { limit, windowSec } = v;
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_LIMIT)
    issues.push({ pointer: `${pointer}/limit`, message: `must be an integer from 1 to ${MAX_LIMIT}` });
  // Whole seconds keep the bucket arithmetic in integers (see token-bucket.ts).
  if (!Number.isInteger(windowSec) || (windowSec as number) < 1 || (windowSec as number) > MAX_WINDOW_SEC)
    issues.push({
      pointer: `${pointer}/windowSec`,
      message: `must be an integer number of seconds from 1 to ${MAX_WINDOW_SEC}`,
    });
  for (const k of Object.keys(v)) {
    if (k !== 'limit' && k !== 'windowSec')
      issues.push({ pointer: `${pointer}/${k}`, message: 'is not a known field (limit, windowSec)' });
  }
  return issues.length === before ? { limit: limit as number, windowSec: windowSec as number } : undefined;
}

/** Applies a (validated) patch to a configuration. */
export function mergeRateLimitConfig(base: RateLimitConfig, patch: RateLimitConfigPatch): RateLimitConfig {
  const classes: Record<string, Budget> = { ...base.classes };
  for (const [name, b] of Object.entries(patch.classes ?? {})) {
    if (b === null) delete classes[name];
    else classes[name] = b;
  }
  return { enabled: patch.enabled ?? base.enabled, default: patch.default ?? base.default, classes };
}
