import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import { isConnectionDropped } from '../middleware/drop.js';
import type { MockEnv } from '../routes/context.js';

/**
 * One `info` line per request: method, path, status, milliseconds and the operation it routed to,
 * e.g. `GET /2_4/venues 200 1.4ms listVenues`. Elapsed time is wall time (performance.now), which is
 * what a developer watching the log wants even when the mock's clock is frozen.
 */
export function accessLog(logger: Logger): MiddlewareHandler<MockEnv> {
  return async function accessLog(c, next) {
    const started = performance.now();
    let status = '500';
    try {
      await next();
      status = String(c.res.status);
    } catch (err) {
      if (isConnectionDropped(err)) status = 'dropped';
      throw err;
    } finally {
      const ms = (performance.now() - started).toFixed(1);
      logger.info(`${c.req.method} ${c.req.path} ${status} ${ms}ms ${c.get('operationId') ?? '-'}`);
    }
  };
}
