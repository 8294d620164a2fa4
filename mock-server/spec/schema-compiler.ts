import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { oas31 } from 'openapi3-ts';

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

/** One problem found by a validator: where (JSON pointer) and what, in words. */
export interface Violation {
  /** JSON pointer into the validated value, e.g. `/data/results/0/max_guests`; `` for the root. */
  pointer: string;
  message: string;
}

export interface SchemaCompilerOptions {
  /** Coerce strings to the schema's types (query strings and form bodies arrive as strings). */
  coerceTypes?: boolean;
  /** Remove properties a schema does not declare (never used for responses). */
  removeAdditional?: boolean;
}

export interface CompiledSchema {
  /** Validates `value` (mutating it when coercing) and returns every violation found. */
  (value: unknown): Violation[];
  readonly raw: ValidateFunction;
}

const COMPONENTS_ID = 'urn:sevenrooms-mock:components';

/** OpenAPI 3.1 keywords that JSON Schema 2020-12 does not know; Ajv must accept them as annotations. */
const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];

/**
 * Compiles schemas from an OpenAPI 3.1 document with Ajv's 2020-12 build. The document's
 * `components.schemas` are registered once; `#/components/schemas/X` references inside any schema
 * compiled here resolve against them. Each schema is compiled once and cached by identity.
 *
 * @example
 * const compiler = createSchemaCompiler(doc);
 * const violations = compiler.compile(schema)(value); // [] when valid
 */
export function createSchemaCompiler(doc: oas31.OpenAPIObject, options: SchemaCompilerOptions = {}) {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
    coerceTypes: options.coerceTypes ?? false,
    removeAdditional: options.removeAdditional ?? false,
    useDefaults: options.coerceTypes ?? false,
    validateFormats: true,
    // Validating the schemas themselves compiles the 2020-12 meta-schema: ~100 ms of every cold start.
    // The documents are already validated by Redocly (npm run lint:spec) and the spec-quality tests.
    validateSchema: false,
  });
  addFormats(ajv);
  ajv.addVocabulary([...OPENAPI_KEYWORDS, ...collectExtensionKeywords(doc)]);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(doc.components?.schemas ?? {}) });

  const cache = new WeakMap<object, CompiledSchema>();
  return {
    ajv,
    /** The document the schemas come from (for callers that need to read a schema, not run it). */
    doc,
    compile(schema: oas31.SchemaObject | oas31.ReferenceObject): CompiledSchema {
      const hit = cache.get(schema);
      if (hit) return hit;
      const raw = ajv.compile(rewriteRefs(schema) as object);
      const run = ((value: unknown) => (raw(value) ? [] : toViolations(raw.errors ?? []))) as CompiledSchema;
      Object.defineProperty(run, 'raw', { value: raw });
      cache.set(schema, run);
      return run;
    },
  };
}

export type SchemaCompiler = ReturnType<typeof createSchemaCompiler>;

/** Turns Ajv's errors into violations with full-sentence messages that name the field. */
export function toViolations(errors: ErrorObject[]): Violation[] {
  return errors.map((error) => {
    let pointer = error.instancePath;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      pointer = `${pointer}/${String(error.params.missingProperty)}`;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      pointer = `${pointer}/${String(error.params.additionalProperty)}`;
      message = 'is not a documented property';
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    }
    return { pointer, message };
  });
}

/** Rewrites local component references so they resolve against the registered components schema. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      out[key] = `${COMPONENTS_ID}#/$defs/${value.slice('#/components/schemas/'.length)}`;
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out;
}

/** Every `x-...` key used inside the document's schemas, so strict Ajv treats them as annotations. */
function collectExtensionKeywords(doc: oas31.OpenAPIObject): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      visit(value);
    }
  };
  visit(doc);
  return [...found];
}

const shared = new WeakMap<oas31.OpenAPIObject, Map<string, SchemaCompiler>>();

/** One compiler per document and options, shared by every server in the process (compiled schemas are pure). */
export function sharedSchemaCompiler(
  doc: oas31.OpenAPIObject,
  options: SchemaCompilerOptions = {},
): SchemaCompiler {
  let byOptions = shared.get(doc);
  if (!byOptions) shared.set(doc, (byOptions = new Map()));
  const key = JSON.stringify(options);
  let compiler = byOptions.get(key);
  if (!compiler) byOptions.set(key, (compiler = createSchemaCompiler(doc, options)));
  return compiler;
}
