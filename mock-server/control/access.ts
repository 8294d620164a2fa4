import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { forbidden } from '../errors.js';
import { sourceAddress } from '../middleware/types.js';
import type { MockEnv } from '../routes/context.js';

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. In-process requests (no socket) count as local. */
export function isLoopback(address: string): boolean {
  if (address === 'unknown') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
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
    const presented = c.req.header('x-mock-admin-token');
    if (presented !== undefined) {
      if (!adminToken || !sameToken(presented, adminToken)) throw forbidden('Invalid X-Mock-Admin-Token');
      return next();
    }
    if (isLoopback(sourceAddress(c))) return next();
    throw forbidden(
      adminToken
        ? 'The control API needs X-Mock-Admin-Token from this address'
        : 'The control API only answers loopback clients; start the mock with --admin-token to allow others',
    );
  };
}
