/**
 * Quality gates shared by both OpenAPI documents (the SevenRooms API and the mock's control API):
 * walking operations, finding every example with the schema it must satisfy, and running Redocly.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { oas31 } from 'openapi3-ts';
import { resolveRef } from '../../mock-server/spec/load-spec.js';
import type { SchemaCompiler } from '../../mock-server/spec/schema-compiler.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REDOCLY_BIN = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
type Method = (typeof METHODS)[number];

export interface OperationEntry {
  method: Method;
  path: string;
  /** JSON pointer of the operation, e.g. `/paths/~1venues/get`. */
  pointer: string;
  operation: oas31.OperationObject;
}

export const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function operationsOf(
  doc: oas31.OpenAPIObject,
  items: Record<string, oas31.PathItemObject | oas31.ReferenceObject> | undefined,
  root: string,
): OperationEntry[] {
  const found: OperationEntry[] = [];
  for (const [path, raw] of Object.entries(items ?? {})) {
    const item = resolveRef<oas31.PathItemObject>(doc, raw);
    for (const method of METHODS) {
      const operation = item[method];
      if (operation)
        found.push({ method, path, operation, pointer: `${root}/${escapePointer(path)}/${method}` });
    }
  }
  return found;
}

export interface ExampleCase {
  pointer: string;
  value: unknown;
  schema: oas31.SchemaObject | oas31.ReferenceObject;
}

/** Example values of a media type, parameter or header (`example`, or `examples` with their `value`). */
function exampleValues(
  doc: oas31.OpenAPIObject,
  holder: { example?: unknown; examples?: Record<string, oas31.ExampleObject | oas31.ReferenceObject> },
  pointer: string,
): { pointer: string; value: unknown }[] {
  const values: { pointer: string; value: unknown }[] = [];
  if (holder.example !== undefined) values.push({ pointer: `${pointer}/example`, value: holder.example });
  for (const [name, raw] of Object.entries(holder.examples ?? {})) {
    const example = resolveRef<oas31.ExampleObject>(doc, raw);
    values.push({ pointer: `${pointer}/examples/${escapePointer(name)}/value`, value: example.value });
  }
  return values;
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const;
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const SUBSCHEMA_SINGLE = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
] as const;

/** Schema-level `example` / `examples` anywhere inside `schema`, each checked against its own node. */
function schemaExampleCases(schema: unknown, pointer: string, into: ExampleCase[]): void {
  if (!schema || typeof schema !== 'object' || '$ref' in schema) return;
  const node = schema as Record<string, unknown>;
  if (node.example !== undefined)
    into.push({ pointer: `${pointer}/example`, value: node.example, schema: node });
  if (Array.isArray(node.examples)) {
    node.examples.forEach((value, index) =>
      into.push({ pointer: `${pointer}/examples/${index}`, value, schema: node }),
    );
  }
  for (const key of SUBSCHEMA_MAPS) {
    const map = node[key];
    if (map && typeof map === 'object') {
      for (const [name, sub] of Object.entries(map))
        schemaExampleCases(sub, `${pointer}/${key}/${escapePointer(name)}`, into);
    }
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((sub, index) => schemaExampleCases(sub, `${pointer}/${key}/${index}`, into));
  }
  for (const key of SUBSCHEMA_SINGLE) schemaExampleCases(node[key], `${pointer}/${key}`, into);
}

/** Every example in the document's operations and component schemas, with the schema it must satisfy. */
export function collectExampleCases(
  doc: oas31.OpenAPIObject,
  operations: readonly OperationEntry[],
): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const withSchema = (
    holder: oas31.MediaTypeObject | oas31.ParameterObject | oas31.HeaderObject,
    pointer: string,
  ): void => {
    if (!holder.schema) return;
    for (const { pointer: at, value } of exampleValues(doc, holder, pointer)) {
      cases.push({ pointer: at, value, schema: holder.schema });
    }
    schemaExampleCases(holder.schema, `${pointer}/schema`, cases);
  };

  for (const { operation, pointer } of operations) {
    (operation.parameters ?? []).forEach((raw, index) => {
      withSchema(resolveRef<oas31.ParameterObject>(doc, raw), `${pointer}/parameters/${index}`);
    });
    if (operation.requestBody) {
      const body = resolveRef<oas31.RequestBodyObject>(doc, operation.requestBody);
      for (const [type, media] of Object.entries(body.content)) {
        withSchema(media, `${pointer}/requestBody/content/${escapePointer(type)}`);
      }
    }
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      const response = resolveRef<oas31.ResponseObject>(doc, raw as oas31.ResponseObject);
      for (const [name, header] of Object.entries(response.headers ?? {})) {
        withSchema(
          resolveRef<oas31.HeaderObject>(doc, header),
          `${pointer}/responses/${status}/headers/${name}`,
        );
      }
      for (const [type, media] of Object.entries(response.content ?? {})) {
        withSchema(media, `${pointer}/responses/${status}/content/${escapePointer(type)}`);
      }
    }
  }
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    schemaExampleCases(schema, `/components/schemas/${escapePointer(name)}`, cases);
  }
  return cases;
}

/** Validates one example; returns `<example pointer><value pointer>: <message>` for each violation. */
export function checkExample(compiler: SchemaCompiler, { pointer, value, schema }: ExampleCase): string[] {
  return compiler
    .compile(schema)(value)
    .map((violation) => `${pointer}${violation.pointer}: ${violation.message}`);
}

/** Runs Redocly lint and returns every problem as `rule at pointer: message` (empty when clean). */
export async function redoclyProblems(config: string, spec: string): Promise<string[]> {
  const args = [REDOCLY_BIN, 'lint', '--config', config, spec, '--format=json'];
  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NO_COLOR: '1',
  };
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, args, {
      cwd: ROOT,
      env,
      maxBuffer: 32 * 1024 * 1024,
    }));
  } catch (error) {
    // Redocly exits 1 when it finds errors; the report is still on stdout.
    stdout = String((error as { stdout?: unknown }).stdout ?? '');
    if (!stdout.includes('"totals"')) throw error;
  }
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  const problems = report.problems.map(
    (p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`,
  );
  if (problems.length === 0 && (report.totals.errors > 0 || report.totals.warnings > 0)) {
    problems.push(`redocly reported ${report.totals.errors} errors and ${report.totals.warnings} warnings`);
  }
  return problems;
}
