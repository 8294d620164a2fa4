import type { Clock, TimerHandle } from '../clock.js';
import type { Store } from '../store/store.js';
import { expireDuePaylinks } from './paylinks.js';

/**
 * Acts on paylink auto-cancel deadlines when the mock's clock reaches them: one clock timer, armed
 * for the earliest pending deadline of the current store. A frozen clock fires it when the control
 * API moves time past the deadline; a running clock, when real time gets there. Deterministic: the
 * cancellation is stamped with the deadline's clock time.
 */
export class PaylinkDeadlineWatch {
  readonly #clock: Clock;
  readonly #current: () => Store;
  #timer: TimerHandle | null = null;
  #armedAt = Infinity;

  /** @param current the live store (reset swaps it), read each time the watch wakes. */
  constructor(clock: Clock, current: () => Store) {
    this.#clock = clock;
    this.#current = current;
  }

  /** Something falls due at `atMs`: look at once if it already has, else make sure a timer is set by then. */
  readonly wake = (atMs: number): void => {
    if (atMs <= this.#clock.now()) this.sweep();
    else if (atMs < this.#armedAt) this.#arm(atMs);
  };

  /** Expires what is due now and arms the timer for the next deadline. */
  readonly sweep = (): void => {
    this.#arm(expireDuePaylinks(this.#current()));
  };

  #arm(atMs: number): void {
    if (this.#timer) this.#clock.clearTimer(this.#timer);
    this.#timer = null;
    this.#armedAt = atMs;
    if (atMs === Infinity) return;
    this.#timer = this.#clock.setTimer(atMs, () => {
      this.#timer = null;
      this.#armedAt = Infinity;
      this.sweep();
    });
  }
}
