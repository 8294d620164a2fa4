import type { oas31 } from 'openapi3-ts';

/**
 * Names of the properties of an object schema (followed through `$ref` and `allOf`) whose type is
 * boolean, so the request validator can read `True`/`False`/`TRUE`/`1`/`0` as booleans before Ajv,
 * whose own coercion knows only `true`/`false`. Python clients send `True`/`False` (`str(True)`).
 */
export function booleanProperties(
  doc: oas31.OpenAPIObject,
  schema: oas31.SchemaObject | oas31.ReferenceObject | undefined,
): Set<string> {
  const found = new Set<string>();
  const visit = (node: oas31.SchemaObject | oas31.ReferenceObject | undefined, depth: number): void => {
    if (!node || depth > 8) return;
    const resolved = resolveSchemaRef(doc, node);
    for (const part of resolved.allOf ?? []) visit(part, depth + 1);
    for (const [name, prop] of Object.entries(resolved.properties ?? {})) {
      if (isBoolean(resolveSchemaRef(doc, prop))) found.add(name);
    }
  };
  visit(schema, 0);
  return found;
}

export function isBoolean(schema: oas31.SchemaObject): boolean {
  const type = schema.type;
  return type === 'boolean' || (Array.isArray(type) && type.includes('boolean'));
}

function resolveSchemaRef(
  doc: oas31.OpenAPIObject,
  node: oas31.SchemaObject | oas31.ReferenceObject,
): oas31.SchemaObject {
  if ('$ref' in node && typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    return target ? resolveSchemaRef(doc, target) : {};
  }
  return node as oas31.SchemaObject;
}

const TRUE = new Set(['true', '1']);
const FALSE = new Set(['false', '0']);

/**
 * `True`, `TRUE`, `true`, `1` → true; `False`, `0` → false; anything else is left as sent, for the
 * schema to refuse with a 400 naming the field.
 */
export function readBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.trim().toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return value;
}
