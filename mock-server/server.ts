import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { oas31 } from 'openapi3-ts';
import { ManualClock, wallClock, type Clock } from './clock.js';
import { peekClientId } from './auth/tokens.js';
import { IdFactory } from './domain/ids.js';
import { PaylinkDeadlineWatch } from './domain/paylink-deadlines.js';
import { RequestIds } from './domain/request-ids.js';
import { notFoundOrWrongMethod, renderError } from './http/error-responses.js';
import { operationClass } from './http/operation-class.js';
import { operationRunner } from './http/operation-runner.js';
import { answerWrongMethod, shadowedMethodGuards } from './http/shadowed-methods.js';
import type { Catalog } from './domain/model.js';
import { loadVenueCatalog } from './fixtures/load-venues.js';
import { createLogger, type Logger } from './logger.js';
import { RequestJournal, type RequestJournalOptions } from './journal/journal.js';
import { journalRequests } from './journal/journal-middleware.js';
import { bodyCaps } from './middleware/body-cap.js';
import { faults, type FaultController } from './middleware/faults.js';
import type { FaultRule } from './middleware/fault-rules.js';
import type { Sleep } from './middleware/latency.js';
import { rateLimit, type RateLimitController } from './middleware/rate-limit.js';
import type { RateLimitConfigPatch } from './middleware/rate-limit-config.js';
import { createRandom, deriveSeed } from './random.js';
import { ALL_HANDLERS } from './routes/index.js';
import {
  CORS_EXPOSED,
  CORS_HEADERS,
  type ApiOperationId,
  type MockEnv,
  type Runtime,
} from './routes/context.js';
import { setResponseHeaders } from './http/response-headers.js';
import { byRouteSpecificity, listOperations, type OperationSpec } from './spec/operations.js';
import { DEFAULT_SPEC_PATH, loadSpec } from './spec/load-spec.js';
import { checkHandlerCoverage } from './spec/handler-coverage.js';
import { sharedSchemaCompiler } from './spec/schema-compiler.js';
import type { LoadedScenario } from './seed/scenario.js';
import { seedStore, type SeedProgress, type SeedSummary, type SeedVolume } from './seed/seed-store.js';
import { accessLog } from './http/access-log.js';
import { mountDocs } from './http/docs-ui.js';
import { resolveVolume } from './seed/volume.js';
import { ChangeFeed } from './store/change-feed.js';
import { createControlApi } from './control/control-api.js';
import {
  createWebhookService,
  type WebhookService,
  type WebhookServiceOptions,
} from './webhooks/webhook-service.js';
import { Store } from './store/store.js';

/** Every version prefix the real API answers under. */
export const API_PREFIXES = ['/2_4', '/2_2', '/api-ext/2_4', '/api-ext/2_2'] as const;

/** The instant the embedded defaults start at when no clock is given: a fixed, documented Monday evening. */
export const DEFAULT_START_TIME = '2026-12-07T17:00:00Z';

export interface MockServerOptions {
  /** Seed for every generated value (ids, guests, request ids, fault dice). Default 1. */
  seed?: number;
  /** The clock; default a {@link ManualClock} at {@link DEFAULT_START_TIME}, so output is reproducible. */
  clock?: Clock;
  /** A venue fixture file (see fixtures/schema/venues.schema.json); default the embedded one. */
  venuesPath?: string;
  /** A catalog built in code (takes precedence over `venuesPath`). */
  catalog?: Catalog;
  /** The OpenAPI description to serve; default openapi/sevenrooms.yaml. */
  specPath?: string;
  /** How much seeded guest and reservation history to generate. */
  volume?: Partial<SeedVolume>;
  /**
   * A named starting world (see `loadScenario`): supplies venues, start time, seed, volume and seeding
   * extras; `seed`, `clock`, `catalog`/`venuesPath` and `volume` given here still win.
   */
  scenario?: LoadedScenario;
  logger?: Logger;
  /** Rate-limit budgets (default 600 requests per 60 s per credential and operation class). */
  rateLimit?: RateLimitConfigPatch;
  /** Fault rules active from the start (see docs/decisions/0004). */
  faults?: readonly FaultRule[];
  /** How injected latency waits; real time by default (tests inject a recorder). */
  sleep?: Sleep;
  /** Request journal size and switch. */
  journal?: RequestJournalOptions;
  /** Webhook endpoints and delivery tuning (retry schedule, batching window, timeouts). */
  webhooks?: Omit<WebhookServiceOptions, 'feed' | 'clock' | 'random'>;
  /**
   * Where the control API lives: `'mounted'` (default) under `/_mock` on the API's app;
   * `'separate'` only on {@link MockServer.controlApp}, for serving on its own port; `'off'`.
   */
  control?: 'mounted' | 'separate' | 'off';
  /** Token that lets non-loopback clients use the control API (`X-Mock-Admin-Token`). */
  adminToken?: string;
  /**
   * Request-body caps in bytes, answered with 413 before auth and journal: `api` (default 1 MiB) for
   * the API, `control` (default 256 MiB, for snapshot import) for the control API.
   */
  maxBody?: { api?: number; control?: number };
  /** Called while the first world is seeded (the CLI's progress counter on large volumes). */
  onSeedProgress?: (progress: SeedProgress) => void;
}

