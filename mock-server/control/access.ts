import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { forbidden } from '../errors.js';
import type { MockEnv } from '../routes/context.js';

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. Anything else, an unreadable address included, is not. */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * Whether the request came from this host. An in-process `app.request` (no Node request at all) is
 * local by construction; a socket whose peer address cannot be read — a client that sent its request
 * and reset the connection at once — is never trusted.
 */
export function isLocalPeer(c: Context): boolean {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined;
  if (!env?.incoming) return true;
  const address = env.incoming.socket?.remoteAddress;
  return typeof address === 'string' && isLoopback(address);
}

/**
 * Whether a browser sent the request for a page of another origin. Browsers name the page in
 * `Origin` (on every POST, and on cross-origin GETs) and, in current ones, say `Sec-Fetch-Site`.
 * Without this check a page on `localhost:3000` could send a "simple" request (a `text/plain` POST,
 * which needs no preflight) to a mock on loopback, where no token is asked. `same-site` counts as
 * another origin: it is how a page on another port of the same host is labelled. Clients that are
 * not browsers send neither header and are judged by address and token as before.
 */
export function fromAnotherOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== c.req.header('host');
  } catch {
    // `Origin: null` (a sandboxed frame, a file) or garbage: not a page of this mock.
    return true;
  }
}

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Who may drive the control plane: loopback clients always; anyone else only with the admin token.
 * Without a configured token, non-loopback requests are refused outright, so exposing the API port
 * never exposes reset, state import or the clock.
 */
export function controlAccess(adminToken: string | undefined): MiddlewareHandler<MockEnv> {
  return async function controlAccess(c, next) {
    if (fromAnotherOrigin(c))
      throw forbidden(
        'The control API does not answer pages of other origins; call it from the dashboard, ctl, curl or your tests',
      );
    const presented = c.req.header('x-mock-admin-token');
    if (presented !== undefined) {
      if (!adminToken || !sameToken(presented, adminToken)) throw forbidden('Invalid X-Mock-Admin-Token');
      return next();
    }
    if (isLocalPeer(c)) return next();
    throw forbidden(
      adminToken
        ? 'The control API needs X-Mock-Admin-Token from this address'
        : 'The control API only answers loopback clients; start the mock with --admin-token to allow others',
    );
  };
}
