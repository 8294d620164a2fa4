import type { Hono } from 'hono';
import type { oas31 } from 'openapi3-ts';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { ManualClock, type Clock } from './clock.js';
import type { Catalog } from './domain/model.js';
import { loadVenueCatalog } from './fixtures/load-venues.js';
import { createLogger, type Logger } from './logger.js';
import type { RequestJournal, RequestJournalOptions } from './journal/journal.js';
import type { FaultController } from './middleware/faults.js';
import type { FaultRule } from './middleware/fault-rules.js';
import type { Sleep } from './middleware/latency.js';
import type { RateLimitController } from './middleware/rate-limit.js';
import type { RateLimitConfigPatch } from './middleware/rate-limit-config.js';
import {
  checkWorldManifest,
  DATA_FORMAT,
  mockVersion,
  openDataDir,
  readWorldManifest,
  venuesFingerprint,
  worldDir,
  worldsDir,
  writeDurably,
  type WorldManifest,
} from './persist/data-dir.js';
import { durability, replayer } from './persist/durability.js';
import { WorldPersistence, type PersistenceTuning } from './persist/world-persistence.js';
import { ALL_HANDLERS } from './routes/index.js';
import type { MockEnv } from './routes/context.js';
import { byRouteSpecificity, listOperations, type OperationSpec } from './spec/operations.js';
import { DEFAULT_SPEC_PATH, loadSpec } from './spec/load-spec.js';
import { checkHandlerCoverage } from './spec/handler-coverage.js';
import { sharedSchemaCompiler } from './spec/schema-compiler.js';
import type { LoadedScenario } from './seed/scenario.js';
import type { SeedProgress, SeedSummary, SeedVolume } from './seed/seed-store.js';
import { resolveVolume } from './seed/volume.js';
import type { ChangeFeed } from './store/change-feed.js';
import type { WebhookService, WebhookServiceOptions } from './webhooks/webhook-service.js';
import type { Store } from './store/store.js';
import { worldOptions, type WorldDefaults } from './world/build.js';
import { buildHttpApp } from './world/http-app.js';
import { DEFAULT_WORLD_ID, WorldRegistry, type WorldManager, type WorldRequest } from './world/registry.js';
import { createWorld, type World, type WorldOptions } from './world/world.js';
import { join } from 'node:path';

export { API_PREFIXES } from './world/http-app.js';
export type { World, WorldRequest };

/** The instant the embedded defaults start at when no clock is given: a fixed, documented Monday evening. */
export const DEFAULT_START_TIME = '2026-12-07T17:00:00Z';

/** Default bound on worlds made on demand (besides the default one). */
export const DEFAULT_MAX_WORLDS = 64;
/** Default idle expiry of worlds made on demand: 30 minutes without a request. */
export const DEFAULT_WORLD_IDLE_MS = 30 * 60_000;

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
   * Keep state in this directory: restored from it on start (if it holds a world), every change on
   * disk before its response is sent. `await server.ready` before serving. See README "Keeping state".
   */
  dataDir?: string;
  /** Snapshot cadence of a persisted world. */
  persistence?: PersistenceTuning;
  /** Most worlds made on demand (besides the default one). Default {@link DEFAULT_MAX_WORLDS}. */
  maxWorlds?: number;
  /** A world made on demand ends after this many ms without a request; 0 = never. Default 30 min. */
  worldIdleMs?: number;
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
  /** The default world (the plain URLs). */
  world: World;
  /** Every world, the default one included. */
  worlds: WorldManager;
  /** A new isolated world, answering under `/worlds/{id}` (see {@link WorldRequest}). */
  createWorld(request?: WorldRequest): Promise<World>;
  /** Resolves once state is restored from `dataDir` (at once without one). */
  ready: Promise<void>;
  /** Writes a snapshot of every persisted world now (no-op without `dataDir`). */
  compact(): Promise<void>;
  /** Restores the state a fresh server with the same options starts with. */
  reset(): void;
  /**
   * Stops webhooks and timers. With a data directory every acknowledged change is already on disk;
   * a final snapshot is written so the next start replays nothing (`snapshot: false` skips it).
   */
  close(options?: { snapshot?: boolean }): Promise<void>;
}

