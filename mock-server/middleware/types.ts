import type { Context } from 'hono';

/**
 * Context variables the rate-limit, fault and journal middleware read or write. The server's Hono
 * `Env` must include them (`Variables: ServerVariables & MiddlewareVariables`).
 *
 * Set by the server, before these middleware run:
 * - `operationId`: the spec operation the request resolved to (fault scopes, journal).
 * - `credentialKey`: `"client:<client_id>"` once authenticated (fault scopes, journal, default rate-limit key).
 *
 * Set by these middleware:
 * - `rateLimitHeaders`: `X-RateLimit-Limit/-Remaining/-Reset` of the current request's bucket; the
 *   server's `onError` spreads them under `err.headers` (the middleware also re-applies them itself).
 * - `injectedFaults`: what the fault middleware did to this request, for the journal.
 */
export interface MiddlewareVariables {
  operationId: string | undefined;
  credentialKey: string | undefined;
  rateLimitHeaders: RateLimitHeaders | undefined;
  injectedFaults: readonly InjectedFault[] | undefined;
  /**
   * The JSON text of the response, when the server rendered it (lets the journal skip cloning the
   * body); a function when the body was sent as bytes, so the text is built only if the journal is read.
   */
  responseText: string | (() => string) | undefined;
  /** The headers of that response, as the plain object it was built with (set with `responseText`). */
  responseHeaders: Readonly<Record<string, string>> | undefined;
}

/** The Hono environment these middleware are typed against. */
export interface MiddlewareEnv {
  Variables: MiddlewareVariables;
}

export type MiddlewareContext = Context<MiddlewareEnv>;

/** The three `X-RateLimit-*` headers of a request, by their wire names (see rate-limit-headers.ts). */
// A type alias, not an interface, so it is assignable to `Record<string, string>`.
export type RateLimitHeaders = {
  readonly 'X-RateLimit-Limit': string;
  readonly 'X-RateLimit-Remaining': string;
  readonly 'X-RateLimit-Reset': string;
};

/** A fault the middleware applied to one request; `rule` is the rule id, or `"prefer"` for the header. */
export interface InjectedFault {
  readonly rule: string;
  readonly kind: 'latency' | 'error' | 'drop' | 'slow_body';
  readonly detail: string;
}

/**
 * The client's address when served by `@hono/node-server` (`c.env.incoming.socket.remoteAddress`),
 * else `"unknown"` (in-process `app.request` has no socket). The server uses it for the `/auth` key.
 */
export function sourceAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
