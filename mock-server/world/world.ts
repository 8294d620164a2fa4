/**
 * A world: one restaurant universe with everything that makes it stateful — seed, clock, store and
 * its id streams, change feed, rate-limit buckets, fault rules, request journal, webhook endpoints
 * and queues — plus reset. The HTTP layer (world/http-app.ts) serves any number of worlds through
 * one set of compiled routes; nothing here knows about URLs.
 */
import { ManualClock, wallClock, type Clock } from '../clock.js';
import type { ControlDeps } from '../control/context.js';
import { IdFactory } from '../domain/ids.js';
import type { Catalog } from '../domain/model.js';
import { operationClass } from '../http/operation-class.js';
import { RequestJournal, type RequestJournalOptions } from '../journal/journal.js';
import { journalRequests } from '../journal/journal-middleware.js';
import type { Logger } from '../logger.js';
import { faults, type FaultsMiddleware } from '../middleware/faults.js';
import type { FaultRule } from '../middleware/fault-rules.js';
import type { Sleep } from '../middleware/latency.js';
import { rateLimit, type RateLimitMiddleware } from '../middleware/rate-limit.js';
import type { RateLimitConfigPatch } from '../middleware/rate-limit-config.js';
import { createRandom, deriveSeed, type Random } from '../random.js';
import type { MockContext, Runtime } from '../routes/context.js';
import type { SeedPlan } from '../seed/plan.js';
import { seedStore, type SeedProgress, type SeedSummary, type SeedVolume } from '../seed/seed-store.js';
import { RequestIds } from '../domain/request-ids.js';
import { PaylinkDeadlineWatch } from '../domain/paylink-deadlines.js';
import { ChangeFeed } from '../store/change-feed.js';
import { Store } from '../store/store.js';
import {
  createWebhookService,
  type WebhookService,
  type WebhookServiceOptions,
} from '../webhooks/webhook-service.js';
import type { MiddlewareHandler } from 'hono';
import type { MiddlewareEnv } from '../middleware/types.js';

export interface WorldOptions {
  id: string;
  seed: number;
  clock: Clock;
  catalog: Catalog;
  volume: SeedVolume;
  plan?: SeedPlan | undefined;
  logger: Logger;
  rateLimit?: RateLimitConfigPatch | undefined;
  faults?: readonly FaultRule[] | undefined;
  sleep?: Sleep | undefined;
  journal?: RequestJournalOptions | undefined;
  webhooks?: Omit<WebhookServiceOptions, 'feed' | 'clock' | 'random'> | undefined;
  /** Start with an empty store (its state is about to be restored from disk): seeding would be thrown away. */
  skipSeed?: boolean;
  /** How the world was asked for (scenario name, volume), kept for listings and the data directory. */
  description?: Record<string, unknown>;
  /** Called while the world is first seeded (not on reset). */
  onSeedProgress?: ((progress: SeedProgress) => void) | undefined;
}

/** Positions of a world's seeded random streams: restored with the state so ids never repeat. */
export interface StreamPositions {
  ids: number;
  requestIds: number;
  faults: number;
  webhooks: number;
}

/**
 * Wraps a state change (an operation's or control handler's synchronous work). Persistence installs
 * one to pin the clock and write the change to the log; without it the function just runs.
 */
export type ApplyHook = <T>(c: MockContext, fn: () => T) => T;

export interface World extends Runtime {
  readonly id: string;
  readonly seed: number;
  readonly clock: Clock;
  readonly catalog: Catalog;
  readonly store: Store;
  readonly feed: ChangeFeed;
  readonly requestIds: RequestIds;
  /** What the seeder generated (zeros for a world restored from disk). */
  readonly seeded: SeedSummary;
  readonly limiter: RateLimitMiddleware;
  readonly faults: FaultsMiddleware;
  readonly journal: RequestJournal;
  readonly journalMiddleware: MiddlewareHandler<MiddlewareEnv>;
  readonly webhooks: WebhookService;
  /** What the control handlers drive. */
  readonly control: ControlDeps;
  readonly description: Record<string, unknown>;
  /** Wall-clock ms of the last request (idle expiry). */
  lastUsed: number;
  /** Set by persistence; operation and control runners call it around each handler. */
  apply: ApplyHook | undefined;
  /** While true (replaying a log), rate limits, faults and the journal stand aside. */
  replaying: boolean;
  /** Restores the state this world started with. */
  reset(): void;
  positions(): StreamPositions;
  advanceStreams(to: StreamPositions): void;
  close(): Promise<void>;
}

