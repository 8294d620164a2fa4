/**
 * The one source of "now" for the whole mock. Domain code never reads the wall clock: it asks a Clock,
 * so tests and demos can freeze, set and advance time, and holds, tokens, rate-limit buckets and
 * webhook retries all move with it.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `fn` once the clock reaches `at` (epoch ms). Returns a handle for {@link Clock.clearTimer}. */
  setTimer(at: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** A clock whose time only moves when told to; timers fire, in time order, as it is set or advanced. */
export class ManualClock implements AdjustableClock {
  #now: number;
  #nextId = 1;
  #timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start: number | Date | string) {
    this.#now = typeof start === 'number' ? start : new Date(start).getTime();
    if (!Number.isFinite(this.#now)) throw new RangeError(`ManualClock: invalid start time ${String(start)}`);
  }

  now(): number {
    return this.#now;
  }

  setTimer(at: number, fn: () => void): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { at, fn });
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    this.#timers.delete(handle.id);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, earliest first. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('ManualClock.advance: ms must be a non-negative number');
    this.set(this.#now + ms);
  }

  /** Sets the time. Moving backwards is allowed (timers already fired stay fired). */
  set(to: number): void {
    for (;;) {
      let dueId = -1;
      let dueAt = Infinity;
      for (const [id, t] of this.#timers) {
        if (t.at <= to && (t.at < dueAt || (t.at === dueAt && id < dueId))) {
          dueId = id;
          dueAt = t.at;
        }
      }
      if (dueId === -1) break;
      const timer = this.#timers.get(dueId)!;
      this.#timers.delete(dueId);
      this.#now = Math.max(this.#now, timer.at);
      timer.fn();
    }
    this.#now = to;
  }

  /** Number of timers still waiting; lets tests prove nothing is left scheduled. */
  get pendingTimers(): number {
    return this.#timers.size;
  }
}

/** A clock the control API can set and advance. */
export interface AdjustableClock extends Clock {
  set(to: number): void;
  advance(ms: number): void;
}

/**
 * The wall clock plus an adjustable offset: time runs for real (holds expire, tokens age), yet the
 * control API can jump it forwards or backwards. Timers due after a jump fire at once, earliest
 * first; the rest wait on one real `setTimeout` that does not hold the process open.
 */
export class SystemClock implements AdjustableClock {
  #offset = 0;
  #pinned: number | null = null;
  #nextId = 1;
  #timers = new Map<number, { at: number; fn: () => void }>();
  #handle: NodeJS.Timeout | null = null;

  now(): number {
    return this.#pinned ?? Date.now() + this.#offset;
  }

  /**
   * Holds `now()` at `at` until unpinned (null). A persisted world pins it around each state change,
   * so the change reads one instant — the one written to the log and used again when it is replayed.
   */
  pin(at: number | null): void {
    this.#pinned = at;
  }

  /** Milliseconds this clock runs ahead of (or behind) the wall clock. */
  get offset(): number {
    return this.#offset;
  }

  setTimer(at: number, fn: () => void): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { at, fn });
    this.#arm();
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    this.#timers.delete(handle.id);
    this.#arm();
  }

  set(to: number): void {
    this.#offset = to - Date.now();
    this.#fireDue();
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('SystemClock.advance: ms must be a non-negative number');
    this.#offset += ms;
    this.#fireDue();
  }

  #fireDue(): void {
    for (;;) {
      const now = this.now();
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.#timers)
        if (entry[1].at <= now && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.#timers.delete(due[0]);
      due[1].fn();
    }
    this.#arm();
  }

  #arm(): void {
    if (this.#handle) clearTimeout(this.#handle);
    this.#handle = null;
    let earliest = Infinity;
    for (const t of this.#timers.values()) earliest = Math.min(earliest, t.at);
    if (earliest === Infinity) return;
    this.#handle = setTimeout(() => this.#fireDue(), Math.max(0, earliest - this.now()));
    this.#handle.unref();
  }
}

export function isAdjustableClock(clock: Clock): clock is AdjustableClock {
  return (
    typeof (clock as Partial<AdjustableClock>).set === 'function' &&
    typeof (clock as Partial<AdjustableClock>).advance === 'function'
  );
}

/** Real time, for what crosses the wire to real programs (webhook signature timestamps). */
export const wallClock: Pick<Clock, 'now'> = { now: () => Date.now() };
