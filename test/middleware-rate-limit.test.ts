import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { MockError, notFound, toWireError } from '../mock-server/errors.js';
import { ConfigError } from '../mock-server/config-error.js';
import { type RateLimitOptions, rateLimit } from '../mock-server/middleware/rate-limit.js';
import { type MiddlewareEnv, sourceAddress } from '../mock-server/middleware/types.js';

const START = Date.parse('2025-06-01T12:00:00Z');

/** A tiny app: rate limit, then routes; `onError` renders MockErrors as the server does (envelope + err.headers). */
function makeApp(options: Partial<RateLimitOptions> = {}) {
  const clock = new ManualClock(START);
  const limiter = rateLimit({
    clock,
    key: (c) =>
      c.req.path === '/auth' ? `ip:${sourceAddress(c)}` : `client:${c.req.header('x-client') ?? 'a'}`,
    classify: (c) => (c.req.path === '/auth' ? 'auth' : c.req.method === 'GET' ? 'read' : 'write'),
    config: { default: { limit: 3, windowSec: 60 } },
    ...options,
  });
  const app = new Hono<MiddlewareEnv>();
  app.onError((err, c) => {
    if (err instanceof MockError)
      return c.json(toWireError(err.status, err.message, 'rid'), err.status as ContentfulStatusCode, {
        ...err.headers,
      });
    return c.json(toWireError(500, String(err), 'rid'), 500);
  });
  app.use('*', limiter);
  app.get('/venues', (c) => c.json({ status: 200, data: [] }));
  app.put('/book', (c) => c.json({ status: 200, data: {} }));
  app.get('/missing', () => {
    throw notFound('No such thing.');
  });
  app.post('/auth', (c) => c.json({ status: 200 }));
  return { app, clock, limiter };
}

const headersOf = (res: Response) => ({
  limit: res.headers.get('X-RateLimit-Limit'),
  remaining: res.headers.get('X-RateLimit-Remaining'),
  reset: res.headers.get('X-RateLimit-Reset'),
  retryAfter: res.headers.get('Retry-After'),
});

