import type { Context } from 'hono';
import type { Clock } from '../clock.js';
import type { MiddlewareVariables } from '../middleware/types.js';
import type { operations } from '../spec/generated-types.js';
import type { Credential } from '../domain/model.js';
import type { Store } from '../store/store.js';
import type { World } from '../world/world.js';

/**
 * Values middleware and handlers share through Hono's context: the rate-limit, fault and journal
 * middleware's (`operationId`, `credentialKey`, `rateLimitHeaders`, `injectedFaults`) plus these.
 */
export interface MockVariables extends MiddlewareVariables {
  requestId: string;
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

/**
 * Every JSON answer of the API goes through here: the serialised text is kept on the context so
 * the request journal can record the body without cloning (tee-ing) the response stream, which
 * cost as much as the rest of a request.
 */
export function sendJson(
  c: MockContext,
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): Response {
  const text = JSON.stringify(body);
  c.set('responseText', text);
  return c.body(text, status as 200, { 'content-type': 'application/json', ...headers });
}

/** `{"status":200,"data":…,"request_id":…}` — the SevenRooms success envelope. */
export function ok(c: MockContext, data: unknown, status: 200 | 201 = 200): Response {
  return sendJson(c, { status, data, request_id: c.get('requestId') }, status);
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
