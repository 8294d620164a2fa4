/**
 * The per-endpoint FIFO of events waiting to be batched. It holds serialised events (the JSON text is
 * fixed at publish time, so a store that later reuses an object cannot change what is sent) and
 * enforces a cap: beyond it the oldest entries are pushed out, for the caller to dead-letter.
 */
import type { DeliveryRecord } from './delivery-log.js';
import type { EventSummary } from './types.js';

/** An event queued for delivery: its identity plus its wire JSON. Shared by every endpoint it goes to. */
export interface QueuedEvent extends EventSummary {
  json: string;
}

/**
 * A batch queued again by `redeliver`: its log record (state `pending`) already exists, with the same
 * body and event id as the original, and it is sent on its own, never merged with newer events.
 */
export type QueueItem =
  { type: 'event'; event: QueuedEvent } | { type: 'redelivery'; record: DeliveryRecord };

/** An array-backed FIFO with O(1) amortised push and shift (Array#shift is O(n)). */
export class Fifo<T> {
  #items: (T | undefined)[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  peek(): T | undefined {
    return this.#items[this.#head];
  }

  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    // Compact once the dead prefix dominates, so memory follows the live length.
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
  }

  /** The live items, oldest first, without removing them. */
  toArray(): T[] {
    return this.#items.slice(this.#head) as T[];
  }
}

const sizeOf = (item: QueueItem): number => (item.type === 'event' ? 1 : item.record.events.length);

/** The waiting room of one endpoint. Counts events, not items, against `cap`. */
export class EndpointQueue {
  readonly #items = new Fifo<QueueItem>();
  readonly #cap: number;
  #events = 0;

  constructor(cap: number) {
    this.#cap = cap;
  }

  /** Events waiting (not counting the batch in flight). */
  get size(): number {
    return this.#events;
  }

  /** Appends; returns the items pushed out at the front to stay within the cap, oldest first. */
  push(item: QueueItem): QueueItem[] {
    this.#items.push(item);
    this.#events += sizeOf(item);
    const overflow: QueueItem[] = [];
    while (this.#events > this.#cap) {
      const dropped = this.#items.shift();
      if (!dropped) break;
      this.#events -= sizeOf(dropped);
      overflow.push(dropped);
    }
    return overflow;
  }

  /**
   * The next batch: a queued redelivery on its own (its body is fixed), or up to `max` consecutive
   * events. Null when empty.
   */
  take(max: number): { events: QueuedEvent[] } | { redelivery: DeliveryRecord } | null {
    const head = this.#items.peek();
    if (!head) return null;
    if (head.type === 'redelivery') {
      this.#items.shift();
      this.#events -= head.record.events.length;
      return { redelivery: head.record };
    }
    const events: QueuedEvent[] = [];
    for (
      let next = this.#items.peek();
      next?.type === 'event' && events.length < max;
      next = this.#items.peek()
    ) {
      this.#items.shift();
      events.push(next.event);
    }
    this.#events -= events.length;
    return { events };
  }

  /** What is waiting, oldest first, left in place (for a persisted snapshot). */
  items(): QueueItem[] {
    return this.#items.toArray();
  }

  /** Drops the items `gone` selects (events already delivered before a restart); returns how many events went. */
  removeWhere(gone: (item: QueueItem) => boolean): number {
    let removed = 0;
    for (const item of this.drain()) {
      if (gone(item)) removed += sizeOf(item);
      else this.push(item);
    }
    return removed;
  }

  /** Empties the queue; returns what was in it, oldest first. */
  drain(): QueueItem[] {
    const items: QueueItem[] = [];
    for (let item = this.#items.shift(); item; item = this.#items.shift()) items.push(item);
    this.#events = 0;
    return items;
  }
}
