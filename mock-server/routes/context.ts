import type { Context } from 'hono';
import type { Clock } from '../clock.js';
import type { MiddlewareVariables } from '../middleware/types.js';
import type { operations } from '../spec/generated-types.js';
import type { Credential } from '../domain/model.js';
import type { Store } from '../store/store.js';
import type { World } from '../world/world.js';
import type { JsonText } from '../render/json-text.js';

/**
 * Values middleware and handlers share through Hono's context: the rate-limit, fault and journal
 * middleware's (`operationId`, `credentialKey`, `rateLimitHeaders`, `injectedFaults`) plus these.
 */
export interface MockVariables extends MiddlewareVariables {
  requestId: string;
  /** Set on control-API requests: their answers carry no CORS headers (see world/http-app.ts). */
  sameOriginOnly?: boolean;
  /** The authenticated credential, for operations that need one. */
  credential: Credential | null;
  /** The world a `/worlds/{id}/...` request is for; unset means the default world. */
  world: World | undefined;
  /** The raw request body, kept for the durable log of a persisted world. */
  logBody: string | undefined;
  /** Resolves once the change this request made is on disk. */
  durable: Promise<void> | undefined;
}

export interface MockEnv {
  Variables: MockVariables;
}

export type MockContext = Context<MockEnv>;

/** What every handler can reach. `store` is read through a getter so `reset` can swap it. */
export interface Runtime {
  readonly store: Store;
  readonly clock: Clock;
  /** Wraps the handler's state change when the world persists (see world/world.ts). */
  readonly apply?: (<T>(c: MockContext, fn: () => T) => T) | undefined;
}

/** A handler's view of one validated request. Values are already coerced to the spec's types. */
export interface OperationRequest {
  c: MockContext;
  rt: Runtime;
  params: Record<string, string>;
  query: Fields;
  body: Fields;
  /** Non-null for every operation that requires auth. */
  credential: Credential;
}

/** Validated query or form fields; the spec guarantees their types. */
export type Fields = Readonly<Record<string, FieldValue>>;
export type FieldValue = string | number | boolean | undefined;

export type OperationHandler = (req: OperationRequest) => Response | Promise<Response>;

/** The API's operationIds, from the generated types (the webhook operation is received, not served). */
export type ApiOperationId = Exclude<keyof operations, 'receiveSevenroomsEvent'>;

/** A resource's handlers; each file declares its table `satisfies HandlerTable` so its keys stay exact. */
export type HandlerTable = Partial<Record<ApiOperationId, OperationHandler>>;

/** Typed readers for validated fields, so handlers never cast. */
export const str = (f: Fields, name: string): string | undefined => {
  const v = f[name];
  return v === undefined ? undefined : String(v);
};
export const num = (f: Fields, name: string): number | undefined => {
  const v = f[name];
  return typeof v === 'number' ? v : v === undefined ? undefined : Number(v);
};
export const bool = (f: Fields, name: string): boolean | undefined => {
  const v = f[name];
  return v === undefined ? undefined : v === true || v === 'true' || v === '1' || v === 1;
};

/** Response headers a browser client may read; every API answer carries them (CORS). */
export const CORS_EXPOSED = [
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
];
const CORS_EXPOSED_LIST = CORS_EXPOSED.join(',');
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': CORS_EXPOSED_LIST,
};

/**
 * Every JSON answer of the API goes through here. The serialised text is kept on the context so
 * the request journal can record the body without cloning (tee-ing) the response stream, and the
 * response is built once with every header it needs (CORS, the request's `X-RateLimit-*`, the
 * caller's) as a plain object: headers added one by one with `c.header()` make Hono and
 * @hono/node-server build and walk undici `Headers` objects, a large share of a small read's cost.
 * Middleware that would add headers afterwards see `responseText` set and leave the answer alone.
 */
export function sendJson(
  c: MockContext,
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): Response {
  return sendJsonText(c, JSON.stringify(body), status, headers);
}