export interface MockServer {
  app: Hono<MockEnv>;
  readonly store: Store;
  clock: Clock;
  catalog: Catalog;
  spec: oas31.OpenAPIObject;
  operations: readonly OperationSpec[];
  /** What the seeder generated for the current world (guests, reservations, charges, waitlist). */
  readonly seeded: SeedSummary;
  /** Publishes every reservation and client change; survives {@link MockServer.reset}. */
  feed: ChangeFeed;
  rateLimits: RateLimitController;
  faults: FaultController;
  journal: RequestJournal;
  webhooks: WebhookService;
  /** The control API (routes under `/_mock`) as its own app, or null when off. */
  controlApp: Hono<MockEnv> | null;
  /** Restores the state a fresh server with the same options starts with. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Builds the mock: loads and compiles the spec, checks that every operation has a handler (and
 * every handler an operation), seeds the store, and registers each operation under every prefix.
 *
 * @example
 * const { app } = createMockServer({ seed: 7 });
 * const res = await app.request('/2_4/auth', { method: 'POST', body: new URLSearchParams({ client_id, client_secret }) });
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const { scenario } = options;
  const seed = options.seed ?? scenario?.seed ?? 1;
  const clock = options.clock ?? new ManualClock(scenario?.clockStart ?? DEFAULT_START_TIME);
  const logger = options.logger ?? createLogger('silent');
  const spec = loadSpec(options.specPath ?? DEFAULT_SPEC_PATH);
  const operations = [...listOperations(spec.doc)].sort(byRouteSpecificity);
  checkHandlerCoverage('openapi/sevenrooms.yaml', operations, ALL_HANDLERS);
  const catalog =
    options.catalog ??
    (options.venuesPath === undefined ? scenario?.catalog : undefined) ??
    loadVenueCatalog(options.venuesPath ?? scenario?.venuesPath);
  const volume = resolveVolume(scenario?.volume, options.volume);
  const feed = new ChangeFeed();

  // Paylink auto-cancel deadlines fire on the clock against whichever store is live.
  const deadlines = new PaylinkDeadlineWatch(clock, () => store);
  let seeded: SeedSummary;
  let progress = options.onSeedProgress;
  const buildStore = () => {
    const store = new Store(catalog, clock, new IdFactory(createRandom(deriveSeed(seed, 'ids'))), feed);
    seeded = seedStore(store, { seed, volume, plan: scenario?.plan, progress });
    progress = undefined; // only the start-up seeding is reported, not a reset
    store.wakeAt = deadlines.wake;
    return store;
  };
  let store = buildStore();
  let requestIds = new RequestIds(deriveSeed(seed, 'request-ids'));
  const runtime: Runtime = {
    get store() {
      return store;
    },
    clock,
  };

  const journal = new RequestJournal(options.journal);
  const limiter = rateLimit({ clock, classify: operationClass, config: options.rateLimit ?? {} });
  const faultInjector = faults({
    random: createRandom(deriveSeed(seed, 'faults')),
    rules: options.faults ?? [],
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  /**
   * Names the operation and the bucket owner before the limiter and faults run (both scope by
   * them); an unknown token is left for the operation to refuse.
   */
  const identify = (operationId: string): MiddlewareHandler<MockEnv> =>
    async function identify(c, next) {
      c.set('operationId', operationId);
      const clientId = peekClientId(store, c.req.header('authorization'));
      if (clientId) c.set('credentialKey', `client:${clientId}`);
      await next();
    };
  const assignRequestId: MiddlewareHandler<MockEnv> = async function assignRequestId(c, next) {
    c.set('requestId', requestIds.next(clock.now()));
    await next();
    // JSON answers are built with their CORS headers (sendJson); the rest get them here.
    if (c.get('responseText') === undefined) setResponseHeaders(c, CORS_HEADERS);
  };

