import { HTTPException } from 'hono/http-exception';
import { MockError, toWireError } from '../errors.js';
import type { Logger } from '../logger.js';
import { isConnectionDropped } from '../middleware/drop.js';
import { sendJson, type MockContext } from '../routes/context.js';
import type { OperationSpec } from '../spec/operations.js';

/** The one place a thrown error becomes an answer: the SevenRooms envelope, never a bare 500 for a client mistake. */
export function renderError(err: Error, c: MockContext, logger: Logger): Response {
  // A fault dropped the connection: there is no response to render (in-process, the caller's request rejects).
  if (isConnectionDropped(err)) throw err;
  const requestId = c.get('requestId') ?? '';
  const extra = { ...(c.get('rateLimitHeaders') ?? {}) };
  let status: number;
  let msg: string;
  if (err instanceof MockError) {
    status = err.status;
    msg = err.message;
    Object.assign(extra, err.headers);
  } else if (err instanceof HTTPException) {
    status = err.status;
    msg = err.message || 'Request could not be processed';
  } else {
    status = 500;
    msg = `Internal mock error: ${err.message}`;
    logger.error('unhandled error', { error: err.stack ?? String(err) });
  }
  return sendJson(c, toWireError(status, msg, requestId), status, extra);
}

/** 405 in the SevenRooms envelope, with `Allow`. */
export function wrongMethod(c: MockContext, allowed: readonly string[], path: string = c.req.path): Response {
  const msg = `Method ${c.req.method} is not allowed on ${path}; use ${allowed.join(', ')}`;
  return sendJson(c, toWireError(405, msg, c.get('requestId') ?? ''), 405, { Allow: allowed.join(', ') });
}

/**
 * The not-found handler: an unknown route → 404 envelope; a known path with the wrong method → 405
 * with `Allow` (each method once). A trailing slash is a different, unknown path — as on the real
 * API, whose routes are exact — so it is a 404 that names the path without it, never a 405 that
 * contradicts itself ("GET not allowed; use GET"). Path patterns are compiled once, not per request.
 */
export function notFoundOrWrongMethod(operations: readonly OperationSpec[], prefixes: readonly string[]) {
  const patterns = operations.map((op) => ({
    method: op.method.toUpperCase(),
    pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  const methodsFor = (rest: string) => [
    ...new Set(patterns.filter((p) => p.pattern.test(rest)).map((p) => p.method)),
  ];
  return function notFound(c: MockContext): Response {
    const requestId = c.get('requestId') ?? '';
    const path = c.req.path;
    const prefix = prefixes.find((p) => path.startsWith(`${p}/`));
    if (prefix) {
      const rest = path.slice(prefix.length);
      const allowed = methodsFor(rest);
      if (allowed.length > 0) return wrongMethod(c, allowed, rest);
      const trimmed = rest.replace(/\/+$/, '');
      if (trimmed !== rest && methodsFor(trimmed).length > 0) {
        const msg = `Not found: ${c.req.method} ${path} (API paths have no trailing slash: ${prefix}${trimmed})`;
        return sendJson(c, toWireError(404, msg, requestId), 404);
      }
    }
    return sendJson(c, toWireError(404, `Not found: ${c.req.method} ${path}`, requestId), 404);
  };
}