/** {@link sendJson} for a body that is already JSON text. */
export function sendJsonText(
  c: MockContext,
  text: string,
  status = 200,
  headers?: Record<string, string>,
): Response {
  const all = jsonHeaders(c, headers);
  c.set('responseText', text);
  c.set('responseHeaders', all);
  return new Response(text, { status, headers: all });
}

/**
 * {@link sendJsonText} for a cached rendering's answer, sent as given (text or UTF-8 bytes). `text`
 * rebuilds the same body as text for the request journal, which asks only when it is read: the
 * journal keeps that small closure (over the cached rendering), not a copy of every body it saw.
 */
function sendCachedJson(
  c: MockContext,
  body: string | Uint8Array,
  text: () => string,
  status: number,
): Response {
  const all = jsonHeaders(c);
  c.set('responseText', text);
  c.set('responseHeaders', all);
  return new Response(body, { status, headers: all });
}

/** A JSON answer's headers as one plain object: content type, CORS, the request's rate limits. */
function jsonHeaders(c: MockContext, headers?: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = c.get('sameOriginOnly')
    ? { 'content-type': 'application/json' }
    : {
        'content-type': 'application/json',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': CORS_EXPOSED_LIST,
      };
  const limits = c.get('rateLimitHeaders');
  if (limits) {
    all['X-RateLimit-Limit'] = limits['X-RateLimit-Limit'];
    all['X-RateLimit-Remaining'] = limits['X-RateLimit-Remaining'];
    all['X-RateLimit-Reset'] = limits['X-RateLimit-Reset'];
  }
  if (headers) for (const name in headers) all[name] = headers[name]!;
  return all;
}

/** `{"status":200,"data":…,"request_id":…}` — the SevenRooms success envelope. */
export function ok(c: MockContext, data: unknown, status: 200 | 201 = 200): Response {
  return sendJson(c, { status, data, request_id: c.get('requestId') }, status);
}

/**
 * Texts shorter than this go out as strings: for a 1–3 KB answer, allocating and filling a buffer
 * costs more than the string copies it saves (measured on GET venue); for a 23 KB one it is the
 * other way round.
 */
const BYTES_FROM_LENGTH = 8 * 1024;

const ENVELOPE_HEADS = {
  200: Buffer.from('{"status":200,"data":'),
  201: Buffer.from('{"status":201,"data":'),
};

/**
 * {@link ok} for `data` already serialised (a cached rendering): the same bytes
 * `JSON.stringify({status, data, request_id})` would produce, without re-serialising `data`. A
 * long {@link JsonText} is sent as bytes: its UTF-8 copied once between the envelope's head and tail.
 */
export function okJsonText(c: MockContext, data: string | JsonText, status: 200 | 201 = 200): Response {
  const tail = `,"request_id":${JSON.stringify(c.get('requestId'))}}`;
  if (typeof data === 'string') return sendJsonText(c, `{"status":${status},"data":${data}${tail}`, status);
  const text = () => `{"status":${status},"data":${data.text}${tail}`;
  if (data.text.length < BYTES_FROM_LENGTH) return sendCachedJson(c, text(), text, status);
  const head = ENVELOPE_HEADS[status];
  const body = data.bytes;
  const bytes = Buffer.allocUnsafe(head.length + body.length + Buffer.byteLength(tail));
  head.copy(bytes, 0);
  body.copy(bytes, head.length);
  bytes.write(tail, head.length + body.length, 'utf8');
  return sendCachedJson(c, bytes, text, status);
}

/** `{"status":200,"data":{"results":[…],"cursor":…,"limit":…}}` — the Reservations-API list envelope. */
export function okList(
  c: MockContext,
  results: unknown[],
  limit: number,
  cursor: string | undefined,
): Response {
  return ok(c, cursor === undefined ? { results, limit } : { results, cursor, limit });
}

/** {@link okList} for results already serialised (cached renderings), byte-identical to it. */
export function okListJsonTexts(
  c: MockContext,
  results: readonly string[],
  limit: number,
  cursor: string | undefined,
): Response {
  const tail = cursor === undefined ? '' : `,"cursor":${JSON.stringify(cursor)}`;
  return okJsonText(c, `{"results":[${results.join(',')}]${tail},"limit":${JSON.stringify(limit)}}`);
}
