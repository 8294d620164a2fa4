/**
 * Turns a world request (`POST /_mock/worlds` body, `server.createWorld(...)`, or a persisted
 * world's manifest) into world options, on top of the server's own.
 */
import { ManualClock, SystemClock, type Clock } from '../clock.js';
import { badRequest } from '../errors.js';
import type { Catalog } from '../domain/model.js';
import { loadVenueCatalog } from '../fixtures/load-venues.js';
import { listScenarios, loadScenario, ScenarioError, type LoadedScenario } from '../seed/scenario.js';
import { parseVolume, resolveVolume, VolumeError } from '../seed/volume.js';
import type { WorldRequest } from './registry.js';
import type { WorldOptions } from './world.js';

/** The server-wide parts every world starts from. */
export interface WorldDefaults extends Omit<
  WorldOptions,
  'id' | 'seed' | 'clock' | 'catalog' | 'volume' | 'plan'
> {
  seed: number;
  catalog: Catalog;
  /** The default world's clock: new worlds get the same kind, starting where it started. */
  clock: Clock;
  startMs: number;
}

function scenarioOf(name: string): LoadedScenario {
  try {
    return loadScenario(name);
  } catch (err) {
    if (err instanceof ScenarioError)
      throw badRequest(`${err.message} (shipped scenarios: ${listScenarios().join(', ')})`);
    throw err;
  }
}

function clockOf(
  request: WorldRequest,
  scenario: LoadedScenario | undefined,
  defaults: WorldDefaults,
): Clock {
  if (request.clock === 'system') return new SystemClock();
  if (request.clock !== undefined) {
    const at = Date.parse(request.clock);
    if (!Number.isFinite(at))
      throw badRequest(`clock must be "system" or an ISO 8601 instant; got ${request.clock}`);
    return new ManualClock(at);
  }
  if (scenario) return new ManualClock(scenario.clockStart);
  return defaults.clock instanceof SystemClock ? new SystemClock() : new ManualClock(defaults.startMs);
}

export function worldOptions(id: string, request: WorldRequest, defaults: WorldDefaults): WorldOptions {
  const scenario = request.scenario === undefined ? undefined : scenarioOf(request.scenario);
  let volume;
  try {
    volume = resolveVolume(
      scenario?.volume,
      request.volume ? parseVolume(request.volume, 'volume') : undefined,
    );
  } catch (err) {
    if (err instanceof VolumeError) throw badRequest(err.message);
    throw err;
  }
  const catalog =
    scenario?.catalog ?? (scenario?.venuesPath ? loadVenueCatalog(scenario.venuesPath) : defaults.catalog);
  const { startMs: _startMs, clock: _clock, seed: _seed, catalog: _catalog, ...shared } = defaults;
  return {
    ...shared,
    id,
    seed: request.seed ?? scenario?.seed ?? defaults.seed,
    clock: clockOf(request, scenario, defaults),
    catalog,
    volume,
    plan: scenario?.plan,
    description: { ...request, ...(scenario ? { scenario: scenario.name } : {}) },
  };
}
