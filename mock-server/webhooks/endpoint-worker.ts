/**
 * Delivery to one endpoint. A strict FIFO with one batch on the wire at a time: the next batch is not
 * formed until the current one succeeded or was dead-lettered. That is what keeps events about one
 * reservation in order — a later event can never overtake an earlier one that is waiting to be
 * retried — at the price of head-of-line blocking, which is what a receiver that is down causes
 * anyway (docs/decisions/0005-webhooks.md).
 *
 *   idle ──enqueue──▶ batching ──window──▶ in_flight ──2xx──▶ (next batch | idle)
 *                                            │  ▲
 *                                   failure  ▼  │ clock timer
 *                                          retrying ──schedule exhausted──▶ dead-letter, next batch
 */
import type { Clock, TimerHandle } from '../clock.js';
import type { Random } from '../random.js';
import { type DeliveryLog, type DeliveryRecord, recordBody } from './delivery-log.js';
import { type AttemptOutcome, postWebhook, retryDelay } from './delivery.js';
import { EndpointQueue, type QueueItem, type QueuedEvent } from './queue.js';
import { DELIVERY_ATTEMPT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signPayload } from './signing.js';
import type { DeadLetterReason, EventSummary, WebhookEndpoint } from './types.js';

/** Cumulative counters, shared by every worker of a service. */
export interface DeliveryCounters {
  attempts: number;
  failedAttempts: number;
  succeededDeliveries: number;
  deliveredEvents: number;
  deadLetteredEvents: number;
  overflowedEvents: number;
  discardedEvents: number;
}

export interface WorkerContext {
  clock: Clock;
  /** Time for the signature's `t`: receivers check it against their own wall clock. */
  signingClock: Pick<Clock, 'now'>;
  random: Random;
  log: DeliveryLog;
  fetch: typeof fetch;
  retrySchedule: readonly number[];
  jitter: number;
  batchWindowMs: number;
  maxBatchSize: number;
  timeoutMs: number;
  maxQueuedEvents: number;
  userAgent: string;
  counters: DeliveryCounters;
  newId(prefix: string): string;
  /** Registers async work so `flush()` can wait for it; must not reject. */
  track(work: Promise<unknown>): void;
  onError(err: unknown): void;
  /** While true nothing is sent: a world being restored from disk replays its log first. */
  held: boolean;
  /** Told when a delivery succeeded or was dead-lettered (persistence logs it). */
  onSettled?: ((record: DeliveryRecord) => void) | undefined;
}

export type WorkerState = 'idle' | 'batching' | 'in_flight' | 'retrying' | 'closed';

const summary = ({ id, kind, entityId, venueGroupId }: EventSummary): EventSummary => ({
  id,
  kind,
  entityId,
  venueGroupId,
});

export class EndpointWorker {
  readonly endpoint: WebhookEndpoint;
  readonly #ctx: WorkerContext;
  readonly #queue: EndpointQueue;
  readonly #abort = new AbortController();
  #state: WorkerState = 'idle';
  #timer: TimerHandle | null = null;
  #current: DeliveryRecord | null = null;
  /** The open dead-letter record overflowed events are collected into, up to a batch's worth. */
  #overflow: DeliveryRecord | null = null;
  #delivered = 0;
  #deadLettered = 0;

  constructor(endpoint: WebhookEndpoint, ctx: WorkerContext) {
    this.endpoint = endpoint;
    this.#ctx = ctx;
    this.#queue = new EndpointQueue(ctx.maxQueuedEvents);
  }

  get state(): WorkerState {
    return this.#state;
  }

  /** Events waiting, not counting the batch in flight or retrying. */
  get queued(): number {
    return this.#queue.size;
  }

  get currentDeliveryId(): string | null {
    return this.#current?.id ?? null;
  }

  get deliveredEvents(): number {
    return this.#delivered;
  }

  get deadLetteredEvents(): number {
    return this.#deadLettered;
  }

