import type { oas31 } from 'openapi3-ts';
import { resolveRef } from '../../mock-server/spec/load-spec.js';
import type { CompiledSchema, SchemaCompiler } from '../../mock-server/spec/schema-compiler.js';
import { isEmptyBody, pointerToken, readJsonBody, violation } from './body.js';
import { mediaTypeOf } from './headers.js';
import type { OperationInfo } from './operations.js';
import type { ContractViolation } from './types.js';

/** Validates status, headers and body of one response to a known operation. */
export type ResponseValidator = (
  status: number,
  headers: Record<string, string>,
  body: unknown,
) => ContractViolation[];

interface CompiledResponse {
  key: string;
  headers: Array<{ name: string; required: boolean; check: CompiledSchema | undefined }>;
  content: Array<{ mediaType: string; check: CompiledSchema | undefined }>;
}

/**
 * Compiles the response checks of one operation. Statuses are looked up exactly, then as a range
 * (`4XX`), then `default`. Header schemas are checked with string coercion (headers are text);
 * bodies strictly. A 204, or a response documenting no content, must have an empty body.
 */
export function compileResponses(
  doc: oas31.OpenAPIObject,
  coercing: SchemaCompiler,
  strict: SchemaCompiler,
  operation: OperationInfo,
): ResponseValidator {
  const { operationId } = operation;
  const compiled = new Map<string, CompiledResponse>();
  const documented = Object.keys(operation.responses);

  const prepare = (key: string, response: oas31.ResponseObject): CompiledResponse => {
    const headers = Object.entries(response.headers ?? {})
      .filter(([name]) => name.toLowerCase() !== 'content-type')
      .map(([name, raw]) => {
        const header = resolveRef<oas31.HeaderObject>(doc, raw);
        return {
          name: name.toLowerCase(),
          required: header.required === true,
          check: header.schema ? coercing.compile(header.schema) : undefined,
        };
      });
    const content = Object.entries(response.content ?? {}).map(([mediaType, media]) => ({
      mediaType: mediaType.toLowerCase(),
      check: media.schema ? strict.compile(media.schema) : undefined,
    }));
    return { key, headers, content };
  };

  return (status, headers, body) => {
    const key = lookupStatus(operation.responses, status);
    if (!key) {
      return [
        violation(
          operationId,
          'response.status',
          '',
          `status ${status} is not documented (documented: ${documented.join(', ') || 'none'})`,
        ),
      ];
    }
    let response = compiled.get(key);
    if (!response) {
      response = prepare(key, operation.responses[key] as oas31.ResponseObject);
      compiled.set(key, response);
    }
    return [
      ...checkHeaders(operationId, response, headers),
      ...checkBody(operationId, response, status, headers, body),
    ];
  };
}

function lookupStatus(responses: Record<string, oas31.ResponseObject>, status: number): string | undefined {
  const exact = String(status);
  if (responses[exact]) return exact;
  const range = `${exact[0]}XX`;
  if (responses[range]) return range;
  return responses.DEFAULT ? 'DEFAULT' : undefined;
}

function checkHeaders(
  operationId: string,
  response: CompiledResponse,
  headers: Record<string, string>,
): ContractViolation[] {
  const found: ContractViolation[] = [];
  for (const header of response.headers) {
    const value = headers[header.name];
    const pointer = `/${pointerToken(header.name)}`;
    if (value === undefined) {
      if (header.required)
        found.push(violation(operationId, 'response.headers', pointer, 'header is required'));
      continue;
    }
    if (!header.check) continue;
    for (const problem of header.check(value)) {
      found.push(
        violation(
          operationId,
          'response.headers',
          pointer,
          `header ${problem.message} (got ${JSON.stringify(value)})`,
        ),
      );
    }
  }
  return found;
}

function checkBody(
  operationId: string,
  response: CompiledResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): ContractViolation[] {
  const empty = isEmptyBody(body);
  if (status === 204 || response.content.length === 0) {
    return empty
      ? []
      : [
          violation(
            operationId,
            'response.body',
            '',
            `must be empty (status ${response.key} documents no body)`,
          ),
        ];
  }
  if (empty) {
    return [
      violation(
        operationId,
        'response.body',
        '',
        `is empty but status ${response.key} documents ${response.content.map((c) => c.mediaType).join(', ')}`,
      ),
    ];
  }
  const sent = mediaTypeOf(headers['content-type']);
  const media = sent
    ? response.content.find((c) => c.mediaType === sent || c.mediaType === '*/*')
    : response.content[0];
  if (!media) {
    return [
      violation(
        operationId,
        'response.headers',
        '/content-type',
        `content type ${sent} is not documented for status ${response.key} (documented: ${response.content.map((c) => c.mediaType).join(', ')})`,
      ),
    ];
  }
  if (!media.mediaType.includes('json') || !media.check) return [];
  const read = readJsonBody(body);
  if ('error' in read) return [violation(operationId, 'response.body', '', read.error)];
  if (!('value' in read)) return [];
  return media
    .check(read.value)
    .map((problem) => violation(operationId, 'response.body', problem.pointer, problem.message));
}
