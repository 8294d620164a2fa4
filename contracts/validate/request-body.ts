import type { oas31 } from 'openapi3-ts';
import { resolveRef } from '../../mock-server/spec/load-spec.js';
import { readBoolean } from '../../mock-server/spec/boolean-fields.js';
import type { SchemaCompiler } from '../../mock-server/spec/schema-compiler.js';
import { isEmptyBody, readFormBody, readJsonBody, violation, type ReadBody } from './body.js';
import { mediaTypeOf } from './headers.js';
import type { ContractViolation } from './types.js';

const FORM = 'application/x-www-form-urlencoded';

/** Validates a request body against an operation's `requestBody`. */
export type RequestBodyValidator = (body: unknown, contentType: string | undefined) => ContractViolation[];

/**
 * Compiles the request-body check of one operation. Form bodies are parsed and coerced from strings
 * (the SevenRooms API takes `application/x-www-form-urlencoded` everywhere); JSON bodies are not
 * coerced. A body sent where none is documented is reported, as is a missing required one.
 */
export function compileRequestBody(
  doc: oas31.OpenAPIObject,
  coercing: SchemaCompiler,
  strict: SchemaCompiler,
  operationId: string,
  requestBody: oas31.RequestBodyObject | undefined,
): RequestBodyValidator {
  if (!requestBody) {
    return (body) =>
      isEmptyBody(body)
        ? []
        : [violation(operationId, 'request.body', '', 'a body was sent but none is documented')];
  }
  const content = requestBody.content ?? {};
  const documented = Object.keys(content);
  const formShapes = new Map<string, FormShape>();
  return (body, contentType) => {
    if (isEmptyBody(body)) {
      return requestBody.required
        ? [violation(operationId, 'request.body', '', `a ${documented.join(' or ')} body is required`)]
        : [];
    }
    const mediaType = pickMediaType(documented, mediaTypeOf(contentType), body);
    if (!mediaType) {
      return [
        violation(
          operationId,
          'request.body',
          '',
          `content type ${mediaTypeOf(contentType) ?? '(none)'} is not documented (expected ${documented.join(', ')})`,
        ),
      ];
    }
    const schema = content[mediaType]?.schema;
    let read: ReadBody;
    let compiler = strict;
    if (mediaType === FORM) {
      let shape = formShapes.get(mediaType);
      if (!shape) {
        shape = formShape(doc, schema);
        formShapes.set(mediaType, shape);
      }
      read = readFormBody(body, shape.arrays);
      if ('value' in read) normaliseBooleans(read.value, shape.booleans);
      compiler = coercing;
    } else if (mediaType.includes('json')) {
      read = readJsonBody(body);
    } else {
      return [];
    }
    if ('error' in read) return [violation(operationId, 'request.body', '', `body ${read.error}`)];
    if (!('value' in read) || !schema) return [];
    return compiler
      .compile(schema)(read.value)
      .map((found) => violation(operationId, 'request.body', found.pointer, `field ${found.message}`));
  };
}

function pickMediaType(documented: string[], sent: string | undefined, body: unknown): string | undefined {
  if (sent) return documented.find((type) => type === sent || matchesWildcard(type, sent));
  // No Content-Type (recordings often drop it): a raw string that is not JSON is taken as a form.
  if (documented.length === 1) return documented[0];
  const looksJson = typeof body !== 'string' || /^\s*[[{]/.test(body);
  return documented.find((type) => (looksJson ? type.includes('json') : type === FORM)) ?? documented[0];
}

function matchesWildcard(pattern: string, type: string): boolean {
  if (pattern === '*/*') return true;
  return pattern.endsWith('/*') && type.startsWith(pattern.slice(0, -1));
}

interface FormShape {
  arrays: Set<string>;
  booleans: Set<string>;
}

/** Which top-level form fields are arrays or booleans, so parsing and `1`/`0` booleans work. */
function formShape(
  doc: oas31.OpenAPIObject,
  schema: oas31.SchemaObject | oas31.ReferenceObject | undefined,
): FormShape {
  const shape: FormShape = { arrays: new Set(), booleans: new Set() };
  const visit = (node: oas31.SchemaObject | oas31.ReferenceObject | undefined, depth: number): void => {
    if (!node || depth > 5) return;
    const resolved =
      typeof node.$ref === 'string' ? resolveComponent(doc, node.$ref) : (node as oas31.SchemaObject);
    if (!resolved) return;
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      const prop =
        typeof property.$ref === 'string'
          ? resolveComponent(doc, property.$ref)
          : (property as oas31.SchemaObject);
      const types = Array.isArray(prop?.type) ? prop.type : [prop?.type];
      if (types.includes('array')) shape.arrays.add(name);
      if (types.includes('boolean')) shape.booleans.add(name);
    }
    for (const part of [...(resolved.allOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])]) {
      visit(part, depth + 1);
    }
  };
  visit(schema, 0);
  return shape;
}

function resolveComponent(doc: oas31.OpenAPIObject, ref: string): oas31.SchemaObject | undefined {
  try {
    return resolveRef<oas31.SchemaObject>(doc, { $ref: ref });
  } catch {
    return undefined;
  }
}

/**
 * `True`/`False` in any case and `1`/`0` are accepted booleans on SevenRooms forms
 * (docs/decisions/0001); Ajv only coerces `true`/`false`. Same reading as the mock's.
 */
function normaliseBooleans(value: unknown, booleans: Set<string>): void {
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const name of booleans) if (name in record) record[name] = readBoolean(record[name]);
}