  const webhooks = createWebhookService({
    // The batching window is clock time: on a frozen clock it would never close, so send at once.
    ...(clock instanceof ManualClock ? { batchWindowMs: 0 } : {}),
    signingClock: wallClock,
    ...options.webhooks,
    feed,
    clock,
    random: createRandom(deriveSeed(seed, 'webhooks')),
    onError: (err) => logger.error('webhook pipeline error', { error: String(err) }),
  });
  const startMs = clock.now();

  const app = new Hono<MockEnv>();
  // Browsers may call the mock from any origin. Hono's cors middleware writes through `c.res` before
  // the handler runs, which makes Hono rebuild every response the slow way; so it answers only
  // preflights, and the two headers every answer needs come with the response (assignRequestId).
  app.options(
    '*',
    cors({
      origin: '*',
      exposeHeaders: CORS_EXPOSED,
      allowHeaders: ['Authorization', 'Content-Type', 'Prefer', 'X-Mock-Admin-Token'],
    }),
  );
  app.use('*', assignRequestId);
  const logRequests = logger.enabled?.('info') ?? true;
  if (logRequests) app.use('*', accessLog(logger));
  const capBodies = bodyCaps(options.maxBody);
  app.use('*', capBodies);
  // The one error handler. Sub-apps get none: Hono wraps every handler of a sub-app that has its
  // own in an extra compose, which cost measurable throughput on every request.
  app.onError((err, c) => renderError(err, c, logger));

  const compiler = sharedSchemaCompiler(spec.doc, { coerceTypes: true });
  const api = new Hono<MockEnv>();
  // Registered first: a method only a parameterised sibling path has is a 405 here, not the sibling's.
  for (const guard of shadowedMethodGuards(operations))
    api.on(guard.methods, guard.routePath, answerWrongMethod(guard));
  for (const op of operations) {
    api.on(
      op.method.toUpperCase(),
      op.routePath,
      identify(op.operationId),
      limiter,
      faultInjector,
      operationRunner(op, ALL_HANDLERS[op.operationId as ApiOperationId], runtime, compiler),
    );
  }
  const journalMiddleware = journalRequests({ journal, clock });
  for (const prefix of API_PREFIXES) {
    app.use(`${prefix}/*`, journalMiddleware);
    app.route(prefix, api);
  }

  const reset = () => {
    if (clock instanceof ManualClock) clock.set(startMs);
    store = buildStore();
    deadlines.sweep();
    requestIds = new RequestIds(deriveSeed(seed, 'request-ids'));
    limiter.controller.reset();
  };
  let controlApp: Hono<MockEnv> | null = null;
  if ((options.control ?? 'mounted') !== 'off') {
    const controlDeps = {
      get store() {
        return store;
      },
      clock,
      catalog,
      seed,
      reset,
      journal,
      rateLimits: limiter.controller,
      faults: faultInjector.controller,
      webhooks,
    };
    const controlRoutes = new Hono<MockEnv>().route(
      '/_mock',
      createControlApi(controlDeps, { adminToken: options.adminToken }),
    );
    if ((options.control ?? 'mounted') === 'mounted') app.route('/', controlRoutes);
    // The same routes as an app of their own, for --control-port.
    controlApp = new Hono<MockEnv>();
    controlApp.use('*', assignRequestId);
    if (logRequests) controlApp.use('*', accessLog(logger));
    controlApp.use('*', capBodies);
    controlApp.onError((err, c) => renderError(err, c, logger));
    controlApp.route('/', controlRoutes);
  }

  app.get('/openapi.yaml', (c) =>
    c.body(spec.text, 200, { 'content-type': 'application/yaml; charset=utf-8' }),
  );
  app.get('/openapi.json', (c) => c.json(spec.doc));
  mountDocs(app, { spec: spec.doc, controlMounted: (options.control ?? 'mounted') === 'mounted' });
  app.notFound(notFoundOrWrongMethod(operations, API_PREFIXES));

  return {
    app,
    get store() {
      return store;
    },
    get seeded() {
      return seeded;
    },
    clock,
    catalog,
    spec: spec.doc,
    operations,
    feed,
    rateLimits: limiter.controller,
    faults: faultInjector.controller,
    journal,
    webhooks,
    controlApp,
    reset,
    close: () => webhooks.close(),
  };
}