  /** O(1) apart from overflow bookkeeping; never awaits — the store's publish calls this. */
  enqueue(item: QueueItem): void {
    if (this.#state === 'closed') return;
    const overflow = this.#queue.push(item);
    if (overflow.length > 0) this.#deadLetterOverflow(overflow);
    if (this.#state === 'idle') this.#openWindow();
  }

  /**
   * Queues a finished delivery again, at the back of the queue, as a new `pending` delivery with the
   * same body and event id (so a receiver that dedupes on the id recognises it). Attempts restart at 1.
   */
  redeliver(original: DeliveryRecord): DeliveryRecord {
    const record: DeliveryRecord = {
      id: this.#ctx.newId('dlv'),
      eventId: original.eventId,
      endpointId: this.endpoint.id,
      url: this.endpoint.url,
      events: original.events.map(summary),
      state: 'pending',
      attempts: [],
      createdAt: this.#ctx.clock.now(),
      nextAttemptAt: null,
      completedAt: null,
      deadLetterReason: null,
      redeliveryOf: original.id,
      parts: [],
      body: recordBody(original),
    };
    this.#ctx.log.add(record);
    this.enqueue({ type: 'redelivery', record });
    return record;
  }

  /** Ends a batching window early (used by `flush()`); retries still wait for the clock. */
  sendNow(): void {
    if (this.#state !== 'batching' || this.#timer === null) return;
    this.#ctx.clock.clearTimer(this.#timer);
    this.#timer = null;
    this.#dispatchNext();
  }

  /** Stops for good: cancels timers, aborts a request in flight, dead-letters what cannot be sent. */
  close(reason: DeadLetterReason = 'endpoint_removed'): void {
    if (this.#state === 'closed') return;
    const wasInFlight = this.#state === 'in_flight';
    this.#state = 'closed';
    if (this.#timer !== null) this.#ctx.clock.clearTimer(this.#timer);
    this.#timer = null;
    // An attempt in flight settles through #settle, which sees the closed state and dead-letters it.
    if (this.#current && !wasInFlight) this.#deadLetter(this.#current, reason);
    this.#abort.abort();
    for (const item of this.#queue.drain()) {
      if (item.type === 'redelivery') this.#deadLetter(item.record, reason);
      else this.#ctx.counters.discardedEvents++;
    }
    this.#ctx.log.settle();
  }

  #openWindow(): void {
    this.#state = 'batching';
    const { batchWindowMs, clock } = this.#ctx;
    if (batchWindowMs > 0) {
      this.#timer = clock.setTimer(clock.now() + batchWindowMs, () => {
        this.#timer = null;
        this.#dispatchNext();
      });
    } else {
      // "Immediate" still leaves the publisher's call stack first, and picks up everything
      // published in the same tick.
      this.#ctx.track(Promise.resolve().then(() => this.#dispatchNext()));
    }
  }

  /**
   * What has not been delivered yet, oldest first: the batch on the wire or waiting to retry (as a
   * redelivery record, so its body and event id stay) and the queue. For a persisted snapshot.
   */
  pending(): QueueItem[] {
    const items = this.#queue.items();
    const current = this.#current;
    if (current && current.state !== 'succeeded' && current.state !== 'dead_lettered')
      items.unshift({ type: 'redelivery', record: current });
    return items;
  }

  /** Drops queued events whose ids are in `delivered` (a restart replayed events already sent). */
  forget(delivered: ReadonlySet<string>): void {
    this.#queue.removeWhere((item) =>
      item.type === 'event'
        ? delivered.has(item.event.id)
        : item.record.events.every((e) => delivered.has(e.id)),
    );
  }

  /** Starts sending what queued up while the service was held. */
  release(): void {
    if (this.#state === 'batching' && this.#timer === null) this.#dispatchNext();
  }

  #dispatchNext(): void {
    if (this.#state === 'closed') return;
    if (this.#ctx.held) {
      this.#state = 'batching';
      return;
    }
    const next = this.#queue.take(this.#ctx.maxBatchSize);
    if (!next) {
      this.#state = 'idle';
      this.#current = null;
      return;
    }
    const record = 'redelivery' in next ? next.redelivery : this.#newDelivery(next.events);
    this.#current = record;
    this.#attempt(record);
  }

  #newDelivery(events: QueuedEvent[]): DeliveryRecord {
    const record: DeliveryRecord = {
      id: this.#ctx.newId('dlv'),
      eventId: this.#ctx.newId('evb'),
      endpointId: this.endpoint.id,
      url: this.endpoint.url,
      events: events.map(summary),
      state: 'pending',
      attempts: [],
      createdAt: this.#ctx.clock.now(),
      nextAttemptAt: null,
      completedAt: null,
      deadLetterReason: null,
      redeliveryOf: null,
      parts: events.map((e) => e.json),
      body: null,
    };
    this.#ctx.log.add(record);
    return record;
  }

  #attempt(record: DeliveryRecord): void {
    if (this.#state === 'closed') return;
    const { clock, fetch, timeoutMs, userAgent } = this.#ctx;
    const attempt = record.attempts.length + 1;
    const at = clock.now();
    const body = recordBody(record);
    // The endpoint is read at every attempt, so a url or secret changed meanwhile applies to retries.
    const { url, secret } = this.endpoint;
    record.url = url;
    record.state = 'in_flight';
    record.nextAttemptAt = null;
    this.#state = 'in_flight';
    const headers = {
      'content-type': 'application/json',
      'user-agent': userAgent,
      [SIGNATURE_HEADER]: signPayload({
        rawBody: body,
        secret,
        timestampSec: Math.floor(this.#ctx.signingClock.now() / 1000),
      }),
      [EVENT_ID_HEADER]: record.eventId,
      [DELIVERY_ATTEMPT_HEADER]: String(attempt),
    };
    const work = postWebhook({ fetch, url, body, headers, timeoutMs, signal: this.#abort.signal })
      .then((outcome) => this.#settle(record, attempt, at, outcome))
      .catch((err: unknown) => this.#ctx.onError(err));
    this.#ctx.track(work);
  }

  #settle(record: DeliveryRecord, attempt: number, at: number, outcome: AttemptOutcome): void {
    const { counters, clock } = this.#ctx;
    record.attempts.push({ attempt, at, ...outcome });
    counters.attempts++;
    if (outcome.ok) {
      record.state = 'succeeded';
      record.completedAt = clock.now();
      counters.succeededDeliveries++;
      counters.deliveredEvents += record.events.length;
      this.#delivered += record.events.length;
      this.#ctx.onSettled?.(record);
      this.#finish();
      return;
    }
    counters.failedAttempts++;
    if (this.#state === 'closed') {
      this.#deadLetter(record, 'endpoint_removed');
      this.#ctx.log.settle();
      return;
    }
    const delay = retryDelay(this.#ctx.retrySchedule, attempt, this.#ctx.jitter, this.#ctx.random);
    if (delay === null) {
      this.#deadLetter(record, 'retries_exhausted');
      this.#finish();
      return;
    }
    const due = clock.now() + delay;
    record.state = 'retrying';
    record.nextAttemptAt = due;
    this.#state = 'retrying';
    this.#timer = clock.setTimer(due, () => {
      this.#timer = null;
      this.#attempt(record);
    });
  }

  /** The batch is done (either way): the next one goes out at once, its events have waited already. */
  #finish(): void {
    this.#current = null;
    this.#ctx.log.settle();
    this.#dispatchNext();
  }

  #deadLetter(record: DeliveryRecord, reason: DeadLetterReason): void {
    record.state = 'dead_lettered';
    record.deadLetterReason = reason;
    record.nextAttemptAt = null;
    record.completedAt = this.#ctx.clock.now();
    this.#ctx.counters.deadLetteredEvents += record.events.length;
    this.#deadLettered += record.events.length;
    this.#ctx.onSettled?.(record);
  }

  /**
   * Events pushed out of a full queue become dead-lettered deliveries with reason `queue_overflow`,
   * gathered a batch's worth per record so a long outage does not flush the log with one record per
   * event. They can be redelivered like any other.
   */
  #deadLetterOverflow(items: QueueItem[]): void {
    const { counters, log, maxBatchSize, clock } = this.#ctx;
    for (const item of items) {
      if (item.type === 'redelivery') {
        this.#deadLetter(item.record, 'queue_overflow');
        counters.overflowedEvents += item.record.events.length;
        continue;
      }
      let bucket = this.#overflow;
      if (!bucket || bucket.body !== null || bucket.events.length >= maxBatchSize || !log.has(bucket.id)) {
        bucket = this.#newDelivery([]);
        bucket.state = 'dead_lettered';
        bucket.deadLetterReason = 'queue_overflow';
        bucket.completedAt = clock.now();
        this.#overflow = bucket;
      }
      bucket.events.push(summary(item.event));
      bucket.parts.push(item.event.json);
      log.reweigh(bucket);
      counters.overflowedEvents++;
      counters.deadLetteredEvents++;
      this.#deadLettered++;
    }
    log.settle();
  }
}
