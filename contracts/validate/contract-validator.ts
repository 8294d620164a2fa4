import type { oas31 } from 'openapi3-ts';
import { createSchemaCompiler } from '../../mock-server/spec/schema-compiler.js';
import { violation } from './body.js';
import { normalizeHeaders } from './headers.js';
import { collectOperations, type OperationInfo } from './operations.js';
import { compileParameters, queryValues, singleValues, type ParameterValidator } from './parameters.js';
import { createPathMatcher } from './path-matcher.js';
import { compileRequestBody, type RequestBodyValidator } from './request-body.js';
import { compileResponses, type ResponseValidator } from './response.js';
import type { ContractViolation, Exchange, HeaderInput, RequestInput, ValidationResult } from './types.js';
import { collectWebhooks, type WebhookInfo } from './webhooks.js';

/** Validators compiled for one operation (lazily, on first use, then reused). */
interface OperationChecks {
  path: ParameterValidator;
  query: ParameterValidator;
  headers: ParameterValidator;
  body: RequestBodyValidator;
  responses: ResponseValidator;
}

export interface ContractValidatorOptions {
  /** Pick the webhook to validate against by its key under `webhooks`; default: the best fit. */
  webhook?: string;
}

/** What {@link createContractValidator} returns. */
export interface ContractValidator {
  /** Every operation in the spec, in document order. */
  readonly operations: readonly OperationInfo[];
  /** Every webhook in the spec's top-level `webhooks`. */
  readonly webhooks: readonly WebhookInfo[];
  /** The operation a method and URL route to, or `undefined`. */
  match(method: string, url: string): OperationInfo | undefined;
  /** Checks path, query, headers, security presence and body of a request. */
  validateRequest(request: RequestInput): ValidationResult;
  /** Checks status, headers and body of the response in `exchange` (the request is only routed). */
  validateResponse(exchange: Exchange): ValidationResult;
  /** Checks both halves of an exchange. */
  validateExchange(exchange: Exchange): ValidationResult;
  /** Checks a webhook POST body (and headers, when given) against the spec's `webhooks`. */
  validateWebhook(body: unknown, headers?: HeaderInput, name?: string): ValidationResult;
}

/**
 * Builds the contract validator for an OpenAPI 3.1 document. It is pure: each call returns every
 * violation found, each naming its operation and a JSON pointer; nothing is thrown for bad traffic.
 * Schemas are compiled once per operation on first use, through the shared schema compiler.
 *
 * @example
 * const validator = createContractValidator(loadSpec().doc);
 * const { valid, violations } = validator.validateExchange({
 *   method: 'GET', url: '/2_4/venues/abc', status: 200, responseHeaders, responseBody: text,
 * });
 */