describe('rate limits', () => {
  it('counts down the budget, answers 429 with Retry-After, and lets the client back in after exactly Retry-After seconds', async () => {
    const { app, clock } = makeApp();
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await app.request('/venues');
      expect(res.status).toBe(200);
      seen.push(headersOf(res));
    }
    // 3 per 60 s refills one token every 20 s; Reset is the time until the bucket is full again.
    expect(seen).toEqual([
      { limit: '3', remaining: '2', reset: '20', retryAfter: null },
      { limit: '3', remaining: '1', reset: '40', retryAfter: null },
      { limit: '3', remaining: '0', reset: '60', retryAfter: null },
    ]);

    const limited = await app.request('/venues');
    expect(limited.status).toBe(429);
    expect(headersOf(limited)).toEqual({ limit: '3', remaining: '0', reset: '60', retryAfter: '20' });
    const body = (await limited.json()) as { status: number; code: number; msg: string; request_id: string };
    expect(body).toMatchObject({ status: 429, code: 429, request_id: 'rid' });
    expect(body.msg).toBe(
      'Rate limit exceeded: 3 requests per 60 seconds for read requests; retry after 20 seconds.',
    );

    clock.advance(19_999);
    const stillLimited = await app.request('/venues');
    expect(stillLimited.status).toBe(429);
    expect(stillLimited.headers.get('Retry-After')).toBe('1');

    clock.advance(1);
    const again = await app.request('/venues');
    expect(again.status).toBe(200);
    expect(headersOf(again)).toMatchObject({ remaining: '0', reset: '60' });
  });

  it('refills continuously with an awkward budget: Retry-After suffices and fractions carry over exactly', async () => {
    const { app, clock } = makeApp({ config: { default: { limit: 7, windowSec: 3 } } });
    for (let i = 0; i < 7; i++) expect((await app.request('/venues')).status).toBe(200);
    let allowedTotal = 7;
    for (let round = 0; round < 5; round++) {
      const limited = await app.request('/venues');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('Retry-After')).toBe('1'); // ceil(428.6 ms)
      clock.advance(1000);
      // 1 s refills 2.33 tokens: two requests pass (the fraction carries over), then 429 again.
      let allowed = 0;
      let res: Response;
      while ((res = await app.request('/venues')).status === 200) allowed++;
      expect(res.status).toBe(429);
      expect(allowed).toBeGreaterThanOrEqual(2);
      allowedTotal += allowed;
    }
    // 7 at start + 7 tokens per 3 s over 5 s: exactly floor(7 + 5 * 7 / 3) = 18.
    expect(allowedTotal).toBe(18);
  });

  it('puts the rate-limit headers on error responses thrown by later handlers', async () => {
    const { app } = makeApp();
    const res = await app.request('/missing');
    expect(res.status).toBe(404);
    expect(headersOf(res)).toEqual({ limit: '3', remaining: '2', reset: '20', retryAfter: null });
    expect(await res.json()).toMatchObject({ status: 404, msg: 'No such thing.' });
  });

  it('keeps per-class budgets and per-client buckets independent', async () => {
    const { app } = makeApp({
      config: { default: { limit: 3, windowSec: 60 }, classes: { write: { limit: 1, windowSec: 60 } } },
    });
    expect((await app.request('/book', { method: 'PUT' })).status).toBe(200);
    const writeLimited = await app.request('/book', { method: 'PUT' });
    expect(writeLimited.status).toBe(429);
    expect(headersOf(writeLimited)).toMatchObject({ limit: '1', retryAfter: '60' });
    // Reads have their own bucket, at the default budget.
    const read = await app.request('/venues');
    expect(read.status).toBe(200);
    expect(headersOf(read)).toMatchObject({ limit: '3', remaining: '2' });
    // Another client has its own write bucket.
    expect((await app.request('/book', { method: 'PUT', headers: { 'x-client': 'b' } })).status).toBe(200);
  });

  it('keys /auth by source address', async () => {
    const { app } = makeApp({ config: { classes: { auth: { limit: 2, windowSec: 60 } } } });
    const from = (addr: string) =>
      app.request('/auth', { method: 'POST' }, { incoming: { socket: { remoteAddress: addr } } });
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(429);
    expect((await from('10.0.0.2')).status).toBe(200);
  });

  it('is reconfigured, reset and inspected through its controller', async () => {
    const { app, clock, limiter } = makeApp();
    const ctl = limiter.controller;
    await app.request('/venues');
    expect(ctl.snapshot()).toEqual([
      { class: 'read', key: 'client:a', limit: 3, windowSec: 60, tokens: 2, remaining: 2, reset: 20 },
    ]);
    clock.advance(10_000);
    expect(ctl.snapshot()[0]).toMatchObject({ tokens: 2.5, remaining: 2, reset: 10 });

    const config = ctl.setConfig({ classes: { read: { limit: 1, windowSec: 10 } } });
    expect(config).toEqual({
      enabled: true,
      default: { limit: 3, windowSec: 60 },
      classes: { read: { limit: 1, windowSec: 10 } },
    });
    expect(ctl.snapshot()).toEqual([]);
    expect((await app.request('/venues')).status).toBe(200);
    expect((await app.request('/venues')).status).toBe(429);
    ctl.reset('client:a');
    expect((await app.request('/venues')).status).toBe(200);

    expect(() => ctl.setConfig({ default: { limit: 0, windowSec: 1.5 }, extra: true })).toThrow(ConfigError);
    try {
      ctl.setConfig({ default: { limit: 0, windowSec: 1.5 }, extra: true });
    } catch (err) {
      expect((err as ConfigError).issues.map((i) => i.pointer)).toEqual([
        '/extra',
        '/default/limit',
        '/default/windowSec',
      ]);
    }
    // A rejected patch changes nothing.
    expect(ctl.getConfig().classes).toEqual({ read: { limit: 1, windowSec: 10 } });

    ctl.setConfig({ classes: { read: null }, enabled: false });
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/venues');
      expect(res.status).toBe(200);
      expect(headersOf(res)).toEqual({ limit: '3', remaining: '3', reset: '0', retryAfter: null });
    }
  });

  it('evicts buckets once they are full again, so memory follows active clients only', async () => {
    const { app, clock, limiter } = makeApp();
    for (let i = 0; i < 1500; i++) await app.request('/venues', { headers: { 'x-client': `c${i}` } });
    expect(limiter.controller.bucketCount()).toBeGreaterThanOrEqual(1000);
    clock.advance(20_000); // every bucket is full again (one token used, 20 s per token)
    for (let i = 0; i < 1100; i++) await app.request('/venues', { headers: { 'x-client': 'busy' } });
    expect(limiter.controller.bucketCount()).toBeLessThan(10);
  });

  it('exempts requests whose key is undefined', async () => {
    const { app } = makeApp({ key: () => undefined });
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/venues');
      expect(res.status).toBe(200);
      expect(res.headers.get('X-RateLimit-Limit')).toBeNull();
    }
  });
});
