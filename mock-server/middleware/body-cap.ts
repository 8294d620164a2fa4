import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MockError } from '../errors.js';
import { isControlPath } from '../http/control-path.js';

/** Default request-body caps: generous for any real API call, and for a snapshot of a large world. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const tooLarge = (maxBytes: number) => () => {
  throw new MockError(
    'payload_too_large',
    `Request body is larger than this mock accepts (${maxBytes} bytes; see --max-body)`,
  );
};

/**
 * Refuses a request body over `maxBytes` with 413 in the SevenRooms envelope, before anything reads
 * it: mount it ahead of the journal and every operation (auth included). A declared
 * `Content-Length` is judged from the header alone; a chunked body is counted while it streams
 * (Hono's `bodyLimit`) and never buffered past the cap. Requests without a body pass untouched —
 * the check never looks at `raw.body`, which on @hono/node-server would build a whole Request.
 */
export function bodyCap(maxBytes: number): MiddlewareHandler {
  const onError = tooLarge(maxBytes);
  const streaming = bodyLimit({ maxSize: maxBytes, onError });
  // Not async: most requests pass straight to `next`, without a promise of their own.
  return function bodyCap(c, next) {
    const chunked = c.req.header('transfer-encoding') !== undefined;
    const length = c.req.header('content-length');
    if (length !== undefined && !chunked) return Number(length) > maxBytes ? onError() : next();
    if (!chunked && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    // Chunked, or a body without a declared length (in-process requests): count it as it streams.
    return streaming(c, next);
  };
}

/** The API's cap on the API paths, the (larger) import cap on the control API's. */
export function bodyCaps(limits: { api?: number; control?: number } = {}): MiddlewareHandler {
  const api = bodyCap(limits.api ?? DEFAULT_MAX_BODY_BYTES);
  const control = bodyCap(limits.control ?? DEFAULT_MAX_IMPORT_BYTES);
  return function bodyCaps(c, next) {
    return isControlPath(c.req.path) ? control(c, next) : api(c, next);
  };
}
