import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { oas31 } from 'openapi3-ts';

/** Where the SevenRooms description lives in this package. */
export const DEFAULT_SPEC_PATH = fileURLToPath(new URL('../../openapi/sevenrooms.yaml', import.meta.url));
export const CONTROL_SPEC_PATH = fileURLToPath(new URL('../../openapi/mock-control.yaml', import.meta.url));

export interface LoadedSpec {
  /** The parsed document. */
  doc: oas31.OpenAPIObject;
  /** The YAML text exactly as on disk, served at `GET /openapi.yaml`. */
  text: string;
  path: string;
}

/** Reads and parses an OpenAPI 3.1 YAML document; fails loudly on anything that is not 3.1. */
export function loadSpec(path: string = DEFAULT_SPEC_PATH): LoadedSpec {
  const text = readFileSync(path, 'utf8');
  const doc = parse(text) as oas31.OpenAPIObject;
  if (typeof doc?.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    throw new Error(`${path}: expected an OpenAPI 3.1 document, found openapi: ${String(doc?.openapi)}`);
  }
  return { doc, text, path };
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
