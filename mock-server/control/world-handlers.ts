import { ManualClock, wallClock } from '../clock.js';
import { notFound } from '../errors.js';
import type { MockContext } from '../routes/context.js';
import type { WorldManager, WorldRequest } from '../world/registry.js';
import type { World } from '../world/world.js';
import { okStatus, type ControlDeps, type ControlHandlerTable } from './context.js';

function manager(deps: ControlDeps): WorldManager {
  if (!deps.worlds)
    throw notFound('Worlds are managed from the root control API, /_mock/worlds, not from inside a world');
  return deps.worlds;
}

/** `http://host:port` as the client addressed us, so `base_url` works from wherever it called. */
function origin(c: MockContext): string {
  const url = new URL(c.req.url);
  return `${url.protocol}//${c.req.header('host') ?? url.host}`;
}

function describe(c: MockContext, world: World, persisted: boolean) {
  return {
    id: world.id,
    base_url: world.id === 'default' ? origin(c) : `${origin(c)}/worlds/${world.id}`,
    seed: world.seed,
    now: new Date(world.clock.now()).toISOString(),
    clock: world.clock instanceof ManualClock ? 'frozen' : 'running',
    persisted,
    idle_seconds: Math.max(0, Math.floor((wallClock.now() - world.lastUsed) / 1000)),
    reservations: world.store.reservations.size,
    request: world.description,
  };
}

export const worldHandlers: ControlHandlerTable = {
  listWorlds({ c, deps }) {
    const worlds = manager(deps);
    return c.json({
      worlds: worlds.list().map((w) => describe(c, w, w.apply !== undefined)),
      max_worlds: worlds.maxWorlds,
      idle_timeout_seconds: Math.round(worlds.idleTimeoutMs / 1000),
    });
  },

  async createWorld({ c, deps, body }) {
    const world = await manager(deps).create(body as WorldRequest);
    return c.json(describe(c, world, world.apply !== undefined), 201);
  },

  async deleteWorld({ c, deps, params }) {
    if (!(await manager(deps).delete(params.world_id!)))
      throw notFound(`World ${params.world_id} does not exist (it may have been deleted or expired)`);
    return okStatus(c);
  },
};
