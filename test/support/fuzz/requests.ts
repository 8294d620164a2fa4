/**
 * Requests for every operation of a spec, valid or spoiled in one place, as fast-check arbitraries.
 * A request knows whether it is schema-valid, so a property can say what the answer must be.
 */
import fc from 'fast-check';
import type { oas31 } from 'openapi3-ts';
import type { OperationSpec } from '../../../mock-server/spec/operations.js';
import { resolveRef } from '../../../mock-server/spec/load-spec.js';
import { flatSchema, invalidValues, refusesEmpty, validValue, type Wire } from './schema-values.js';
import { pick, type IdPools } from './world-ids.js';

export interface FuzzRequest {
  op: OperationSpec;
  method: string;
  url: string;
  body: string | undefined;
  contentType: string | undefined;
  /** Where the request breaks the spec, or null when it is schema-valid. */
  spoiled: string | null;
}

interface Field {
  name: string;
  where: 'path' | 'query' | 'body';
  required: boolean;
  schema: oas31.SchemaObject;
  examples: unknown[];
}

/** Every parameter and body property of an operation, with its schema and the spec's examples. */
export function fieldsOf(doc: oas31.OpenAPIObject, op: OperationSpec): Field[] {
  const raw = resolveRef<oas31.OperationObject>(
    doc,
    (doc.paths?.[op.path] as Record<string, oas31.OperationObject>)[op.method]!,
  );
  const paramExamples = new Map<string, unknown[]>();
  for (const p of raw.parameters ?? []) {
    const param = resolveRef<oas31.ParameterObject>(doc, p);
    const values = [
      param.example,
      ...Object.values(param.examples ?? {}).map((e) => resolveRef<oas31.ExampleObject>(doc, e).value),
    ];
    paramExamples.set(
      param.name,
      values.filter((v) => v !== undefined),
    );
  }
  const fields: Field[] = op.parameters
    .filter((p) => p.in === 'path' || p.in === 'query')
    .map((p) => ({
      name: p.name,
      where: p.in as 'path' | 'query',
      required: p.required,
      schema: flatSchema(doc, p.schema),
      examples: paramExamples.get(p.name) ?? [],
    }));
  if (op.body) {
    const schema = flatSchema(doc, op.body.schema);
    const media = raw.requestBody ? resolveRef<oas31.RequestBodyObject>(doc, raw.requestBody).content : {};
    const first = Object.values(media)[0];
    const bodyExamples = [
      first?.example,
      ...Object.values(first?.examples ?? {}).map((e) => resolveRef<oas31.ExampleObject>(doc, e).value),
    ].filter((v): v is Record<string, unknown> => !!v && typeof v === 'object');
    const required = new Set(schema.required ?? []);
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      fields.push({
        name,
        where: 'body',
        required: required.has(name),
        schema: flatSchema(doc, prop as oas31.SchemaObject),
        examples: bodyExamples.map((e) => e[name]).filter((v) => v !== undefined),
      });
    }
  }
  return fields;
}

/** A field's value: an id the world knows, a spec example, or a value generated from its schema. */
function valueOf(field: Field, wire: Wire, pools: IdPools): fc.Arbitrary<unknown> {
  const known = field.name.endsWith('_id') || field.where === 'path' ? pick(pools, field.name) : [];
  const generated = validValue(field.schema, wire);
  // A path segment is never empty nor a dot segment: the route would not even match.
  const options: fc.WeightedArbitrary<unknown>[] = [
    {
      arbitrary:
        field.where === 'path' ? generated.filter((v) => !['', '.', '..'].includes(String(v))) : generated,
      weight: 1,
    },
  ];
  // Known ids and the spec's own examples most of the time, so requests get past lookups and reach the domain.
  if (known.length > 0) options.push({ arbitrary: fc.constantFrom(...known), weight: 4 });
  if (field.examples.length > 0)
    options.push({
      arbitrary: fc
        .constantFrom(...field.examples)
        .map((v) => (wire === 'text' && typeof v !== 'string' ? String(v) : v)),
      weight: known.length > 0 ? 1 : 3,
    });
  return fc.oneof(...options);
}

/**
 * Requests for `op`: every required field, some optional ones, and — half the time — one field
 * spoiled with a value its schema refuses (or a required one left out).
 */
export function requestArbitrary(
  doc: oas31.OpenAPIObject,
  op: OperationSpec,
  pools: IdPools,
  prefix: string,
): fc.Arbitrary<FuzzRequest> {
  const wire: Wire = op.body && op.body.contentTypes[0] === 'application/json' ? 'json' : 'text';
  const fields = fieldsOf(doc, op);
  const values = fc.record(
    Object.fromEntries(
      fields.map((f) => [`${f.where}:${f.name}`, valueOf(f, f.where === 'body' ? wire : 'text', pools)]),
    ),
    {
      requiredKeys: fields.filter((f) => f.required || f.where === 'path').map((f) => `${f.where}:${f.name}`),
    },
  );
  const spoilable = fields.filter((f) => f.where !== 'path');
  const spoil = spoilable.length === 0 ? fc.constant(null) : fc.option(fc.nat({ max: 1000 }), { freq: 2 });
  return fc.tuple(values, spoil).map(([chosen, spoilIndex]) => {
    const v: Record<string, unknown> = { ...chosen };
    let spoiled: string | null = null;
    if (spoilIndex !== null && spoilable.length > 0) {
      const field = spoilable[spoilIndex % spoilable.length]!;
      const key = `${field.where}:${field.name}`;
      const fieldWire = field.where === 'body' ? wire : 'text';
      const bad = invalidValues(field.schema, fieldWire);
      if (field.where === 'query' && refusesEmpty(field.schema)) bad.push('');
      const choices = bad.length + (field.required ? 1 : 0);
      const choice = choices === 0 ? -1 : spoilIndex % choices;
      if (choice === -1) {
        // Nothing about this field can be wrong (a free-text optional field): the request stays valid.
      } else if (choice < bad.length) {
        v[key] = bad[choice];
        spoiled = `${key}=${JSON.stringify(bad[choice])?.slice(0, 40)}`;
      } else {
        delete v[key];
        spoiled = `${key} missing`;
      }
    }
    return build(op, fields, v, wire, prefix, spoiled);
  });
}

function build(
  op: OperationSpec,
  fields: Field[],
  v: Record<string, unknown>,
  wire: Wire,
  prefix: string,
  spoiled: string | null,
): FuzzRequest {
  let path = op.path;
  const query = new URLSearchParams();
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const key = `${f.where}:${f.name}`;
    if (!(key in v)) continue;
    const value = v[key];
    if (f.where === 'path') path = path.replace(`{${f.name}}`, encodeURIComponent(String(value)));
    else if (f.where === 'query') query.set(f.name, String(value));
    else body[f.name] = value;
  }
  const qs = query.size > 0 ? `?${query}` : '';
  let text: string | undefined;
  let contentType: string | undefined;
  if (op.body && (Object.keys(body).length > 0 || op.body.required)) {
    if (wire === 'json') {
      text = JSON.stringify(body);
      contentType = 'application/json';
    } else {
      text = new URLSearchParams(
        Object.entries(body).map(([k, x]): [string, string] => [k, String(x)]),
      ).toString();
      contentType = 'application/x-www-form-urlencoded';
    }
  }
  return {
    op,
    method: op.method.toUpperCase(),
    url: `${prefix}${path}${qs}`,
    body: text,
    contentType,
    spoiled,
  };
}
