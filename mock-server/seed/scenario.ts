/**
 * Named scenarios: a venue world, a start time, a seed, a volume and seeding extras (filled
 * shifts, specific bookings, venue openings) in one JSON file under fixtures/scenarios/, validated
 * against fixtures/schema/scenario.schema.json. `createMockServer({ scenario: loadScenario('fully-booked-friday') })`
 * starts exactly that world; explicit server options (seed, clock, volume, venues) still win.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Catalog } from '../domain/model.js';
import { buildCatalog, VENUES_SCHEMA_PATH } from '../fixtures/load-venues.js';
import { PACKAGE_ROOT } from '../spec/load-spec.js';
import { toViolations } from '../spec/schema-compiler.js';
import type { BookingSpec, FillSpec, OpeningSpec, SeedPlan } from './plan.js';
import { parseVolume, type SeedVolume } from './volume.js';

/** From the package root, not this module: the build runs from dist/, the fixtures ship beside it. */
export const FIXTURES_DIR = join(PACKAGE_ROOT, 'fixtures');
export const SCENARIOS_DIR = resolve(FIXTURES_DIR, 'scenarios');
export const SCENARIO_SCHEMA_PATH = resolve(FIXTURES_DIR, 'schema/scenario.schema.json');

/** A scenario ready to hand to `createMockServer({ scenario })`. */
export interface LoadedScenario {
  /** The file name without `.json`. */
  name: string;
  description: string;
  /** The file it came from. */
  source: string;
  /** A venue fixture file (absolute), when the scenario names one; neither this nor `catalog` → the default world. */
  venuesPath?: string;
  /** The catalog of an inline `venues` fixture. */
  catalog?: Catalog;
  /** ISO instant the server's ManualClock starts at. */
  clockStart: string;
  seed?: number;
  volume: Partial<SeedVolume>;
  /** Filled shifts, forced bookings and openings, for the seeder. */
  plan: SeedPlan;
}

/** A scenario file that cannot be used; the message names the file and every problem. */
export class ScenarioError extends Error {
  readonly code = 'invalid_scenario';

  constructor(source: string, problems: readonly string[]) {
    super(`Invalid scenario ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScenarioError';
  }
}

interface DayFields {
  date?: string;
  day_offset?: number;
}
interface ScenarioFile {
  description: string;
  venues?: string | Record<string, unknown>;
  clock: string;
  seed?: number;
  volume?: Record<string, unknown>;
  fill?: (DayFields & { venue_key: string; shift_category: string; occupancy: number })[];
  bookings?: (DayFields & {
    venue_key: string;
    time: string;
    party_size: number;
    status?: string;
    first_name?: string;
    last_name?: string;
    phone?: string;
    email?: string;
    notes?: string;
    tags?: string[];
    table?: string;
  })[];
  openings?: (DayFields & { venue_key: string })[];
}

let schemaValidator: ((value: unknown) => string[]) | undefined;

/** Validates a parsed scenario document against fixtures/schema/scenario.schema.json. */
export function validateScenarioFixture(value: unknown): string[] {
  if (!schemaValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    ajv.addSchema(JSON.parse(readFileSync(VENUES_SCHEMA_PATH, 'utf8')) as object);
    const validate = ajv.compile(JSON.parse(readFileSync(SCENARIO_SCHEMA_PATH, 'utf8')) as object);
    schemaValidator = (v) =>
      validate(v) ? [] : toViolations(validate.errors ?? []).map((x) => `${x.pointer || '/'} ${x.message}`);
  }
  return schemaValidator(value);
}

/** Names of the scenarios shipped in fixtures/scenarios/, sorted. */
export function listScenarios(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * Loads a scenario by name (`fully-booked-friday` → fixtures/scenarios/fully-booked-friday.json) or
 * by path (anything with a `/` or ending in `.json`). Throws {@link ScenarioError} listing every problem.
 *
 * @example
 * const server = createMockServer({ scenario: loadScenario('large-group') });
 */
export function loadScenario(nameOrPath: string): LoadedScenario {
  const isPath = nameOrPath.includes('/') || nameOrPath.endsWith('.json');
  const source = isPath ? resolve(nameOrPath) : resolve(SCENARIOS_DIR, `${nameOrPath}.json`);
  if (!existsSync(source)) {
    throw new ScenarioError(nameOrPath, [
      isPath
        ? `file ${source} does not exist`
        : `no scenario named ${nameOrPath}; known: ${listScenarios().join(', ')}`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(source, 'utf8'));
  } catch (err) {
    throw new ScenarioError(source, [`not valid JSON: ${(err as Error).message}`]);
  }
  const problems = validateScenarioFixture(raw);
  if (problems.length > 0) throw new ScenarioError(source, problems);
  const file = raw as ScenarioFile;
  if (!Number.isFinite(Date.parse(file.clock)))
    throw new ScenarioError(source, [`clock ${file.clock} is not a valid instant`]);

  let volume: Partial<SeedVolume>;
  try {
    volume = parseVolume(file.volume ?? {}, `${source} volume`);
  } catch (err) {
    throw new ScenarioError(source, [(err as Error).message]);
  }

  const scenario: LoadedScenario = {
    name: basename(source, '.json'),
    description: file.description,
    source,
    clockStart: new Date(Date.parse(file.clock)).toISOString(),
    volume,
    plan: toPlan(file),
  };
  if (file.seed !== undefined) scenario.seed = file.seed;
  if (typeof file.venues === 'string') {
    scenario.venuesPath = isAbsolute(file.venues) ? file.venues : resolve(FIXTURES_DIR, file.venues);
    if (!existsSync(scenario.venuesPath))
      throw new ScenarioError(source, [`venues file ${scenario.venuesPath} does not exist`]);
  } else if (file.venues) {
    scenario.catalog = buildCatalog(file.venues, `${source} (inline venues)`);
  }
  return scenario;
}

/** snake_case file fields → the seeder's plan. */
function toPlan(file: ScenarioFile): SeedPlan {
  const day = (d: DayFields) => ({ date: d.date, dayOffset: d.day_offset });
  const fill: FillSpec[] = (file.fill ?? []).map((f) => ({
    ...day(f),
    venueKey: f.venue_key,
    shiftCategory: f.shift_category,
    occupancy: f.occupancy,
  }));
  const bookings: BookingSpec[] = (file.bookings ?? []).map((b) => ({
    ...day(b),
    venueKey: b.venue_key,
    time: b.time,
    partySize: b.party_size,
    status: b.status,
    firstName: b.first_name,
    lastName: b.last_name,
    phone: b.phone,
    email: b.email,
    notes: b.notes,
    tags: b.tags,
    table: b.table,
  }));
  const openings: OpeningSpec[] = (file.openings ?? []).map((o) => ({ ...day(o), venueKey: o.venue_key }));
  return { fill, bookings, openings };
}
