/**
 * The webhook service: subscribes to the store's ChangeFeed, turns each change into a SevenRooms
 * event, and hands it to one worker per matching endpoint. `createMockServer` mounts it; the control
 * API exposes `endpoints` and `deliveries`.
 */
import type { Clock } from '../clock.js';
import { conflict, notFound } from '../errors.js';
import type { Random } from '../random.js';
import type { ChangeFeed, StoreChange } from '../store/change-feed.js';
import { assertServiceOptions } from './config.js';
import { DeliveryLog, isTerminal, recordBody, snapshot, type DeliveryRecord } from './delivery-log.js';
import { DEFAULT_JITTER, DEFAULT_RETRY_SCHEDULE_MS, DEFAULT_TIMEOUT_MS } from './delivery.js';
import { EndpointRegistry, endpointWants } from './endpoints.js';
import {
  type DeliveryCounters,
  EndpointWorker,
  type WorkerContext,
  type WorkerState,
} from './endpoint-worker.js';
import { buildWebhookEvent, eventKind } from './events.js';
import type { QueueItem, QueuedEvent } from './queue.js';
import type {
  Delivery,
  DeliveryDetail,
  DeliveryFilter,
  WebhookEndpoint,
  WebhookEndpointConfig,
  WebhookEndpointPatch,
} from './types.js';

export interface WebhookServiceOptions {
  feed: ChangeFeed;
  clock: Clock;
  /**
   * Time written into signatures (`t=`). Default `clock`. The server passes the wall clock: a
   * receiver's replay window compares `t` with real time, whatever the simulated restaurant's time.
   */
  signingClock?: Pick<Clock, 'now'>;
  /** Seeded; ids, generated secrets and retry jitter come from it. Pass a derived stream (`deriveSeed(seed, 'webhooks')`). */
  random: Random;
  /** Endpoints registered at start-up (CLI `--webhook` flags, a config file). */
  endpoints?: WebhookEndpointConfig[];
  /** Clock ms to wait before each retry; its length is the number of retries. Default 1 s, 5 s, 30 s, 2 min, 10 min, 1 h. */
  retrySchedule?: readonly number[];
  /** ± fraction applied to each retry delay. Default 0.2. */
  jitter?: number;
  /** Clock ms events wait to be batched with others for the same endpoint; 0 sends at once. Default 250. */
  batchWindowMs?: number;
  /** Most events in one request. Default 100. */
  maxBatchSize?: number;
  /** Real-time ms one attempt may take. Default 5000. */
  timeoutMs?: number;
  /** Most events waiting per endpoint; beyond it the oldest are dead-lettered. Default 10,000. */
  maxQueuedEvents?: number;
  /** Most deliveries the log keeps (oldest finished ones go first). Default 1000. */
  logLimit?: number;
  /** Most body bytes the log keeps, the other bound on its memory. Default 16 MiB. */
  logMaxBytes?: number;
  fetch?: typeof fetch;
  userAgent?: string;
  /** Called with bugs inside the pipeline (never with a receiver's failure — those are attempts). */
  onError?: (err: unknown) => void;
}

/**
 * What persistence keeps of the pipeline: the endpoints (ids and secrets included), everything not
 * yet delivered, and the dead-lettered deliveries (so they can still be inspected and redelivered).
 */
export interface WebhookState {
  endpoints: WebhookEndpoint[];
  pending: { endpointId: string; items: QueueItem[] }[];
  deadLettered: DeliveryRecord[];
}

export interface EndpointStats {
  endpointId: string;
  url: string;
  enabled: boolean;
  state: WorkerState;
  queued: number;
  currentDeliveryId: string | null;
  deliveredEvents: number;
  deadLetteredEvents: number;
}

export interface WebhookStats extends DeliveryCounters {
  endpoints: number;
  /** Events waiting in endpoint queues (not counting batches on the wire or awaiting a retry). */
  queuedEvents: number;
  inFlight: number;
  retrying: number;
  logSize: number;
  /** Approximate bytes of request bodies the log retains. */
  logBytes: number;
  perEndpoint: EndpointStats[];
}

