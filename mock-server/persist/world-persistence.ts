/**
 * Keeps one world on disk: a snapshot of its whole state plus a log of the changes made since.
 *
 * The log holds the *requests* that changed state (method, path, the headers that matter, body), each
 * with the clock instant it was applied at and the positions of the world's seeded random streams.
 * The mock is deterministic — same state, same instant, same stream positions, same request → same
 * result — so replaying the log over the snapshot rebuilds exactly the state every acknowledged
 * response described, whatever record kinds the store holds. Why this and not a log of record
 * changes or an embedded database: docs/decisions/0014-durable-state-and-worlds.md.
 *
 * A request's line is queued in the same synchronous step that applied it, and its response waits
 * until the line is synced (group commit), so an acknowledged change is always on disk and a change
 * never lands half: it is one line, replayed whole or cut off as a torn tail.
 */
import { rmSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { isAdjustableClock, ManualClock, SystemClock, wallClock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { FaultRule } from '../middleware/fault-rules.js';
import type { RateLimitConfig } from '../middleware/rate-limit-config.js';
import type { MockContext } from '../routes/context.js';
import type { StoreSnapshot } from '../store/store.js';
import type { DeliveryRecord } from '../webhooks/delivery-log.js';
import type { WebhookState } from '../webhooks/webhook-service.js';
import type { StreamPositions, World } from '../world/world.js';
import { DataDirError, generations, logPath, readLog, snapshotPath, writeSnapshot } from './data-dir.js';
import { readSnapshotFile } from './snapshot-file.js';
import { LogWriter } from './log-writer.js';

/** `{f: epochMs}` for a frozen clock, `{o: offsetMs}` for one that runs with the wall clock. */
type ClockState = { f: number } | { o: number };

interface RequestEntry {
  k: 'r';
  /** Clock instant the change was applied at. */
  t: number;
  /** Stream positions when the handler started. */
  p: StreamPositions;
  /** Clock state after the request (a clock move is a change too). */
  c: ClockState;
  m: string;
  /** Path and query, relative to the world. */
  u: string;
  h: Record<string, string>;
  b: string;
  /** The status it was acknowledged with; a replay answering otherwise is reported. */
  s: number;
}

interface WebhookEntry {
  k: 'w';
  p: StreamPositions;
  /** Event ids the delivery carried. */
  e: string[];
  /** The record, when it was dead-lettered (it stays inspectable and redeliverable). */
  d: DeliveryRecord | null;
}

type LogEntry = RequestEntry | WebhookEntry;

/** Everything of a world's state besides the store, the first line of its snapshot file. */
interface SnapshotHeader {
  gen: number;
  clock: ClockState;
  positions: StreamPositions;
  rateLimit: RateLimitConfig;
  faults: FaultRule[];
  webhooks: WebhookState;
}

/** Replays one logged request through the server's routes for `world`. */
export type Replayer = (
  world: World,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<Response>;

const LOGGED_HEADERS = ['authorization', 'content-type', 'prefer'] as const;
/** Control operations that change nothing a restart must bring back (or are managed elsewhere). */
const NOT_LOGGED = new Set(['createWorld', 'listWorlds', 'deleteWorld', 'clearJournal', 'resetRateLimits']);
/** Operations after which a snapshot is cheaper than replaying them (they rebuild the whole store). */
const COMPACT_AFTER = new Set(['resetState', 'importState']);

export interface PersistenceTuning {
  /** Logged changes after which the log is compacted into a snapshot. Default 10,000. */
  compactEntries?: number;
  /** Log bytes after which it is compacted. Default 64 MiB. */
  compactBytes?: number;
}

function clockState(world: World): ClockState {
  const clock = world.clock;
  if (clock instanceof SystemClock) return { o: clock.offset };
  return { f: clock.now() };
}

/** Puts the clock back; a frozen instant and a running offset each apply to either kind of clock. */
function restoreClock(world: World, state: ClockState): void {
  const clock = world.clock;
  if (!isAdjustableClock(clock)) return;
  const target = 'f' in state ? state.f : wallClock.now() + state.o;
  if (clock instanceof ManualClock && clock.now() === target) return;
  clock.set(target);
}

const pin = (world: World, at: number | null) => {
  if (world.clock instanceof SystemClock) world.clock.pin(at);
};

export class WorldPersistence {
  readonly world: World;
  readonly dir: string;
  readonly #logger: Logger;
  readonly #tuning: Required<PersistenceTuning>;
  #writer: LogWriter | null = null;
  #gen = 0;
  #entriesSinceSnapshot = 0;
  #compacting: Promise<void> | null = null;
  #compactWanted = false;
  /** Requests whose replay answered differently from how they were acknowledged (should stay 0). */
  divergences = 0;
  replayed = 0;

  constructor(world: World, dir: string, logger: Logger, tuning: PersistenceTuning = {}) {
    this.world = world;
    this.dir = dir;
    this.#logger = logger;
    this.#tuning = {
      compactEntries: tuning.compactEntries ?? 10_000,
      compactBytes: tuning.compactBytes ?? 64 * 2 ** 20,
    };
  }

  /** A fresh world: writes its first snapshot, opens its log, starts logging. */
  async initialise(): Promise<void> {
    this.#gen = 1;
    const { header, store } = this.#capture(1);
    await writeSnapshot(this.dir, 1, header, store);
    this.#writer = await LogWriter.open(logPath(this.dir, 1));
    this.#attach();
  }

  /**
   * A world built empty (`skipSeed`): loads the newest snapshot and replays every log from its
   * generation on, then starts logging where the last log ends.
   */
  async restore(replay: Replayer): Promise<void> {
    const { snapshots, logs } = generations(this.dir);
    const gen = snapshots.at(-1);
    if (gen === undefined)
      throw new DataDirError(`${this.dir} holds no snapshot; it was never completely written`);
    const world = this.world;
    world.replaying = true;
    world.webhooks.hold();
    const file = readSnapshotFile(snapshotPath(this.dir, gen));
    const snap = file.header as SnapshotHeader;
    world.store.adopt(file.store as unknown as StoreSnapshot);
    restoreClock(world, snap.clock);
    world.advanceStreams(snap.positions);
    this.#restoreConfig(snap);
    world.webhooks.importState(snap.webhooks);

    const tail = logs.filter((n) => n >= gen);
    for (const n of tail) {
      for (const entry of readLog(logPath(this.dir, n)) as LogEntry[]) {
        await this.#replayEntry(entry, replay);
        this.#entriesSinceSnapshot++;
      }
    }
    this.#gen = tail.at(-1) ?? gen;
    world.replaying = false;
    // Paylink deadlines that came back with the snapshot (not through a replayed request) are
    // watched from now on; one that passed while the mock was down is acted on now.
    world.store.wakeAt(world.clock.now());
    this.#writer = await LogWriter.open(logPath(this.dir, this.#gen));
    this.#attach();
    world.webhooks.release();
    // Files older than the snapshot are no longer needed (a crash may have left them behind).
    await this.#removeBefore(gen);
    if (this.divergences > 0)
      this.#logger.warn('replayed requests answered differently from when they were acknowledged', {
        world: world.id,
        divergences: this.divergences,
      });
  }

  async #replayEntry(entry: LogEntry, replay: Replayer): Promise<void> {
    const world = this.world;
    world.advanceStreams(entry.p);
    if (entry.k === 'w') {
      world.webhooks.forget(entry.e);
      if (entry.d) world.webhooks.restoreDeadLetter(entry.d);
      return;
    }
    pin(world, entry.t);
    let status: number;
    try {
      status = (await replay(world, entry.m, entry.u, entry.h, entry.b)).status;
    } finally {
      pin(world, null);
    }
    restoreClock(world, entry.c);
    this.replayed++;
    if (status !== entry.s) this.divergences++;
  }

  #restoreConfig(snap: SnapshotHeader): void {
    const limits = this.world.limiter.controller;
    const classes: Record<string, unknown> = { ...snap.rateLimit.classes };
    for (const name of Object.keys(limits.getConfig().classes)) if (!(name in classes)) classes[name] = null;
    limits.setConfig({ enabled: snap.rateLimit.enabled, default: snap.rateLimit.default, classes });
    const faults = this.world.faults.controller;
    faults.clear();
    for (const rule of snap.faults) {
      const { hits: _hits, ...plain } = rule as FaultRule & { hits?: number };
      faults.add(plain);
    }
  }

  #attach(): void {
    const world = this.world;
    world.apply = <T>(c: MockContext, fn: () => T): T => this.#apply(c, fn);
    world.webhooks.onSettled((record) => {
      if (world.replaying || !this.#writer) return;
      const entry: WebhookEntry = {
        k: 'w',
        p: world.positions(),
        e: record.events.map((e) => e.id),
        d: record.state === 'dead_lettered' ? { ...record, parts: [], body: deliveryBody(record) } : null,
      };
      // Outcomes need no acknowledgement: losing one only means an event is sent again (at least once).
      this.#writer
        .append(JSON.stringify(entry))
        .catch((err: unknown) => this.#logger.error('log write failed', { error: String(err) }));
    });
  }

  #apply<T>(c: MockContext, fn: () => T): T {
    const world = this.world;
    const method = c.req.method;
    if (world.replaying || method === 'GET' || method === 'HEAD') return fn();
    const operationId = c.get('operationId');
    if (operationId && NOT_LOGGED.has(operationId)) return fn();
    const at = world.clock.now();
    const positions = world.positions();
    pin(world, at);
    let result: T;
    try {
      result = fn();
    } finally {
      pin(world, null);
    }
    if (result instanceof Promise) {
      return result.then((res: unknown) => {
        this.#record(c, at, positions, res, operationId);
        return res;
      }) as T;
    }
    this.#record(c, at, positions, result, operationId);
    return result;
  }

  #record(
    c: MockContext,
    at: number,
    positions: StreamPositions,
    res: unknown,
    operationId: string | undefined,
  ): void {
    // Refused requests changed nothing: they are not logged.
    if (!(res instanceof Response) || res.status >= 400 || !this.#writer) return;
    const headers: Record<string, string> = {};
    for (const name of LOGGED_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers[name] = value;
    }
    const url = c.req.url;
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    let u = url.slice(pathStart);
    if (c.get('world')) u = u.slice(u.indexOf('/', '/worlds/'.length));
    const entry: RequestEntry = {
      k: 'r',
      t: at,
      p: positions,
      c: clockState(this.world),
      m: c.req.method,
      u,
      h: headers,
      b: c.get('logBody') ?? '',
      s: res.status,
    };
    c.set('durable', this.#writer.append(JSON.stringify(entry)));
    this.#entriesSinceSnapshot++;
    if (
      (operationId && COMPACT_AFTER.has(operationId)) ||
      this.#entriesSinceSnapshot >= this.#tuning.compactEntries ||
      this.#writer.bytes >= this.#tuning.compactBytes
    )
      this.requestCompaction();
  }

  /** Asks for a snapshot soon (after the current request's turn); one runs at a time. */
  requestCompaction(): void {
    if (this.#compacting) {
      this.#compactWanted = true;
      return;
    }
    this.#compacting = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.compact())
      .catch((err: unknown) =>
        this.#logger.error('snapshot failed', { world: this.world.id, error: String(err) }),
      )
      .finally(() => {
        this.#compacting = null;
        if (this.#compactWanted) {
          this.#compactWanted = false;
          this.requestCompaction();
        }
      });
  }

  /**
   * Writes the whole state as snapshot N+1 and moves logging to log N+1 in one synchronous step (so
   * every change is in exactly one of them), then removes generation N once the snapshot is on disk.
   */
  async compact(): Promise<void> {
    const writer = this.#writer;
    if (!writer) return;
    const gen = this.#gen + 1;
    const next = await LogWriter.openNext(logPath(this.dir, gen));
    // From here to the switch nothing awaits: no change can fall between the snapshot and the new log.
    const { header, store } = this.#capture(gen);
    writer.switchTo(next, logPath(this.dir, gen));
    this.#gen = gen;
    this.#entriesSinceSnapshot = 0;
    // The copy is ours: it is written out in chunks while requests go on.
    await writeSnapshot(this.dir, gen, header, store);
    // The old log's last lines must be on disk before the snapshot replaces them for good.
    await writer.drain();
    await this.#removeBefore(gen);
  }

  /** A private copy of the whole state, taken in one synchronous step. */
  #capture(gen: number): { header: SnapshotHeader; store: Record<string, unknown> } {
    const world = this.world;
    const header: SnapshotHeader = {
      gen,
      clock: clockState(world),
      positions: world.positions(),
      rateLimit: world.limiter.controller.getConfig(),
      faults: world.faults.controller.list(),
      webhooks: world.webhooks.exportState(),
    };
    return { header, store: world.store.snapshot() as unknown as Record<string, unknown> };
  }

  async #removeBefore(gen: number): Promise<void> {
    const { snapshots, logs } = generations(this.dir);
    for (const n of snapshots) if (n < gen) await fsp.rm(snapshotPath(this.dir, n), { force: true });
    for (const n of logs) if (n < gen) await fsp.rm(logPath(this.dir, n), { force: true });
  }

  /** Everything acknowledged is already on disk; a final snapshot makes the next start quick. */
  async close(options: { snapshot?: boolean } = {}): Promise<void> {
    while (this.#compacting) await this.#compacting;
    if (options.snapshot !== false && this.#entriesSinceSnapshot > 0) await this.compact();
    const writer = this.#writer;
    this.#writer = null;
    this.world.apply = undefined;
    await writer?.close();
  }

  /** Stops logging and deletes the world's directory (the world was deleted or expired). */
  async destroy(): Promise<void> {
    while (this.#compacting) await this.#compacting;
    const writer = this.#writer;
    this.#writer = null;
    this.world.apply = undefined;
    await writer?.close().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function deliveryBody(record: DeliveryRecord): string {
  return record.body ?? `[${record.parts.join(',')}]`;
}
