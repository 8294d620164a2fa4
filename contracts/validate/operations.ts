import type { oas31 } from 'openapi3-ts';
import { resolveRef } from '../../mock-server/spec/load-spec.js';

/** HTTP methods an OpenAPI path item may hold. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type PathSegment = { kind: 'static'; value: string } | { kind: 'param'; name: string };

/** One operation of the spec with every `$ref` in its parameters and responses resolved. */
export interface OperationInfo {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The path template as written in the spec, e.g. `/venues/{venue_id}`. */
  path: string;
  segments: PathSegment[];
  parameters: oas31.ParameterObject[];
  requestBody: oas31.RequestBodyObject | undefined;
  responses: Record<string, oas31.ResponseObject>;
  /** Effective security requirements (operation-level, else document-level); `[]` means none. */
  security: oas31.SecurityRequirementObject[];
}

/**
 * Lists every operation of `doc.paths`, resolving references once. Fails loudly on what the
 * validator cannot handle (a missing operationId, a path segment mixing text and a parameter).
 */
export function collectOperations(doc: oas31.OpenAPIObject): OperationInfo[] {
  const operations: OperationInfo[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolveRef<oas31.PathItemObject>(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operations.push(describeOperation(doc, method, path, item, operation));
    }
  }
  return operations;
}

/** Describes one operation; also used for the POST operations of the spec's `webhooks`. */
export function describeOperation(
  doc: oas31.OpenAPIObject,
  method: string,
  path: string,
  item: oas31.PathItemObject,
  operation: oas31.OperationObject,
): OperationInfo {
  const where = `${method.toUpperCase()} ${path}`;
  if (!operation.operationId) throw new Error(`${where}: every operation needs an operationId`);
  const responses: Record<string, oas31.ResponseObject> = {};
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    responses[status.toUpperCase()] = resolveRef<oas31.ResponseObject>(doc, response as oas31.ResponseObject);
  }
  return {
    operationId: operation.operationId,
    method: method.toUpperCase(),
    path,
    segments: parseTemplate(path),
    parameters: mergeParameters(doc, item.parameters ?? [], operation.parameters ?? []),
    requestBody: operation.requestBody
      ? resolveRef<oas31.RequestBodyObject>(doc, operation.requestBody)
      : undefined,
    responses,
    security: operation.security ?? doc.security ?? [],
  };
}

/** Splits `/venues/{venue_id}` into static and parameter segments. */
export function parseTemplate(path: string): PathSegment[] {
  return splitPath(path).map((segment) => {
    const param = /^\{([^{}]+)\}$/.exec(segment);
    if (param?.[1]) return { kind: 'param', name: param[1] };
    if (segment.includes('{')) {
      throw new Error(`${path}: path segments that mix text and a parameter are not supported`);
    }
    return { kind: 'static', value: segment };
  });
}

/** Path segments without empty ones (tolerates a trailing slash). */
export function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Path-item parameters overridden by operation parameters with the same name and location. */
function mergeParameters(
  doc: oas31.OpenAPIObject,
  fromItem: Array<oas31.ParameterObject | oas31.ReferenceObject>,
  fromOperation: Array<oas31.ParameterObject | oas31.ReferenceObject>,
): oas31.ParameterObject[] {
  const merged = new Map<string, oas31.ParameterObject>();
  for (const raw of [...fromItem, ...fromOperation]) {
    const param = resolveRef<oas31.ParameterObject>(doc, raw);
    const key = `${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`;
    merged.set(key, param);
  }
  return [...merged.values()];
}
