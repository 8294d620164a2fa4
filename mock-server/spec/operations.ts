import type { oas31 } from 'openapi3-ts';
import { resolveRef } from './load-spec.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: oas31.SchemaObject;
}

/** One operation of the document, flattened: everything routing and request validation need. */
export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  /** The spec's path template, e.g. `/venues/{venue_id}`. */
  path: string;
  /** The same path in Hono's syntax, e.g. `/venues/:venue_id`. */
  routePath: string;
  parameters: ParameterSpec[];
  /** Form or JSON body schema, when the operation takes one. */
  body: { contentTypes: string[]; schema: oas31.SchemaObject; required: boolean } | null;
  /** False only where the operation overrides security with `[]` (e.g. `POST /auth`). */
  requiresAuth: boolean;
  /** Documented response statuses (`"200"`, `"400"`, `"default"`...). */
  statuses: string[];
  /** `x-form-in-query: true`: a request without a body may send the form's fields as query parameters. */
  formInQuery: boolean;
}

const listed = new WeakMap<oas31.OpenAPIObject, readonly OperationSpec[]>();

/**
 * Flattens every operation of the document, once per document (servers in one process share the
 * result, and with it their compiled validators); fails loudly on what the mock cannot serve.
 */
export function listOperations(doc: oas31.OpenAPIObject): readonly OperationSpec[] {
  let operations = listed.get(doc);
  if (!operations) listed.set(doc, (operations = Object.freeze(flatten(doc))));
  return operations;
}

function flatten(doc: oas31.OpenAPIObject): OperationSpec[] {
  const operations: OperationSpec[] = [];
  const globalSecurity = doc.security ?? [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolveRef<oas31.PathItemObject>(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => {
        const param = resolveRef<oas31.ParameterObject>(doc, p);
        return {
          name: param.name,
          in: param.in,
          required: param.required ?? param.in === 'path',
          schema: (param.schema ?? { type: 'string' }) as oas31.SchemaObject,
        };
      });
      let body: OperationSpec['body'] = null;
      if (op.requestBody) {
        const requestBody = resolveRef<oas31.RequestBodyObject>(doc, op.requestBody);
        const contentTypes = Object.keys(requestBody.content);
        const first = requestBody.content[contentTypes[0]!];
        body = {
          contentTypes,
          schema: (first?.schema ?? { type: 'object' }) as oas31.SchemaObject,
          required: requestBody.required ?? false,
        };
      }
      operations.push({
        operationId: op.operationId,
        method,
        path,
        routePath: path.replace(/\{([^}]+)\}/g, ':$1'),
        parameters,
        body,
        requiresAuth: (op.security ?? globalSecurity).length > 0,
        statuses: Object.keys(op.responses ?? {}),
        formInQuery: (op as { 'x-form-in-query'?: unknown })['x-form-in-query'] === true,
      });
    }
  }
  return operations;
}

/** Static segments before parameters, so `/clients/export` is tried before `/clients/{client_id}`. */
export function byRouteSpecificity(a: OperationSpec, b: OperationSpec): number {
  const segments = (p: string) => p.split('/').map((s) => (s.startsWith('{') ? 1 : 0));
  const sa = segments(a.path);
  const sb = segments(b.path);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) if (sa[i] !== sb[i]) return sa[i]! - sb[i]!;
  return sa.length - sb.length;
}