export interface WebhookService {
  endpoints: {
    add(config: WebhookEndpointConfig): WebhookEndpoint;
    list(): WebhookEndpoint[];
    get(id: string): WebhookEndpoint | undefined;
    update(id: string, patch: WebhookEndpointPatch): WebhookEndpoint;
    /** Stops delivery to it; its queued events are discarded and a retrying batch is dead-lettered. */
    remove(id: string): boolean;
  };
  deliveries: {
    list(filter?: DeliveryFilter): Delivery[];
    get(id: string): DeliveryDetail | undefined;
    /** Queues a finished delivery again; throws 404 (unknown id or endpoint) or 409 (still pending). */
    redeliver(id: string): Delivery;
  };
  stats(): WebhookStats;
  /**
   * Sends batches still inside their batching window now, then resolves once no request is in flight.
   * Retries keep waiting for the Clock: with a ManualClock, `advance` past them and flush again.
   */
  flush(): Promise<void>;
  /** Unsubscribes, aborts requests in flight and cancels every timer. */
  close(): Promise<void>;
  /** Stops sending (events still queue) until {@link WebhookService.release}: a restore replays first. */
  hold(): void;
  release(): void;
  /** Called whenever a delivery succeeds or is dead-lettered. */
  onSettled(listener: ((record: DeliveryRecord) => void) | undefined): void;
  exportState(): WebhookState;
  /** Replaces endpoints and queues with a persisted state (the service should be held). */
  importState(state: WebhookState): void;
  /** Drops queued events already delivered (by id); adds a dead-lettered record seen in the log. */
  forget(eventIds: readonly string[]): void;
  restoreDeadLetter(record: DeliveryRecord): void;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Builds the service and registers `options.endpoints`.
 *
 * @example
 * const webhooks = createWebhookService({ feed, clock, random: createRandom(deriveSeed(seed, 'webhooks')),
 *   endpoints: [{ url: 'http://127.0.0.1:4242/hooks', events: ['reservation.*'] }] });
 */
export function createWebhookService(options: WebhookServiceOptions): WebhookService {
  const {
    feed,
    clock,
    random,
    retrySchedule = DEFAULT_RETRY_SCHEDULE_MS,
    jitter = DEFAULT_JITTER,
    batchWindowMs = 250,
    maxBatchSize = 100,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxQueuedEvents = 10_000,
    logLimit = 1000,
    logMaxBytes = 16 * 1024 * 1024,
    userAgent = 'SevenRooms-Mock-Webhooks/1.0',
    onError = (err: unknown) => console.error('sevenrooms-mock webhooks: internal error', err),
  } = options;
  assertServiceOptions({
    retrySchedule,
    jitter,
    batchWindowMs,
    maxBatchSize,
    timeoutMs,
    maxQueuedEvents,
    logLimit,
    logMaxBytes,
  });

  const log = new DeliveryLog(logLimit, logMaxBytes);
  const registry = new EndpointRegistry({ random, now: () => clock.now() });
  const workers = new Map<string, EndpointWorker>();
  const inFlight = new Set<Promise<unknown>>();
  const newId = (prefix: string) => `${prefix}_${random.string(24, ALNUM)}`;
  const counters: DeliveryCounters = {
    attempts: 0,
    failedAttempts: 0,
    succeededDeliveries: 0,
    deliveredEvents: 0,
    deadLetteredEvents: 0,
    overflowedEvents: 0,
    discardedEvents: 0,
  };
  const ctx: WorkerContext = {
    clock,
    signingClock: options.signingClock ?? clock,
    random,
    log,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    retrySchedule: [...retrySchedule],
    jitter,
    batchWindowMs,
    maxBatchSize,
    timeoutMs,
    maxQueuedEvents,
    userAgent,
    counters,
    newId,
    track(work) {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
    onError,
    held: false,
  };

  // Subscribe only while an endpoint exists, so `feed.active` stays false and the store can skip
  // rendering snapshots nobody reads.
  let unsubscribe: (() => void) | null = null;
  const syncSubscription = () => {
    if (workers.size > 0 && !unsubscribe) unsubscribe = feed.subscribe(onChange);
    if (workers.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };

  function onChange(change: StoreChange): void {
    let queued: QueuedEvent | null = null;
    for (const worker of workers.values()) {
      if (!endpointWants(worker.endpoint, change)) continue;
      try {
        // Serialised once, here: the JSON is what every matching endpoint sends, whatever the store
        // does with its objects afterwards.
        queued ??= {
          id: newId('evt'),
          kind: eventKind(change),
          entityId: change.entityId,
          venueGroupId: change.venueGroupId,
          json: JSON.stringify(buildWebhookEvent(change)),
        };
      } catch (err) {
        // A malformed change is our bug; it must never break the store's write that published it.
        onError(err);
        return;
      }
      worker.enqueue({ type: 'event', event: queued });
    }
  }

  const requireWorker = (endpointId: string): EndpointWorker => {
    const worker = workers.get(endpointId);
    if (!worker) throw notFound(`Webhook endpoint ${endpointId} does not exist.`);
    return worker;
  };

  const service = {
    endpoints: {
      add(config) {
        const endpoint = registry.add(config);
        workers.set(endpoint.id, new EndpointWorker(endpoint, ctx));
        syncSubscription();
        return endpoint;
      },
      list: () => registry.list(),
      get: (id) => registry.get(id),
      update: (id, patch) => registry.update(id, patch),
      remove(id) {
        workers.get(id)?.close('endpoint_removed');
        workers.delete(id);
        const existed = registry.remove(id);
        syncSubscription();
        return existed;
      },
    },
    deliveries: {
      list: (filter) => log.list(filter),
      get: (id) => log.detail(id),
      redeliver(id) {
        const original = log.record(id);
        if (!original) throw notFound(`Delivery ${id} does not exist (or has left the log).`);
        if (!isTerminal(original)) {
          throw conflict(
            `Delivery ${id} is still ${original.state}; redeliver it once it has succeeded or been dead-lettered.`,
          );
        }
        return snapshot(requireWorker(original.endpointId).redeliver(original));
      },
    },
    stats() {
      const perEndpoint = [...workers.values()].map((w): EndpointStats => ({
        endpointId: w.endpoint.id,
        url: w.endpoint.url,
        enabled: w.endpoint.enabled,
        state: w.state,
        queued: w.queued,
        currentDeliveryId: w.currentDeliveryId,
        deliveredEvents: w.deliveredEvents,
        deadLetteredEvents: w.deadLetteredEvents,
      }));
      return {
        ...counters,
        endpoints: workers.size,
        queuedEvents: perEndpoint.reduce((n, e) => n + e.queued, 0),
        inFlight: perEndpoint.filter((e) => e.state === 'in_flight').length,
        retrying: perEndpoint.filter((e) => e.state === 'retrying').length,
        logSize: log.size,
        logBytes: log.bytes,
        perEndpoint,
      };
    },
    async flush() {
      for (const worker of workers.values()) worker.sendNow();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      unsubscribe?.();
      unsubscribe = null;
      for (const worker of workers.values()) worker.close('endpoint_removed');
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  } as WebhookService;

  Object.assign(service, {
    hold() {
      ctx.held = true;
    },
    release() {
      ctx.held = false;
      for (const worker of workers.values()) worker.release();
    },
    onSettled(listener: WorkerContext['onSettled']) {
      ctx.onSettled = listener;
    },
    exportState(): WebhookState {
      return {
        endpoints: registry.list().map((e) => ({ ...e })),
        pending: [...workers.values()].map((w) => ({
          endpointId: w.endpoint.id,
          items: w
            .pending()
            .map((item) =>
              item.type === 'event'
                ? item
                : { type: 'redelivery' as const, record: { ...item.record, body: recordBody(item.record) } },
            ),
        })),
        deadLettered: log
          .list({ state: 'dead_lettered' })
          .reverse()
          .map((d) => ({ ...d, parts: [], body: log.detail(d.id)!.body })),
      };
    },
    importState(state: WebhookState) {
      for (const worker of workers.values()) worker.close('endpoint_removed');
      workers.clear();
      for (const e of registry.list()) registry.remove(e.id);
      for (const endpoint of state.endpoints) {
        registry.restore(endpoint);
        workers.set(endpoint.id, new EndpointWorker(endpoint, ctx));
      }
      syncSubscription();
      for (const record of state.deadLettered) log.add({ ...record });
      for (const { endpointId, items } of state.pending) {
        const worker = workers.get(endpointId);
        for (const item of items) {
          if (item.type === 'redelivery') {
            const record = { ...item.record, state: 'pending' as const, nextAttemptAt: null };
            log.add(record);
            worker?.enqueue({ type: 'redelivery', record });
          } else worker?.enqueue(item);
        }
      }
    },
    forget(eventIds: readonly string[]) {
      const ids = new Set(eventIds);
      for (const worker of workers.values()) worker.forget(ids);
    },
    restoreDeadLetter(record: DeliveryRecord) {
      log.add({ ...record });
    },
  });
  for (const config of options.endpoints ?? []) service.endpoints.add(config);
  return service;
}
