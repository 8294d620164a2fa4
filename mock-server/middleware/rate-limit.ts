import type { MiddlewareHandler, Next } from 'hono';
import type { Clock } from '../clock.js';
import { MockError } from '../errors.js';
import { BucketStore } from './bucket-store.js';
import {
  DEFAULT_BUDGET,
  type RateLimitConfig,
  type RateLimitConfigPatch,
  mergeRateLimitConfig,
  parseRateLimitConfig,
} from './rate-limit-config.js';
import { RETRY_AFTER_HEADER, applyRateLimitHeaders, rateLimitHeaders } from './rate-limit-headers.js';
import {
  type CompiledBudget,
  compileBudget,
  remainingTokens,
  secondsUntilFull,
  secondsUntilToken,
  take,
  unitsAt,
} from './token-bucket.js';
import { type MiddlewareContext, type MiddlewareEnv, type RateLimitHeaders, sourceAddress } from './types.js';

export interface RateLimitOptions {
  /** Drives refill; with a ManualClock, budgets refill exactly as the clock is advanced. */
  clock: Clock;
  /**
   * The bucket key of a request, e.g. `"client:<client_id>"`, or `"ip:<addr>"` for `/auth`.
   * `undefined` exempts the request (no limiting, no headers), e.g. for the control plane.
   * Default: `c.get('credentialKey')`, else `"ip:" + sourceAddress(c)`.
   */
  key?: (c: MiddlewareContext) => string | undefined;
  /** The operation class, e.g. `auth`, `read`, `write`, `export`; picks the class budget. Default `"default"`. */
  classify?: (c: MiddlewareContext) => string;
  /** Start-up configuration, applied over `{enabled: true, default: 600 per 60 s, classes: {}}`. */
  config?: RateLimitConfigPatch;
  /** Hard cap on buckets held at once (see BucketStore.sweep). Default 100,000. */
  maxBuckets?: number;
}

/** One bucket as the control API shows it. */
export interface BucketSnapshot {
  readonly class: string;
  readonly key: string;
  readonly limit: number;
  readonly windowSec: number;
  /** Tokens now, fractional (refill is continuous). */
  readonly tokens: number;
  readonly remaining: number;
  /** Seconds until full (the `X-RateLimit-Reset` value). */
  readonly reset: number;
}

/** Runtime handle for the control API. */
export interface RateLimitController {
  getConfig(): RateLimitConfig;
  /** Validates (throws ConfigError) and applies a patch; all buckets start full under the new budgets. */
  setConfig(patch: unknown): RateLimitConfig;
  /** Refills every bucket, or only those of `key`. */
  reset(key?: string): void;
  /** Buckets that are not full, as of the clock's now. */
  snapshot(): BucketSnapshot[];
  /** Buckets held in memory, including full ones not yet swept (for memory checks). */
  bucketCount(): number;
}

export type RateLimitMiddleware = MiddlewareHandler<MiddlewareEnv> & {
  readonly controller: RateLimitController;
};

const INITIAL_CONFIG: RateLimitConfig = { enabled: true, default: DEFAULT_BUDGET, classes: {} };

const defaultKey = (c: MiddlewareContext): string => c.get('credentialKey') ?? `ip:${sourceAddress(c)}`;
const defaultClassify = (): string => 'default';

/**
 * Token-bucket rate limiting per key and operation class. Every response it passes gets
 * `X-RateLimit-Limit/-Remaining/-Reset`; over budget it throws `MockError('rate_limited')` carrying
 * `Retry-After` and the same headers. The values are also stored as `c.get('rateLimitHeaders')` before the
 * rest of the chain runs, and re-applied to whatever response comes back (errors included).
 *
 * @example
 * const limiter = rateLimit({ clock, classify: (c) => (c.req.method === 'GET' ? 'read' : 'write') });
 * app.use('*', limiter);
 * limiter.controller.setConfig({ classes: { write: { limit: 5, windowSec: 60 } } });
 */
export function rateLimit({
  clock,
  key = defaultKey,
  classify = defaultClassify,
  config = {},
  maxBuckets = 100_000,
}: RateLimitOptions): RateLimitMiddleware {
  let current = mergeRateLimitConfig(INITIAL_CONFIG, parseRateLimitConfig(config));
  let defaultBudget = compileBudget(current.default);
  let classBudgets = new Map<string, CompiledBudget>();
  // Header values of a full bucket, per budget: what a disabled limiter reports, allocation-free.
  let fullInfo = new Map<CompiledBudget, RateLimitHeaders>();
  const store = new BucketStore(maxBuckets);

  const compile = (): void => {
    defaultBudget = compileBudget(current.default);
    classBudgets = new Map(Object.entries(current.classes).map(([name, b]) => [name, compileBudget(b)]));
    fullInfo = new Map();
    store.clear();
  };
  compile();
  const budgetOf = (cls: string): CompiledBudget => classBudgets.get(cls) ?? defaultBudget;

  async function rateLimit(c: MiddlewareContext, next: Next): Promise<void> {
    const k = key(c);
    if (k === undefined) return next();
    const cls = classify(c);
    const budget = budgetOf(cls);
    let info: RateLimitHeaders;
    if (current.enabled) {
      const now = clock.now();
      const bucket = store.get(cls, k, budget, now, budgetOf);
      const allowed = take(bucket, budget, now);
      info = rateLimitHeaders(
        budget.limitHeader,
        String(remainingTokens(bucket.units, budget)),
        String(secondsUntilFull(bucket.units, budget)),
      );
      if (!allowed) {
        const retryAfter = secondsUntilToken(bucket.units, budget);
        const scope = cls === 'default' ? '' : ` for ${cls} requests`;
        throw new MockError(
          'rate_limited',
          `Rate limit exceeded: ${budget.limit} requests per ${budget.windowSec} seconds${scope}; retry after ${retryAfter} seconds.`,
          { [RETRY_AFTER_HEADER]: String(retryAfter), ...info },
        );
      }
    } else {
      info = fullInfo.get(budget) ?? rateLimitHeaders(budget.limitHeader, budget.limitHeader, '0');
      fullInfo.set(budget, info);
    }
    c.set('rateLimitHeaders', info);
    await next();
    // Errors thrown further down were already rendered by onError at their level, so this also
    // reaches error responses. Answers the server rendered itself already carry the headers.
    if (c.get('responseText') === undefined) applyRateLimitHeaders(c, info);
  }

  const controller: RateLimitController = {
    getConfig: () => current,
    setConfig(patch) {
      current = mergeRateLimitConfig(current, parseRateLimitConfig(patch));
      compile();
      return current;
    },
    reset: (k) => store.clear(k),
    bucketCount: () => store.size,
    snapshot() {
      const now = clock.now();
      const out: BucketSnapshot[] = [];
      for (const [cls, k, bucket] of store.entries()) {
        const b = budgetOf(cls);
        const units = unitsAt(bucket, b, now);
        if (units >= b.capacity) continue;
        out.push({
          class: cls,
          key: k,
          limit: b.limit,
          windowSec: b.windowSec,
          tokens: units / b.windowMs,
          remaining: remainingTokens(units, b),
          reset: secondsUntilFull(units, b),
        });
      }
      return out;
    },
  };
  return Object.assign(rateLimit, { controller });
}
