import { type Bucket, type CompiledBudget, fullBucket, unitsAt } from './token-bucket.js';

/** How many lookups between sweeps for full buckets; amortises the sweep to O(1) per request. */
const SWEEP_EVERY = 1024;

/**
 * Buckets by operation class, then by key. Two-level maps (instead of one map keyed by
 * `class + key`) avoid building a string per request. Full buckets are indistinguishable from absent
 * ones, so a periodic sweep deletes them: memory is bounded by the keys active within one window.
 */
export class BucketStore {
  #byClass = new Map<string, Map<string, Bucket>>();
  #lookups = 0;
  #size = 0;
  readonly #maxBuckets: number;

  constructor(maxBuckets: number) {
    this.#maxBuckets = maxBuckets;
  }

  /** The bucket for `cls`/`key`, created full if absent. Sweeps from time to time. */
  get(
    cls: string,
    key: string,
    budget: CompiledBudget,
    now: number,
    budgetOf: (cls: string) => CompiledBudget,
  ): Bucket {
    if (++this.#lookups >= SWEEP_EVERY || this.#size >= this.#maxBuckets) this.sweep(now, budgetOf);
    let byKey = this.#byClass.get(cls);
    if (byKey === undefined) {
      byKey = new Map();
      this.#byClass.set(cls, byKey);
    }
    let bucket = byKey.get(key);
    if (bucket === undefined) {
      bucket = fullBucket(budget, now);
      byKey.set(key, bucket);
      this.#size++;
    }
    return bucket;
  }

  /**
   * Deletes every bucket that is full at `now`. If more than `maxBuckets` are still active (a flood of
   * distinct keys), the oldest-created go too, down to 90 % of the cap: those keys get a fresh budget,
   * which is the price of bounded memory, and the cap is far above any test or demo.
   */
  sweep(now: number, budgetOf: (cls: string) => CompiledBudget): void {
    this.#lookups = 0;
    for (const [cls, byKey] of this.#byClass) {
      const budget = budgetOf(cls);
      for (const [key, bucket] of byKey) {
        if (unitsAt(bucket, budget, now) >= budget.capacity) {
          byKey.delete(key);
          this.#size--;
        }
      }
      if (byKey.size === 0) this.#byClass.delete(cls);
    }
    if (this.#size < this.#maxBuckets) return;
    const target = Math.floor(this.#maxBuckets * 0.9);
    for (const byKey of this.#byClass.values()) {
      for (const key of byKey.keys()) {
        if (this.#size <= target) return;
        byKey.delete(key);
        this.#size--;
      }
    }
  }

  /** Forgets every bucket, or only `key`'s (in all classes). */
  clear(key?: string): void {
    if (key === undefined) {
      this.#byClass.clear();
      this.#size = 0;
      return;
    }
    for (const byKey of this.#byClass.values()) if (byKey.delete(key)) this.#size--;
  }

  /** Number of buckets held (full ones may linger until the next sweep). */
  get size(): number {
    return this.#size;
  }

  *entries(): IterableIterator<[cls: string, key: string, bucket: Bucket]> {
    for (const [cls, byKey] of this.#byClass) for (const [key, bucket] of byKey) yield [cls, key, bucket];
  }
}