export function createContractValidator(
  doc: oas31.OpenAPIObject,
  options: ContractValidatorOptions = {},
): ContractValidator {
  const strict = createSchemaCompiler(doc);
  const coercing = createSchemaCompiler(doc, { coerceTypes: true });
  const operations = collectOperations(doc);
  const webhooks = collectWebhooks(doc);
  const matcher = createPathMatcher(operations, doc.servers ?? []);
  const checks = new Map<OperationInfo, OperationChecks>();

  const checksFor = (operation: OperationInfo): OperationChecks => {
    let found = checks.get(operation);
    if (!found) {
      const { operationId, parameters } = operation;
      found = {
        path: compileParameters(coercing, operationId, parameters, 'path'),
        query: compileParameters(coercing, operationId, parameters, 'query'),
        headers: compileParameters(coercing, operationId, parameters, 'header'),
        body: compileRequestBody(doc, coercing, strict, operationId, operation.requestBody),
        responses: compileResponses(doc, coercing, strict, operation),
      };
      checks.set(operation, found);
    }
    return found;
  };

  const securityViolations = (
    operation: OperationInfo,
    headers: Record<string, string>,
    query: URLSearchParams,
  ) => {
    if (operation.security.length === 0) return [];
    const satisfied = operation.security.some((requirement) =>
      Object.keys(requirement).every((scheme) => hasCredential(doc, scheme, headers, query)),
    );
    if (satisfied) return [];
    const names = operation.security.flatMap((requirement) => Object.keys(requirement)).join(' or ');
    return [violation(operation.operationId, 'request.headers', '', `credentials for ${names} are required`)];
  };

  const validateRequest = (request: RequestInput): ValidationResult => {
    const routed = matcher.match(request.method, request.url);
    if (!routed.matched) return result(null, [violation(null, 'match', '', routed.reason)]);
    const { operation } = routed;
    const headers = normalizeHeaders(request.headers);
    const check = checksFor(operation);
    return result(operation.operationId, [
      ...check.path(singleValues(routed.pathParams)),
      ...check.query(queryValues(routed.query)),
      ...check.headers(singleValues(headers)),
      ...securityViolations(operation, headers, routed.query),
      ...check.body(request.body, headers['content-type']),
    ]);
  };

  const validateResponse = (exchange: Exchange): ValidationResult => {
    const routed = matcher.match(exchange.method, exchange.url);
    if (!routed.matched) return result(null, [violation(null, 'match', '', routed.reason)]);
    const { operation } = routed;
    const headers = normalizeHeaders(exchange.responseHeaders);
    return result(
      operation.operationId,
      checksFor(operation).responses(exchange.status, headers, exchange.responseBody),
    );
  };

  const validateWebhook = (
    body: unknown,
    headers?: HeaderInput,
    name = options.webhook,
  ): ValidationResult => {
    const candidates = name ? webhooks.filter((hook) => hook.name === name) : webhooks;
    if (candidates.length === 0) {
      return result(null, [
        violation(
          null,
          'match',
          '',
          name ? `no webhook named ${name} in the spec` : 'the spec documents no webhooks',
        ),
      ]);
    }
    const normalised = normalizeHeaders(headers);
    let best: ValidationResult | undefined;
    for (const hook of candidates) {
      const check = checksFor(hook.operation);
      const found = [
        ...(headers ? check.headers(singleValues(normalised)) : []),
        ...check.body(body, normalised['content-type'] ?? 'application/json'),
      ].map((v) => ({
        ...v,
        in: v.in === 'request.headers' ? ('webhook.headers' as const) : ('webhook.body' as const),
      }));
      const outcome = result(hook.operation.operationId, found);
      if (outcome.valid) return outcome;
      if (!best || outcome.violations.length < best.violations.length) best = outcome;
    }
    return best as ValidationResult;
  };

  return {
    operations,
    webhooks,
    match: (method, url) => {
      const routed = matcher.match(method, url);
      return routed.matched ? routed.operation : undefined;
    },
    validateRequest,
    validateResponse,
    validateExchange(exchange) {
      const request = validateRequest({
        method: exchange.method,
        url: exchange.url,
        headers: exchange.requestHeaders,
        body: exchange.requestBody,
      });
      if (request.operationId === null) return request;
      const response = validateResponse(exchange);
      return result(request.operationId, [...request.violations, ...response.violations]);
    },
    validateWebhook,
  };
}

function result(operationId: string | null, violations: ContractViolation[]): ValidationResult {
  return { operationId, valid: violations.length === 0, violations };
}

/** Whether the credential a security scheme asks for is present (its value is the server's business). */
function hasCredential(
  doc: oas31.OpenAPIObject,
  schemeName: string,
  headers: Record<string, string>,
  query: URLSearchParams,
): boolean {
  const scheme = doc.components?.securitySchemes?.[schemeName];
  if (!scheme || '$ref' in scheme) return true;
  if (scheme.type === 'apiKey' && scheme.name) {
    if (scheme.in === 'header') return Boolean(headers[scheme.name.toLowerCase()]);
    if (scheme.in === 'query') return query.has(scheme.name);
    return true;
  }
  if (scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
    return Boolean(headers.authorization);
  }
  return true;
}
