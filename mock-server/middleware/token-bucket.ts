/**
 * Pure token-bucket arithmetic. Tokens are kept as integer "units" — one token is `windowMs` units and
 * the bucket refills `limit` units per millisecond — so refill is exact integer maths: advancing a
 * ManualClock by exactly the advertised `Retry-After` always yields a whole token, never 0.9999.
 */

/** A budget as configured: `limit` requests per `windowSec` seconds, refilled continuously. */
export interface Budget {
  readonly limit: number;
  readonly windowSec: number;
}

/** A budget with the derived numbers precomputed once, so the per-request path only reads fields. */
export interface CompiledBudget extends Budget {
  readonly windowMs: number;
  /** Units in a full bucket (`limit * windowMs`). */
  readonly capacity: number;
  /** `String(limit)`, the `X-RateLimit-Limit` header value. */
  readonly limitHeader: string;
}

/** Mutable state of one bucket. A bucket that is absent is, by definition, full. */
export interface Bucket {
  units: number;
  /** Clock time (epoch ms) `units` was last brought up to date. */
  at: number;
}

export function compileBudget(budget: Budget): CompiledBudget {
  const windowMs = budget.windowSec * 1000;
  return {
    limit: budget.limit,
    windowSec: budget.windowSec,
    windowMs,
    capacity: budget.limit * windowMs,
    limitHeader: String(budget.limit),
  };
}

/** A new, full bucket. */
export function fullBucket(b: CompiledBudget, now: number): Bucket {
  return { units: b.capacity, at: now };
}

/** Units the bucket holds at `now`, without mutating it. A clock moved backwards refills nothing. */
export function unitsAt(bucket: Bucket, b: CompiledBudget, now: number): number {
  const elapsed = now - bucket.at;
  if (elapsed <= 0) return bucket.units;
  // Clamp before multiplying so a bucket idle for years cannot overflow the safe-integer range.
  if (elapsed >= b.windowMs) return b.capacity;
  return Math.min(b.capacity, bucket.units + elapsed * b.limit);
}

/** Refills to `now` and takes one token if there is one. Returns whether the request is allowed. */
export function take(bucket: Bucket, b: CompiledBudget, now: number): boolean {
  bucket.units = unitsAt(bucket, b, now);
  bucket.at = now;
  if (bucket.units < b.windowMs) return false;
  bucket.units -= b.windowMs;
  return true;
}

/** Whole tokens left (`X-RateLimit-Remaining`). */
export function remainingTokens(units: number, b: CompiledBudget): number {
  return Math.floor(units / b.windowMs);
}

/** Whole seconds, rounded up, until the bucket is full again (`X-RateLimit-Reset`). */
export function secondsUntilFull(units: number, b: CompiledBudget): number {
  return Math.ceil((b.capacity - units) / (b.limit * 1000));
}

/** Whole seconds, rounded up, until one token is available (`Retry-After`); 0 if one is. */
export function secondsUntilToken(units: number, b: CompiledBudget): number {
  return units >= b.windowMs ? 0 : Math.ceil((b.windowMs - units) / (b.limit * 1000));
}
