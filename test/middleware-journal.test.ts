import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { MockError, notFound, toWireError } from '../mock-server/errors.js';
import { RequestJournal, type RequestJournalOptions } from '../mock-server/journal/journal.js';
import { journalRequests } from '../mock-server/journal/journal-middleware.js';
import { isConnectionDropped } from '../mock-server/middleware/drop.js';
import { faults } from '../mock-server/middleware/faults.js';
import type { MiddlewareEnv } from '../mock-server/middleware/types.js';
import { createRandom } from '../mock-server/random.js';

const START = '2025-06-01T12:00:00.000Z';

function makeApp(options: RequestJournalOptions = {}) {
  const clock = new ManualClock(START);
  const journal = new RequestJournal(options);
  let tick = 0;
  const app = new Hono<MiddlewareEnv>();
  app.onError((err, c) => {
    if (isConnectionDropped(err)) throw err;
    if (err instanceof MockError)
      return c.json(toWireError(err.status, err.message, 'rid'), err.status as ContentfulStatusCode, {
        ...err.headers,
      });
    return c.json(toWireError(500, String(err), 'rid'), 500);
  });
  app.use('*', journalRequests({ journal, clock, timer: () => (tick += 2.5) }));
  app.use('*', async (c, next) => {
    const auth = c.req.header('authorization');
    c.set(
      'operationId',
      c.req.method === 'POST' ? 'authenticate' : c.req.path === '/missing' ? 'getVenue' : 'listVenues',
    );
    c.set('credentialKey', auth ? `client:${auth.slice(0, 3)}` : undefined);
    await next();
  });
  app.use('*', faults({ random: createRandom(1), sleep: () => Promise.resolve(), preferChunkBytes: 4 }));
  app.get('/venues', (c) =>
    c.json({ status: 200, data: { results: [], limit: Number(c.req.query('limit') ?? 30) } }),
  );
  app.get('/missing', () => {
    throw notFound('Venue not found.');
  });
  app.post('/auth', async (c) => {
    const form = await c.req.parseBody();
    return c.json({ status: 200, msg: 'Successfully authenticated.', data: { client: form.client_id } });
  });
  app.post('/big', async (c) => c.text((await c.req.text()).toUpperCase()));
  return { app, journal, clock };
}

describe('request journal', () => {
  it('records request and response bodies and redacts credentials, without disturbing the handler', async () => {
    const { app, journal } = makeApp();
    const res = await app.request('/auth', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'abc-secret-token' },
      body: 'client_id=acme&client_secret=s3cr3t',
    });
    expect(await res.json()).toEqual({
      status: 200,
      msg: 'Successfully authenticated.',
      data: { client: 'acme' },
    });
    await journal.settled();
    expect(journal.query()).toEqual([
      {
        id: 1,
        at: Date.parse(START),
        atIso: START,
        method: 'POST',
        path: '/auth',
        query: '',
        operationId: 'authenticate',
        credential: 'client:abc',
        status: 200,
        durationMs: 2.5,
        requestHeaders: { 'content-type': 'application/x-www-form-urlencoded', authorization: '[redacted]' },
        requestBody: 'client_id=acme&client_secret=[redacted]',
        requestBodyTruncated: false,
        responseHeaders: { 'content-type': 'application/json' },
        responseBody: '{"status":200,"msg":"Successfully authenticated.","data":{"client":"acme"}}',
        responseBodyTruncated: false,
        faults: [],
      },
    ]);
  });

  it('keeps only the last `capacity` entries, newest first, with ids that keep counting', async () => {
    const { app, journal } = makeApp({ capacity: 3 });
    for (let i = 1; i <= 5; i++) await app.request(`/venues?limit=${i}`);
    expect(journal.size).toBe(3);
    expect(journal.query().map((e) => [e.id, e.query])).toEqual([
      [5, 'limit=5'],
      [4, 'limit=4'],
      [3, 'limit=3'],
    ]);
    journal.clear();
    expect(journal.query()).toEqual([]);
    await app.request('/venues');
    expect(journal.query()[0]!.id).toBe(6);
  });

  it('filters by operationId, status or status class, credential, and limits to the last N', async () => {
    const { app, journal } = makeApp();
    await app.request('/venues', { headers: { authorization: 'aaa1' } });
    await app.request('/missing', { headers: { authorization: 'bbb1' } });
    await app.request('/venues', { headers: { authorization: 'bbb2', Prefer: 'code=503' } });
    await app.request('/venues', { headers: { authorization: 'aaa2' } });
    const ids = (q: Parameters<RequestJournal['query']>[0]) => journal.query(q).map((e) => e.id);
    expect(ids({ operationId: 'listVenues' })).toEqual([4, 3, 1]);
    expect(ids({ status: 404 })).toEqual([2]);
    expect(ids({ status: '5xx' })).toEqual([3]);
    expect(ids({ status: '2xx', credential: 'client:aaa' })).toEqual([4, 1]);
    expect(ids({ credential: 'client:bbb', limit: 1 })).toEqual([3]);
    expect(journal.query({ status: 503 })[0]).toMatchObject({
      faults: [{ rule: 'prefer', kind: 'error', detail: '503 (before)' }],
      responseHeaders: { 'content-type': 'application/json' },
    });
  });

  it('truncates bodies at maxBodyBytes and says so', async () => {
    const { app, journal } = makeApp({ maxBodyBytes: 10 });
    const res = await app.request('/big', { method: 'POST', body: 'x'.repeat(50) });
    expect(await res.text()).toBe('X'.repeat(50)); // the client gets everything
    await journal.settled();
    expect(journal.query()[0]).toMatchObject({
      requestBody: 'x'.repeat(10),
      requestBodyTruncated: true,
      responseBody: 'X'.repeat(10),
      responseBodyTruncated: true,
    });
  });

  it('captures a slow body without holding it back from the client', async () => {
    const { app, journal } = makeApp();
    const res = await app.request('/venues', { headers: { Prefer: 'slow=5' } });
    // The entry exists as soon as the response does; the body fills in as it streams.
    expect(journal.query()[0]).toMatchObject({ status: 200, faults: [{ kind: 'slow_body' }] });
    const text = await res.text();
    await journal.settled();
    expect(journal.query()[0]!.responseBody).toBe(text);
  });

  it('records dropped connections in-process, and does nothing at all when disabled', async () => {
    const { app, journal } = makeApp();
    await expect(app.request('/venues', { headers: { Prefer: 'drop' } })).rejects.toSatisfy(
      isConnectionDropped,
    );
    expect(journal.query()[0]).toMatchObject({
      status: 0,
      error: 'connection dropped (fault injection)',
      responseBody: null,
    });
    journal.enabled = false;
    await app.request('/venues');
    expect(journal.size).toBe(1);
  });
});
