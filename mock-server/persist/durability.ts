/**
 * The HTTP side of persistence: keeps each changing request's body for the log, holds requests back
 * until the worlds are restored, and sends no response before its change is on disk.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { MockEnv } from '../routes/context.js';
import type { World } from '../world/world.js';
import type { Replayer } from './world-persistence.js';

/** The `env` replayed requests carry: they pass the start-up gate (they are the start-up). */
const REPLAY_ENV = Object.freeze({ replay: true });

export function durability(ready: () => Promise<void> | null): MiddlewareHandler<MockEnv> {
  return async function durability(c, next) {
    const opening = ready();
    if (opening && c.env !== REPLAY_ENV) await opening;
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    // Read through Hono's body cache: the handler's own read is then served from it.
    const multipart = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/');
    c.set('logBody', multipart ? await c.req.raw.clone().text() : await c.req.text());
    await next();
    const durable = c.get('durable');
    if (durable) await durable;
  };
}

/** Replays a logged request through the server's own routes, addressed to its world. */
export function replayer(app: Hono<MockEnv>): Replayer {
  return async (world: World, method, url, headers, body) =>
    app.fetch(
      new Request(`http://replay.invalid/worlds/${world.id}${url}`, {
        method,
        headers,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
      }),
      REPLAY_ENV,
    );
}
