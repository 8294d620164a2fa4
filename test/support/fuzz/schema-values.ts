/**
 * Values for one schema, valid and invalid, as fast-check arbitraries — generated from the spec,
 * nothing hand-listed. `wire: 'text'` gives strings as a query string or form carries them;
 * `wire: 'json'` gives typed JSON values (the control API).
 */
import fc from 'fast-check';
import type { oas31 } from 'openapi3-ts';
import { resolveRef } from '../../../mock-server/spec/load-spec.js';

export type Wire = 'text' | 'json';
type Schema = oas31.SchemaObject;

/** The schema with `$ref` and `allOf` folded in (enough for the flat schemas parameters and forms use). */
export function flatSchema(
  doc: oas31.OpenAPIObject,
  schema: Schema | oas31.ReferenceObject | undefined,
): Schema {
  const resolved = resolveRef<Schema>(doc, schema ?? {});
  if (!resolved.allOf) return resolved;
  const parts = resolved.allOf.map((part) => flatSchema(doc, part));
  const merged: Schema = { ...resolved, allOf: undefined };
  for (const part of parts) {
    merged.type ??= part.type;
    merged.properties = { ...part.properties, ...merged.properties };
    merged.required = [...new Set([...(part.required ?? []), ...(merged.required ?? [])])];
  }
  delete merged.allOf;
  return merged;
}

const types = (schema: Schema): string[] =>
  ([] as string[]).concat((schema.type as string | string[] | undefined) ?? []);

/** A loopback address nothing listens on: a fuzzed webhook URL must never reach another host. */
const LOOPBACK_URL = 'http://127.0.0.1:9/fuzz';

/** Valid values of `schema`. */
export function validValue(schema: Schema, wire: Wire): fc.Arbitrary<unknown> {
  const t = types(schema);
  const text = (arb: fc.Arbitrary<unknown>) => (wire === 'text' ? arb.map(String) : arb);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return text(fc.constantFrom(...(schema.enum as unknown[])));
  if (t.includes('boolean')) return text(fc.boolean());
  if (t.includes('integer'))
    return text(
      fc.integer({ min: bound(schema.minimum, -1_000_000), max: bound(schema.maximum, 1_000_000) }),
    );
  if (t.includes('number'))
    return text(
      fc.double({
        min: bound(schema.minimum ?? (schema.exclusiveMinimum as number | undefined), -1e6),
        max: bound(schema.maximum, 1e6),
        noNaN: true,
        noDefaultInfinity: true,
        minExcluded: schema.exclusiveMinimum !== undefined,
      }),
    );
  if (t.includes('array') || t.includes('object'))
    return wire === 'json' ? jsonValid(schema) : fc.constant('x');
  // Strings (and schemas without a type).
  if (schema.format === 'uri') return fc.constant(LOOPBACK_URL);
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date')
    return fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time')
    return fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, min + 40);
  if (schema.pattern)
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' });
}

function jsonValid(schema: Schema): fc.Arbitrary<unknown> {
  if (types(schema).includes('array')) {
    const items = (schema.items ?? {}) as Schema;
    const minLength = schema.minItems ?? 0;
    return fc.array(validValue(items, 'json'), {
      minLength,
      maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
    });
  }
  const props = Object.entries(schema.properties ?? {}) as [string, Schema][];
  const required = new Set(schema.required ?? []);
  return fc.record(Object.fromEntries(props.map(([k, s]) => [k, validValue(s, 'json')])), {
    requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
  });
}

const bound = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

/**
 * Values `schema` refuses, each with the reason it is invalid. For text, an empty string is left
 * out: in a form it counts as absent (a spec convention), and absent-when-required is generated
 * by dropping the field instead.
 */
export function invalidValues(schema: Schema, wire: Wire): unknown[] {
  const t = types(schema);
  const out: unknown[] = [];
  const num = (n: number) => (wire === 'text' ? String(n) : n);
  if (wire === 'json' && !t.includes('null') && schema.const === undefined) out.push(null);
  if (schema.enum) out.push(wire === 'text' ? '__not_one_of_them__' : 12345);
  else if (t.includes('boolean')) out.push(wire === 'text' ? 'maybe' : 'maybe');
  else if (t.includes('integer') || t.includes('number')) {
    out.push(wire === 'text' ? 'twelve' : 'twelve');
    if (t.includes('integer')) out.push(num(1.5));
    if (typeof schema.minimum === 'number') out.push(num(schema.minimum - 1));
    if (typeof schema.maximum === 'number') out.push(num(schema.maximum + 1));
    if (wire === 'text') out.push('Infinity');
  } else if (t.includes('string') || t.length === 0) {
    if (wire === 'json') out.push(12345);
    if (schema.pattern) {
      const re = new RegExp(schema.pattern);
      const miss = ['~~', 'zz zz', '0', '9999-99-99x'].find(
        (c) => !re.test(c) && c.length >= (schema.minLength ?? 0),
      );
      if (miss !== undefined) out.push(miss);
    }
    if (typeof schema.maxLength === 'number') out.push('x'.repeat(schema.maxLength + 1));
    if (schema.format === 'email') out.push('not-an-email');
    if (schema.format === 'uri') out.push('not a uri');
    if (schema.format === 'date-time' || schema.format === 'date') out.push('yesterday');
  }
  return out;
}

/** Whether an empty text value is one the schema refuses (used for query parameters). */
export function refusesEmpty(schema: Schema): boolean {
  const t = types(schema);
  if (t.length > 0 && !t.includes('string')) return true;
  if ((schema.minLength ?? 0) > 0) return true;
  if (schema.enum && !(schema.enum as unknown[]).includes('')) return true;
  return schema.pattern !== undefined && !new RegExp(schema.pattern).test('');
}
