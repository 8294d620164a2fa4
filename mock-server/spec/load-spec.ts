import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type { oas31 } from 'openapi3-ts';

/** The YAML parser, loaded on first use: most starts never parse YAML, and loading it costs cold-start time. */
const parseYaml = (text: string): unknown =>
  (createRequire(import.meta.url)('js-yaml') as typeof JsYaml).load(text);

/**
 * The package root: the nearest directory above this module that holds a package.json. Works the same
 * from the sources (mock-server/spec/) and from the build (dist/mock-server/spec/), where a fixed
 * `../../` would land in dist/. The assets (openapi/, fixtures/) ship beside dist/ in the package.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

/** Where the SevenRooms description lives in this package. */
export const DEFAULT_SPEC_PATH = join(PACKAGE_ROOT, 'openapi', 'sevenrooms.yaml');
export const CONTROL_SPEC_PATH = join(PACKAGE_ROOT, 'openapi', 'mock-control.yaml');

export interface LoadedSpec {
  /** The parsed document. */
  doc: oas31.OpenAPIObject;
  /** The YAML text exactly as on disk, served at `GET /openapi.yaml`. */
  text: string;
  path: string;
}

/** Where `npm run types` writes the parsed twin of a spec: `mock-server/spec/compiled/<name>.json`. */
export function compiledTwinPath(specPath: string): string {
  return join(
    PACKAGE_ROOT,
    'mock-server',
    'spec',
    'compiled',
    `${basename(specPath, extname(specPath))}.json`,
  );
}

/** The twin's format: the YAML's SHA-256 and the parsed document. */
export interface CompiledSpec {
  sha256: string;
  document: oas31.OpenAPIObject;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const loaded = new Map<string, LoadedSpec>();

/**
 * Reads an OpenAPI 3.1 YAML document, once per process; fails loudly on anything that is not 3.1.
 * Parsing 4,500 lines of YAML costs ~100 ms of every cold start, so the parsed twin written by
 * `npm run types` is used when its hash matches the YAML on disk — and the YAML is parsed
 * whenever it does not, so an edited spec is never served stale. The document is frozen: servers
 * in one process share it.
 */
export function loadSpec(path: string = DEFAULT_SPEC_PATH): LoadedSpec {
  const hit = loaded.get(path);
  if (hit) return hit;
  const text = readFileSync(path, 'utf8');
  const doc = deepFreeze(readTwin(path, text) ?? (parseYaml(text) as oas31.OpenAPIObject));
  if (typeof doc?.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`${path}: expected an OpenAPI 3.1 document, found openapi: ${String(doc?.openapi)}`);
  }
  const spec = { doc, text, path };
  loaded.set(path, spec);
  return spec;
}

function readTwin(path: string, text: string): oas31.OpenAPIObject | undefined {
  const twin = compiledTwinPath(path);
  if (!existsSync(twin)) return undefined;
  const compiled = JSON.parse(readFileSync(twin, 'utf8')) as CompiledSpec;
  return compiled.sha256 === sha256(text) ? compiled.document : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Follows a local `#/components/...` reference (parameters, responses, headers, request bodies, examples). */
export function resolveRef<T>(doc: oas31.OpenAPIObject, value: T | oas31.ReferenceObject): T {
  let current: unknown = value;
  for (let depth = 0; depth < 10; depth++) {
    if (!current || typeof current !== 'object' || !('$ref' in current)) return current as T;
    const ref = (current as oas31.ReferenceObject).$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, found ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    if (current === undefined) throw new Error(`Unresolvable reference ${ref}`);
  }
  throw new Error('Reference chain too deep');
}
