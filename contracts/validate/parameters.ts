import type { oas31 } from 'openapi3-ts';
import { isBoolean, readBoolean } from '../../mock-server/spec/boolean-fields.js';
import type { CompiledSchema, SchemaCompiler } from '../../mock-server/spec/schema-compiler.js';
import { violation } from './body.js';
import type { ContractViolation, ViolationLocation } from './types.js';

type ParameterLocation = 'path' | 'query' | 'header';

/** Validates one location's parameters (path, query or headers) of one operation. */
export type ParameterValidator = (values: ParameterValues) => ContractViolation[];

/** Raw parameter values: query parameters may repeat, so each name maps to every value seen. */
export type ParameterValues = Map<string, string[]>;

const LOCATIONS: Record<ParameterLocation, ViolationLocation> = {
  path: 'request.path',
  query: 'request.query',
  header: 'request.headers',
};

/**
 * Compiles the parameters of `location` into one object schema so a single Ajv call checks them all,
 * with string coercion (`party_size=2` satisfies `type: integer`). Header names are lower-cased.
 */
export function compileParameters(
  compiler: SchemaCompiler,
  operationId: string,
  parameters: oas31.ParameterObject[],
  location: ParameterLocation,
): ParameterValidator {
  const own = parameters.filter((param) => param.in === location);
  if (own.length === 0) return () => [];
  const nameOf = (param: oas31.ParameterObject) =>
    location === 'header' ? param.name.toLowerCase() : param.name;
  const schema: oas31.SchemaObject = {
    type: 'object',
    properties: Object.fromEntries(own.map((param) => [nameOf(param), param.schema ?? {}])),
    required: own.filter((param) => param.required || location === 'path').map(nameOf),
  };
  const arrays = new Set(own.filter((param) => isArraySchema(param.schema)).map(nameOf));
  const exploded = new Set(own.filter((param) => param.explode !== false).map(nameOf));
  // `True`/`False` (Python) and `1`/`0` are booleans too, as the mock reads them (docs/decisions/0001).
  const booleans = new Set(
    own.filter((param) => param.schema && !('$ref' in param.schema) && isBoolean(param.schema)).map(nameOf),
  );
  let compiled: CompiledSchema | undefined;
  return (values) => {
    compiled ??= compiler.compile(schema);
    const object: Record<string, unknown> = {};
    for (const param of own) {
      const name = nameOf(param);
      const raw = values.get(name);
      if (!raw || raw.length === 0) continue;
      if (arrays.has(name)) {
        object[name] = raw.length === 1 && !exploded.has(name) ? (raw[0] ?? '').split(',') : raw;
      } else {
        const last = raw[raw.length - 1];
        object[name] = booleans.has(name) ? readBoolean(last) : last;
      }
    }
    return compiled(object).map((found) =>
      violation(operationId, LOCATIONS[location], found.pointer, describe(location, found.message)),
    );
  };
}

function describe(location: ParameterLocation, message: string): string {
  const noun = location === 'header' ? 'header' : `${location} parameter`;
  return `${noun} ${message}`;
}

function isArraySchema(schema: oas31.SchemaObject | oas31.ReferenceObject | undefined): boolean {
  if (!schema || '$ref' in schema) return false;
  const type = schema.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/** Groups URLSearchParams by name. */
export function queryValues(query: URLSearchParams): ParameterValues {
  const values: ParameterValues = new Map();
  for (const [name, value] of query) values.set(name, [...(values.get(name) ?? []), value]);
  return values;
}

/** Wraps single-valued maps (path parameters, normalised headers). */
export function singleValues(record: Record<string, string>): ParameterValues {
  return new Map(Object.entries(record).map(([name, value]) => [name, [value]]));
}
