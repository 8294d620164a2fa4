import { readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { parseFaultConfig, type FaultRule } from '../middleware/fault-rules.js';
import { PACKAGE_ROOT } from '../spec/load-spec.js';
import type { SeedVolume } from '../seed/volume.js';
import { UsageError } from './usage-error.js';

/** The YAML parser, loaded on first use: most starts never parse YAML, and loading it costs cold-start time. */
const parseYaml = (text: string): unknown =>
  (createRequire(import.meta.url)('yaml') as typeof Yaml).parse(text);

/** The JSON Schema of the config file; published with the package (`sevenrooms-mock/config.schema.json`). */
export const CONFIG_SCHEMA_PATH = join(PACKAGE_ROOT, 'fixtures', 'schema', 'config.schema.json');

/**
 * What a `--config FILE` may set: one key per flag, camelCase (see fixtures/schema/config.schema.json).
 * Paths are already resolved against the file's folder.
 */
export interface ConfigFile {
  port?: number;
  host?: string;
  logLevel?: string;
  scenario?: string;
  seed?: number;
  venues?: string;
  clock?: string;
  guests?: number;
  historyDays?: number;
  daysAhead?: number;
  locale?: string;
  volume?: Partial<SeedVolume>;
  rateLimit?: string | false | Record<string, unknown>;
  faults?: string | unknown[] | Record<string, unknown>;
  webhooks?: unknown[] | Record<string, unknown>;
  webhookSecret?: string;
  adminToken?: string;
  controlPort?: number;
  journalSize?: number;
  dataDir?: string;
  maxWorlds?: number;
  worldIdle?: number;
  maxBody?: number;
  maxImportBody?: number;
}

/** Reads `--faults FILE`: a JSON array of rules or `{"rules": [...]}`, checked like the control API checks them. */
export function readFaultsFile(path: string): FaultRule[] {
  try {
    return parseFaultConfig(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--faults ${path}: ${code === 'ENOENT' ? 'no such file.' : (err as Error).message}`);
  }
}

let validateConfig: ReturnType<Ajv2020['compile']> | undefined;

/**
 * Reads a JSON or YAML config file (by extension: .yaml/.yml are YAML, anything else JSON) and
 * checks it against the published schema, so `"port": "4041x"` is refused naming the key and the
 * type instead of becoming a socket file. The sections with their own grammar (rate limits, faults,
 * webhooks) are checked again by the parsers the control API uses.
 */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--config ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
  }
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  let doc: unknown;
  try {
    doc = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    const first = (err as Error).message.split('\n')[0];
    throw new UsageError(`--config ${path}: not valid ${yaml ? 'YAML' : 'JSON'} (${first}).`);
  }
  validateConfig ??= new Ajv2020({ allErrors: false, strict: true, verbose: true }).compile(
    JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as object,
  );
  if (!validateConfig(doc)) {
    // A failed oneOf also reports each branch's error first; the oneOf itself says more.
    const errors = validateConfig.errors ?? [];
    const error = errors.find((e) => e.keyword === 'oneOf') ?? errors[0];
    throw new UsageError(`--config ${path}: ${describe(error, doc)}.`);
  }
  const file = { ...(doc as ConfigFile) };
  const base = dirname(resolve(path));
  const here = (p: string) => resolve(base, p);
  if (file.venues) file.venues = here(file.venues);
  if (file.dataDir) file.dataDir = here(file.dataDir);
  if (typeof file.faults === 'string') file.faults = here(file.faults);
  // A scenario is a shipped name unless it looks like a file.
  if (file.scenario && /[/\\]|\.json$/.test(file.scenario)) file.scenario = here(file.scenario);
  return file;
}

/** One Ajv error as a sentence naming the key: `"port" must be integer (got "4041x")`. */
function describe(error: ErrorObject | undefined, doc: unknown): string {
  if (!error) return 'does not match its schema';
  if (error.keyword === 'additionalProperties') {
    const key = `${error.instancePath.slice(1).replace(/\//g, '.')}${error.instancePath ? '.' : ''}${String(error.params.additionalProperty)}`;
    return `unknown key "${key}" (see ${'sevenrooms-mock/config.schema.json'} for the keys)`;
  }
  if (error.instancePath === '') return `the file must hold an object of settings, not ${kind(doc)}`;
  const key = error.instancePath.slice(1).replace(/\//g, '.');
  const value = error.instancePath
    .slice(1)
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
  const described = (error.parentSchema as { description?: string } | undefined)?.description;
  const expected =
    error.keyword === 'oneOf'
      ? `must be ${described ? described.charAt(0).toLowerCase() + described.slice(1).replace(/\.$/, '') : 'one of the forms its schema describes'}`
      : error.keyword === 'enum'
        ? `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
        : (error.message ?? 'is invalid');
  return `"${key}" ${expected} (got ${JSON.stringify(value)})`;
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
