import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { MockError, toWireError } from '../mock-server/errors.js';
import { ConfigError } from '../mock-server/config-error.js';
import { isConnectionDropped } from '../mock-server/middleware/drop.js';
import { parseFaultConfig } from '../mock-server/middleware/fault-rules.js';
import { type FaultsOptions, faults } from '../mock-server/middleware/faults.js';
import { rateLimit } from '../mock-server/middleware/rate-limit.js';
import type { MiddlewareEnv } from '../mock-server/middleware/types.js';
import { createRandom, deriveSeed } from '../mock-server/random.js';

interface Envelope {
  status: number;
  code: number;
  msg: string;
  request_id: string;
}

/** Records requested delays instead of waiting. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: (ms: number) => (delays.push(ms), Promise.resolve()) };
}

function makeApp(options: Partial<FaultsOptions> & { seed?: number; withRateLimit?: boolean } = {}) {
  const { seed = 42, withRateLimit = false, ...rest } = options;
  const { delays, sleep } = recordingSleep();
  const f = faults({ random: createRandom(deriveSeed(seed, 'faults')), sleep, ...rest });
  const app = new Hono<MiddlewareEnv>();
  let handled = 0;
  app.onError((err, c) => {
    if (isConnectionDropped(err)) throw err;
    if (err instanceof MockError)
      return c.json(toWireError(err.status, err.message, 'rid'), err.status as ContentfulStatusCode, {
        ...err.headers,
      });
    return c.json(toWireError(500, String(err), 'rid'), 500);
  });
  if (withRateLimit) app.use('*', rateLimit({ clock: new ManualClock(0), key: () => 'client:a' }));
  // Stands in for the server's operation resolver, which runs before the fault middleware.
  app.use('*', async (c, next) => {
    c.set('operationId', c.req.path.startsWith('/book') ? 'bookVenueReservation' : 'listVenues');
    c.set('credentialKey', c.req.header('x-client') ? `client:${c.req.header('x-client')}` : undefined);
    await next();
  });
  app.use('*', f);
  app.get('/venues', (c) =>
    c.json({ status: 200, data: { results: [{ id: 'v1', name: 'The Mock Room' }], limit: 30 } }),
  );
  app.put('/book/:id', (c) => {
    handled++;
    return c.json({ status: 200, data: { reservation_id: c.req.param('id') } });
  });
  return { app, f, delays, handled: () => handled };
}

const flaky503 = parseFaultConfig([{ id: 'flaky', kind: 'error', status: 503, probability: 0.3 }]);

async function hitIndices(seed: number): Promise<number[]> {
  const { app } = makeApp({ seed, rules: flaky503 });
  const hits: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const res = await app.request('/venues');
    if (res.status === 503) hits.push(i);
    else expect(res.status).toBe(200);
  }
  return hits;
}

describe('fault rules', () => {
  it('a 30 % injected 503 hits the same requests on every run with the same seed, different ones with another', async () => {
    const first = await hitIndices(42);
    const second = await hitIndices(42);
    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThanOrEqual(250);
    expect(first.length).toBeLessThanOrEqual(350);
    const other = await hitIndices(43);
    expect(other).not.toEqual(first);
  });

  it('renders injected errors in the SevenRooms envelope', async () => {
    const { app } = makeApp({ rules: flaky503 });
    let res: Response;
    while ((res = await app.request('/venues')).status !== 503);
    expect(await res.json()).toEqual({
      status: 503,
      code: 503,
      msg: 'Injected fault (flaky): 503 Service Unavailable.',
      request_id: 'rid',
    });
  });

  it('scopes rules by operationId, path glob, method and credential', async () => {
    const rules = parseFaultConfig({
      rules: [
        {
          id: 'op',
          kind: 'error',
          status: 500,
          match: { operationIds: ['bookVenueReservation'], credentials: ['client:x'] },
        },
        { id: 'path', kind: 'error', status: 502, match: { paths: ['/book/:id'], methods: ['put'] } },
      ],
    });
    const { app } = makeApp({ rules });
    expect((await app.request('/venues', { headers: { 'x-client': 'x' } })).status).toBe(200);
    expect((await app.request('/book/1', { method: 'PUT', headers: { 'x-client': 'x' } })).status).toBe(500);
    expect((await app.request('/book/1', { method: 'PUT', headers: { 'x-client': 'y' } })).status).toBe(502);
  });

  it('phase "after" lets the handler change state before the client gets the error; times limits the hits', async () => {
    const { app, f, handled } = makeApp({
      rules: parseFaultConfig([{ id: 't', kind: 'error', status: 504, phase: 'after', times: 2 }]),
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.request('/book/1', { method: 'PUT' })).status);
    expect(statuses).toEqual([504, 504, 200]);
    expect(handled()).toBe(3);
    expect(f.controller.list()).toEqual([
      { id: 't', kind: 'error', status: 504, phase: 'after', probability: 1, times: 2, hits: 2 },
    ]);
  });

  it('samples fixed, uniform and log-normal latency through the injected sleep, reproducibly', async () => {
    const fixed = makeApp({ rules: parseFaultConfig([{ kind: 'latency', latency: 120 }]) });
    await fixed.app.request('/venues');
    expect(fixed.delays).toEqual([120]);

    const uniformRun = async () => {
      const { app, delays } = makeApp({
        rules: parseFaultConfig([
          { kind: 'latency', latency: { distribution: 'uniform', minMs: 100, maxMs: 200 } },
        ]),
      });
      for (let i = 0; i < 50; i++) await app.request('/venues');
      return delays;
    };
    const uniform = await uniformRun();
    expect(uniform).toHaveLength(50);
    expect(uniform.every((d) => Number.isInteger(d) && d >= 100 && d <= 200)).toBe(true);
    expect(new Set(uniform).size).toBeGreaterThan(20);
    expect(await uniformRun()).toEqual(uniform);

    const logn = makeApp({
      rules: parseFaultConfig([
        { kind: 'latency', latency: { distribution: 'lognormal', medianMs: 100, sigma: 0.5 } },
      ]),
    });
    for (let i = 0; i < 400; i++) await logn.app.request('/venues');
    const sorted = [...logn.delays].sort((a, b) => a - b);
    expect(sorted[200]).toBeGreaterThan(85);
    expect(sorted[200]).toBeLessThan(118);
    expect(sorted[399]).toBeGreaterThan(200); // a real tail: exp(0.5 * 2.5) ≈ 3.5 × median at the 99.4th percentile
  });

  it('reports config mistakes all at once, with JSON pointers', () => {
    expect(() =>
      parseFaultConfig({
        rules: [
          { kind: 'error', status: 418, probability: 2 },
          { kind: 'teleport' },
          { kind: 'latency', latency: { distribution: 'uniform', minMs: 5, maxMs: 1 } },
        ],
      }),
    ).toThrow(
      new ConfigError('fault config', [
        { pointer: '/rules/0/probability', message: 'must be a number from 0 to 1' },
        {
          pointer: '/rules/0/status',
          message: 'must be one of 400, 401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504',
        },
        { pointer: '/rules/1/kind', message: 'must be one of latency, error, drop, slow_body' },
        { pointer: '/rules/2/latency/maxMs', message: 'must not be less than minMs' },
      ]),
    );
  });

  it('is managed at runtime through its controller', async () => {
    const { app, f } = makeApp();
    expect((await app.request('/venues')).status).toBe(200);
    const rule = f.controller.add({ kind: 'error', status: 500 });
    expect(rule.id).toBe('rule-1');
    expect(f.controller.add({ id: 'second', kind: 'drop' }).id).toBe('second');
    expect(() => f.controller.add({ id: 'second', kind: 'drop' })).toThrow(/duplicates the id "second"/);
    expect((await app.request('/venues')).status).toBe(500);
    expect(f.controller.remove('rule-1')).toBe(true);
    expect(f.controller.remove('rule-1')).toBe(false);
    await expect(app.request('/venues')).rejects.toThrow(/Connection dropped by fault injection \(second\)/);
    f.controller.clear();
    expect(f.controller.list()).toEqual([]);
    expect((await app.request('/venues')).status).toBe(200);
  });
});

describe('Prefer header', () => {
  it('code=429 returns a spec-valid 429: envelope, Retry-After and X-RateLimit-*', async () => {
    const { app } = makeApp({ withRateLimit: true });
    const res = await app.request('/venues', { headers: { Prefer: 'code=429' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(res.headers.get('X-RateLimit-Limit')).toBe('600');
    expect(res.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(Number(res.headers.get('X-RateLimit-Reset'))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as Envelope;
    expect(body).toMatchObject({ status: 429, code: 429, request_id: 'rid' });
    expect(body.msg).toMatch(/^Rate limit exceeded .*retry after 1 seconds\.$/);

    // Without a rate limiter in front the headers are still there.
    const bare = await makeApp().app.request('/venues', { headers: { Prefer: 'code=429; retry-after=7' } });
    expect([
      bare.headers.get('Retry-After'),
      bare.headers.get('X-RateLimit-Limit'),
      bare.headers.get('X-RateLimit-Reset'),
    ]).toEqual(['7', '600', '7']);
  });

  it.each([
    [
      'code=abc',
      'Invalid Prefer header: code must be one of 400, 401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504 (the statuses the API documents); got "abc".',
    ],
    [
      'code=418',
      'Invalid Prefer header: code must be one of 400, 401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504 (the statuses the API documents); got "418".',
    ],
    ['latency=fast', 'Invalid Prefer header: latency must be milliseconds from 0 to 300000; got "fast".'],
    ['drop=maybe', 'Invalid Prefer header: drop must be true or false; got "maybe".'],
    [
      'cod=503',
      'Invalid Prefer header: unknown preference "cod"; supported: code, latency, drop, slow, retry-after, phase.',
    ],
    ['code=503, code=500', 'Invalid Prefer header: "code" is given more than once.'],
    ['phase=after', 'Invalid Prefer header: phase only applies together with code or drop=true.'],
  ])('Prefer: %s → 422 with a clear message', async (prefer, msg) => {
    const { app } = makeApp();
    const res = await app.request('/venues', { headers: { Prefer: prefer } });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ status: 422, code: 422, msg, request_id: 'rid' });
  });

  it('combines directives with commas or semicolons, and ignores preferences meant for others', async () => {
    const { app, delays } = makeApp();
    const res = await app.request('/venues', {
      headers: { Prefer: 'return=minimal, latency=250; code="503"' },
    });
    expect(res.status).toBe(503);
    expect(delays).toEqual([250]);
    expect((await app.request('/venues', { headers: { Prefer: 'respond-async, example=foo' } })).status).toBe(
      200,
    );
    await app.request('/venues', { headers: { Prefer: 'latency=10-20' } });
    expect(delays[1]).toBeGreaterThanOrEqual(10);
    expect(delays[1]).toBeLessThanOrEqual(20);
  });

  it('overrides the configured rules kind by kind', async () => {
    const { app, delays } = makeApp({
      rules: parseFaultConfig([
        { kind: 'error', status: 503 },
        { kind: 'latency', latency: 40 },
      ]),
    });
    expect((await app.request('/venues', { headers: { Prefer: 'code=409' } })).status).toBe(409);
    expect((await app.request('/venues', { headers: { Prefer: 'latency=5' } })).status).toBe(503);
    expect(delays).toEqual([40, 5]);
  });

  it('slow=… streams the body complete, in several chunks, sleeping between them', async () => {
    const { app, delays } = makeApp({ preferChunkBytes: 16 });
    const expected = await (await app.request('/venues')).text();
    const res = await app.request('/venues', { headers: { Prefer: 'slow=30' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.length).toBe(Math.ceil(expected.length / 16));
    expect(chunks.every((ch) => ch.byteLength <= 16)).toBe(true);
    expect(Buffer.concat(chunks).toString()).toBe(expected);
    expect(delays).toEqual(Array(chunks.length - 1).fill(30));
  });

  it('drop=true in-process makes app.request reject like a network error', async () => {
    const { app } = makeApp();
    await expect(app.request('/venues', { headers: { Prefer: 'drop' } })).rejects.toSatisfy(
      isConnectionDropped,
    );
  });
});
