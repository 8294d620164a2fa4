/**
 * The worlds a server holds: the default one (the plain URLs) and the ones made on demand through
 * `POST /_mock/worlds` or `server.createWorld()`, each answering under `/worlds/{id}`. A bound
 * (`maxWorlds`) and an idle expiry keep memory in check; the default world never expires.
 */
import { randomBytes } from 'node:crypto';
import { wallClock } from '../clock.js';
import { conflict, MockError, notFound } from '../errors.js';
import type { World } from './world.js';

/** What a caller may choose about a new world; everything else comes from the server's options. */
export interface WorldRequest {
  /** `[a-z0-9-]{1,40}`; generated when absent. A taken id is a 409. */
  id?: string;
  seed?: number;
  /** A shipped scenario name (or scenario file path). */
  scenario?: string;
  /** `"system"` or an ISO instant to freeze at; default the default world's kind of clock and start. */
  clock?: string;
  /** Seed volume (`guests`, `daysOfHistory`, `daysAhead`, `occupancy`, `locale`). */
  volume?: Record<string, unknown>;
}

export interface WorldManager {
  readonly maxWorlds: number;
  readonly idleTimeoutMs: number;
  create(request: WorldRequest): Promise<World>;
  list(): World[];
  /** The world with that id, marked as used now; undefined when there is none (or it expired). */
  get(id: string): World | undefined;
  delete(id: string): Promise<boolean>;
}

export const DEFAULT_WORLD_ID = 'default';
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** An unguessable id: one test worker cannot stumble into another's world. Not domain data, so not seeded. */
function newWorldId(): string {
  const bytes = randomBytes(12);
  let id = 'w-';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

export interface WorldRegistryOptions {
  defaultWorld: World;
  /** Worlds besides the default one. */
  maxWorlds: number;
  idleTimeoutMs: number;
  /** Builds (and, with a data directory, persists) a world. */
  build(id: string, request: WorldRequest): Promise<World>;
  /** Ends a world (closes its webhooks, removes its directory). */
  destroy(world: World): Promise<void>;
  /** Wall-clock ms: expiry is about the process's memory, not the simulated restaurant's time. */
  now?: () => number;
}

export class WorldRegistry implements WorldManager {
  readonly maxWorlds: number;
  readonly idleTimeoutMs: number;
  readonly #worlds = new Map<string, World>();
  readonly #options: WorldRegistryOptions;
  readonly #now: () => number;
  #creating = 0;
  #sweeper: NodeJS.Timeout | null = null;

  constructor(options: WorldRegistryOptions) {
    this.#options = options;
    this.maxWorlds = options.maxWorlds;
    this.idleTimeoutMs = options.idleTimeoutMs;
    this.#now = options.now ?? wallClock.now;
    this.#worlds.set(DEFAULT_WORLD_ID, options.defaultWorld);
    if (this.idleTimeoutMs > 0) {
      this.#sweeper = setInterval(() => void this.sweep(), Math.min(60_000, this.idleTimeoutMs));
      this.#sweeper.unref();
    }
  }

  /** Adds a world restored from disk at start-up (no limit check: it existed before the restart). */
  adopt(world: World): void {
    this.#worlds.set(world.id, world);
  }

  async create(request: WorldRequest): Promise<World> {
    await this.sweep();
    const id = request.id ?? newWorldId();
    if (!ID_PATTERN.test(id))
      throw new MockError('bad_request', `id must match ${ID_PATTERN.source}; got ${JSON.stringify(id)}`);
    if (this.#worlds.has(id))
      throw conflict(`World ${id} already exists; pick another id or DELETE it first`);
    if (this.#worlds.size - 1 + this.#creating >= this.maxWorlds) {
      throw new MockError(
        'rate_limited',
        `World limit reached: ${this.maxWorlds} worlds exist besides the default one (--max-worlds ${this.maxWorlds}). ` +
          `Delete one with DELETE /_mock/worlds/{id}, or wait for idle worlds to expire (after ${Math.round(this.idleTimeoutMs / 1000)} s without requests).`,
        { 'Retry-After': '1' },
      );
    }
    this.#creating++;
    try {
      const world = await this.#options.build(id, request);
      if (this.#worlds.has(id)) {
        await this.#options.destroy(world);
        throw conflict(`World ${id} already exists; pick another id or DELETE it first`);
      }
      this.#worlds.set(id, world);
      return world;
    } finally {
      this.#creating--;
    }
  }

  list(): World[] {
    return [...this.#worlds.values()];
  }

  get(id: string): World | undefined {
    const world = this.#worlds.get(id);
    if (world) world.lastUsed = this.#now();
    return world;
  }

  async delete(id: string): Promise<boolean> {
    if (id === DEFAULT_WORLD_ID)
      throw conflict('The default world cannot be deleted; reset it with POST /_mock/reset instead');
    const world = this.#worlds.get(id);
    if (!world) return false;
    this.#worlds.delete(id);
    await this.#options.destroy(world);
    return true;
  }

  /** Ends worlds idle for longer than the timeout. */
  async sweep(): Promise<void> {
    if (this.idleTimeoutMs <= 0) return;
    const cutoff = this.#now() - this.idleTimeoutMs;
    for (const world of [...this.#worlds.values()]) {
      if (world.id !== DEFAULT_WORLD_ID && world.lastUsed < cutoff) await this.delete(world.id);
    }
  }

  async close(): Promise<void> {
    if (this.#sweeper) clearInterval(this.#sweeper);
    for (const world of this.#worlds.values()) await world.close();
  }
}

export function requireWorld(manager: WorldManager, id: string): World {
  const world = manager.get(id);
  if (!world) throw notFound(`World ${id} does not exist (it may have been deleted or expired)`);
  return world;
}