/**
 * Builds the mock: loads and compiles the spec, checks that every operation has a handler (and
 * every handler an operation), builds the default world, and serves it — and any world made on
 * demand — through one set of routes.
 *
 * @example
 * const { app } = createMockServer({ seed: 7 });
 * const res = await app.request('/2_4/auth', { method: 'POST', body: new URLSearchParams({ client_id, client_secret }) });
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const { scenario, dataDir } = options;
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

  const shared = {
    logger,
    rateLimit: options.rateLimit,
    faults: options.faults,
    sleep: options.sleep,
    journal: options.journal,
  };
  const defaultOptions: WorldOptions = {
    ...shared,
    id: DEFAULT_WORLD_ID,
    seed,
    clock,
    catalog,
    volume,
    plan: scenario?.plan,
    webhooks: options.webhooks,
    description: scenario ? { scenario: scenario.name } : {},
    onSeedProgress: options.onSeedProgress,
  };
  if (dataDir) openDataDir(dataDir);
  const defaultManifest = manifestFor(defaultOptions);
  const foundManifest = dataDir ? readWorldManifest(worldDir(dataDir, DEFAULT_WORLD_ID)) : null;
  if (dataDir && foundManifest) checkWorldManifest(dataDir, foundManifest, defaultManifest);
  const defaultWorld = createWorld({ ...defaultOptions, skipSeed: foundManifest !== null });
  const startMs = clock.now();

  // Worlds made on demand share the server's policies (limits, faults, delivery tuning) but not its
  // webhook endpoints: a test worker's world sends events only where that worker asks.
  const defaults: WorldDefaults = {
    ...shared,
    webhooks: { ...options.webhooks, endpoints: [] },
    seed,
    catalog,
    clock,
    startMs,
  };
  const persistences = new Map<string, WorldPersistence>();
  let opening: Promise<void> | null = null;

  const registry = new WorldRegistry({
    defaultWorld,
    maxWorlds: options.maxWorlds ?? DEFAULT_MAX_WORLDS,
    idleTimeoutMs: options.worldIdleMs ?? DEFAULT_WORLD_IDLE_MS,
    async build(id, request) {
      const world = createWorld(worldOptions(id, request, defaults));
      world.control.worlds = undefined;
      if (dataDir) {
        const dir = worldDir(dataDir, id);
        try {
          mkdirSync(dir, { recursive: true });
          writeDurably(
            join(dir, 'world.json'),
            JSON.stringify({ ...manifestFor(world), request: { ...request } }, null, 2),
          );
          const persistence = new WorldPersistence(world, dir, logger, options.persistence);
          await persistence.initialise();
          persistences.set(id, persistence);
        } catch (err) {
          // A half-made world must not be found (and refused) at the next start.
          rmSync(dir, { recursive: true, force: true });
          await world.close();
          throw err;
        }
      }
      return world;
    },
    async destroy(world) {
      const persistence = persistences.get(world.id);
      persistences.delete(world.id);
      await world.close();
      await persistence?.destroy();
    },
  });
  defaultWorld.control.worlds = registry;

  const { app, controlApp } = buildHttpApp({
    spec,
    operations,
    compiler: sharedSchemaCompiler(spec.doc, { coerceTypes: true }),
    logger,
    defaultWorld,
    worlds: registry,
    control: options.control ?? 'mounted',
    adminToken: options.adminToken,
    maxBody: options.maxBody,
    durability: dataDir ? durability(() => opening) : undefined,
  });

  /** Restores (or first writes) every world in the data directory. */
  async function openWorlds(root: string): Promise<void> {
    const replay = replayer(app);
    const persistence = new WorldPersistence(
      defaultWorld,
      worldDir(root, DEFAULT_WORLD_ID),
      logger,
      options.persistence,
    );
    persistences.set(DEFAULT_WORLD_ID, persistence);
    if (foundManifest) await persistence.restore(replay);
    else {
      mkdirSync(persistence.dir, { recursive: true });
      writeDurably(join(persistence.dir, 'world.json'), JSON.stringify(defaultManifest, null, 2));
      await persistence.initialise();
    }
    for (const id of existsSync(worldsDir(root)) ? readdirSync(worldsDir(root)) : []) {
      if (id === DEFAULT_WORLD_ID) continue;
      const dir = worldDir(root, id);
      const manifest = readWorldManifest(dir);
      if (!manifest) continue;
      const request = manifest.request as WorldRequest;
      const world = createWorld({ ...worldOptions(id, request, defaults), skipSeed: true });
      checkWorldManifest(dir, manifest, manifestFor(world));
      registry.adopt(world);
      const worldPersistence = new WorldPersistence(world, dir, logger, options.persistence);
      persistences.set(id, worldPersistence);
      await worldPersistence.restore(replay);
    }
    const replayed = [...persistences.values()].reduce((n, p) => n + p.replayed, 0);
    logger.info('state restored', { dataDir: root, worlds: persistences.size, replayedRequests: replayed });
  }
  if (dataDir) {
    opening = openWorlds(dataDir).finally(() => {
      opening = null;
    });
  }
  const ready = opening ?? Promise.resolve();
  // An unobserved failure would be an unhandled rejection; callers see it through `ready`.
  ready.catch(() => {});

  return {
    app,
    get store() {
      return defaultWorld.store;
    },
    get seeded() {
      return defaultWorld.seeded;
    },
    clock,
    catalog,
    spec: spec.doc,
    operations,
    feed: defaultWorld.feed,
    rateLimits: defaultWorld.limiter.controller,
    faults: defaultWorld.faults.controller,
    journal: defaultWorld.journal,
    webhooks: defaultWorld.webhooks,
    controlApp,
    world: defaultWorld,
    worlds: registry,
    createWorld: (request = {}) => registry.create(request),
    ready,
    async compact() {
      await ready;
      for (const persistence of persistences.values()) await persistence.compact();
    },
    reset: () => defaultWorld.reset(),
    async close(closeOptions = {}) {
      await ready.catch(() => {});
      for (const persistence of persistences.values()) await persistence.close(closeOptions);
      await registry.close();
    },
  };
}

function manifestFor(world: Pick<WorldOptions, 'id' | 'seed' | 'catalog' | 'description'>): WorldManifest {
  return {
    format: DATA_FORMAT,
    mockVersion: mockVersion(),
    worldId: world.id,
    seed: world.seed,
    venues: venuesFingerprint(world.catalog),
    request: (world.description ?? {}) as Record<string, unknown>,
  };
}
