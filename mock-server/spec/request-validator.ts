import type { oas31 } from 'openapi3-ts';
import { badRequest } from '../errors.js';
import type { SchemaCompiler, Violation } from './schema-compiler.js';
import type { OperationSpec } from './operations.js';
import { booleanProperties, isBoolean, readBoolean } from './boolean-fields.js';

export interface RawRequest {
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** Parsed form fields (or a JSON object, for the control API), or null when the request had no body. */
  body: Record<string, unknown> | null;
}

export interface ValidatedRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

/**
 * Compiles, once, the validators of one operation: path parameters, query parameters (only the
 * declared ones are read — unknown parameters are ignored, as the real API does) and the form body.
 * Values arrive as strings and are coerced to the schema's types. Every violation is reported in a
 * 400 whose `msg` names the fields.
 */
export function compileRequestValidator(op: OperationSpec, compiler: SchemaCompiler) {
  const cached = validators.get(op);
  if (cached) return cached;
  // Compiled on first use, so a cold start pays only for the operations it serves.
  let compiled: ReturnType<typeof compileNow> | undefined;
  const validate = (raw: RawRequest) => (compiled ??= compileNow(op, compiler))(raw);
  validators.set(op, validate);
  return validate;
}

const validators = new WeakMap<OperationSpec, (raw: RawRequest) => ValidatedRequest>();

function compileNow(op: OperationSpec, compiler: SchemaCompiler) {
  const objectSchema = (location: 'path' | 'query') => {
    const params = op.parameters.filter((p) => p.in === location);
    const schema: oas31.SchemaObject = {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.required).map((p) => p.name),
    };
    return {
      names: params.map((p) => p.name),
      textual: new Set(params.filter((p) => takesText(p.schema)).map((p) => p.name)),
      validate: compiler.compile(schema),
    };
  };
  const path = objectSchema('path');
  const query = objectSchema('query');
  const body = op.body ? compiler.compile(op.body.schema) : null;
  // Ajv coerces only `true`/`false`; Python clients send `True`/`False`, others `1`/`0`.
  const booleanQuery = new Set(
    op.parameters.filter((p) => p.in === 'query' && isBoolean(p.schema)).map((p) => p.name),
  );
  const booleanBody = op.body ? booleanProperties(compiler.doc, op.body.schema) : new Set<string>();

  return function validateRequest(raw: RawRequest): ValidatedRequest {
    const params: Record<string, unknown> = {};
    for (const name of path.names)
      if (raw.pathParams[name] !== undefined) params[name] = raw.pathParams[name];
    const q: Record<string, unknown> = {};
    const problems: Violation[] = [];
    for (const name of query.names) {
      const value = raw.query.get(name);
      if (value === null) continue;
      // An empty query value is a value: a string schema judges it (minLength), anything else refuses it.
      if (value === '' && !query.textual.has(name))
        problems.push({ pointer: `/${name}`, message: 'must not be empty' });
      else q[name] = booleanQuery.has(name) ? readBoolean(value) : value;
    }
    // Mock convention (see the spec's info): in a form body an empty field counts as absent.
    const b: Record<string, unknown> = raw.body === null ? {} : { ...raw.body };
    if (raw.body !== null)
      for (const [k, v] of Object.entries(b)) {
        if (v === '') delete b[k];
        else if (booleanBody.has(k)) b[k] = readBoolean(v);
      }
    // Appended list by list: most requests have no problem at all, and spreading empty lists into
    // one is a measurable share of a small read's cost.
    for (const found of [
      path.validate(params),
      query.validate(q),
      body ? body(b) : NONE,
      nonFinite(q),
      nonFinite(b),
    ])
      if (found.length > 0) problems.push(...found);
    if (op.body?.required && raw.body === null)
      problems.unshift({ pointer: '', message: 'a form body is required' });
    if (problems.length > 0) throw badRequest(describe(problems) + plusHint(problems, { ...q, ...b }));
    return { params, query: q, body: b };
  };
}

/** A string schema (or one without a type) takes an empty value and judges it; others do not. */
function takesText(schema: oas31.SchemaObject | undefined): boolean {
  const type = schema?.type;
  return type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string'));
}

const NONE: readonly Violation[] = [];

/** Coercion reads `Infinity` and `1e999` as numbers; no field of either spec means them. */
function nonFinite(values: Record<string, unknown>): readonly Violation[] {
  let found: Violation[] | undefined;
  for (const k in values) {
    const v = values[k];
    if (typeof v === 'number' && !Number.isFinite(v))
      (found ??= []).push({ pointer: `/${k}`, message: 'must be a finite number' });
  }
  return found ?? NONE;
}

/**
 * In a form body or query string a bare `+` decodes to a space, so `phone=+1212…` arrives as
 * ` 1212…`: the commonest integration mistake with E.164 phones. Say so when it is what happened.
 */
function plusHint(problems: Violation[], values: Record<string, unknown>): string {
  const field = problems
    .map((p) => p.pointer.split('/').filter(Boolean)[0])
    .find(
      (name) => name !== undefined && typeof values[name] === 'string' && /^ \d/.test(values[name] as string),
    );
  return field
    ? ` (${field} starts with a space: a "+" must be URL-encoded as %2B in a form body or query string)`
    : '';
}

/** `Missing required field date; party_size must be integer`. */
export function describe(problems: Violation[]): string {
  const parts = problems.map(({ pointer, message }) => {
    const field = pointer.split('/').filter(Boolean).join('.');
    if (message === 'is required') return `Missing required field ${field}`;
    if (message === 'is not a documented property') return `Unknown field ${field}`;
    return field ? `${field} ${message}` : message;
  });
  return [...new Set(parts)].join('; ');
}
