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
export class ManualClock implements Clock {
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

/** The wall clock, for `npm start` without a fixed time. Timers use real `setTimeout` and do not hold the process open. */
export class SystemClock implements Clock {
  #nextId = 1;
  #handles = new Map<number, NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  setTimer(at: number, fn: () => void): TimerHandle {
    const id = this.#nextId++;
    const handle = setTimeout(
      () => {
        this.#handles.delete(id);
        fn();
      },
      Math.max(0, at - Date.now()),
    );
    handle.unref();
    this.#handles.set(id, handle);
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    const t = this.#handles.get(handle.id);
    if (t) clearTimeout(t);
    this.#handles.delete(handle.id);
  }
}

/** A clock that is set and advanced by the control API but otherwise runs with the wall clock from an offset. */
export function isManualClock(clock: Clock): clock is ManualClock {
  return clock instanceof ManualClock;
}