/** Builds a world; `options.clock` becomes its clock (each world needs its own clock object). */
export function createWorld(options: WorldOptions): World {
  const { seed, clock, catalog, volume, logger } = options;
  const feed = new ChangeFeed();
  let idRandom: Random;
  let seeded: SeedSummary = { guests: 0, reservations: 0, charges: 0, waitlist: 0 };
  let progress = options.onSeedProgress;
  // Paylink auto-cancel deadlines fire on the clock against whichever store is live.
  const deadlines = new PaylinkDeadlineWatch(clock, () => store);
  const buildStore = (skipSeed = false) => {
    idRandom = createRandom(deriveSeed(seed, 'ids'));
    const store = new Store(catalog, clock, new IdFactory(idRandom), feed);
    if (!skipSeed) seeded = seedStore(store, { seed, volume, plan: options.plan, progress });
    progress = undefined; // only the first seeding is reported, not a reset
    store.wakeAt = deadlines.wake;
    return store;
  };
  let store = buildStore(options.skipSeed);
  const newRequestIds = () => new RequestIds(deriveSeed(seed, 'request-ids'));
  let requestIds = newRequestIds();
  const faultRandom = createRandom(deriveSeed(seed, 'faults'));
  const webhookRandom = createRandom(deriveSeed(seed, 'webhooks'));

  const journal = new RequestJournal(options.journal);
  const limiter = rateLimit({ clock, classify: operationClass, config: options.rateLimit ?? {} });
  const faultInjector = faults({
    random: faultRandom,
    rules: options.faults ?? [],
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const webhooks = createWebhookService({
    // The batching window is clock time: on a frozen clock it would never close, so send at once.
    ...(clock instanceof ManualClock ? { batchWindowMs: 0 } : {}),
    signingClock: wallClock,
    ...options.webhooks,
    feed,
    clock,
    random: webhookRandom,
    onError: (err) => logger.error('webhook pipeline error', { error: String(err) }),
  });
  const startMs = clock.now();

  const world: World = {
    id: options.id,
    seed,
    clock,
    catalog,
    get store() {
      return store;
    },
    feed,
    get requestIds() {
      return requestIds;
    },
    get seeded() {
      return seeded;
    },
    limiter,
    faults: faultInjector,
    journal,
    journalMiddleware: journalRequests({ journal, clock }),
    webhooks,
    control: undefined as unknown as ControlDeps,
    description: options.description ?? {},
    lastUsed: wallClock.now(),
    apply: undefined,
    replaying: false,
    reset() {
      if (clock instanceof ManualClock) clock.set(startMs);
      store = buildStore();
      deadlines.sweep();
      requestIds = newRequestIds();
      limiter.controller.reset();
    },
    positions: () => ({
      ids: idRandom.position(),
      requestIds: requestIds.position(),
      faults: faultRandom.position(),
      webhooks: webhookRandom.position(),
    }),
    advanceStreams(to) {
      idRandom.advanceTo(to.ids);
      requestIds.advanceTo(to.requestIds);
      faultRandom.advanceTo(to.faults);
      webhookRandom.advanceTo(to.webhooks);
    },
    close: () => webhooks.close(),
  };
  (world as { control: ControlDeps }).control = {
    get store() {
      return store;
    },
    clock,
    catalog,
    seed,
    reset: () => world.reset(),
    journal,
    rateLimits: limiter.controller,
    faults: faultInjector.controller,
    webhooks,
    get apply() {
      return world.apply;
    },
  };
  return world;
}
