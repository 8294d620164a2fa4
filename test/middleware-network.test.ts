import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { MockError, toWireError } from '../mock-server/errors.js';
import { RequestJournal } from '../mock-server/journal/journal.js';
import { journalRequests } from '../mock-server/journal/journal-middleware.js';
import { isConnectionDropped } from '../mock-server/middleware/drop.js';
import { faults } from '../mock-server/middleware/faults.js';
import type { MiddlewareEnv } from '../mock-server/middleware/types.js';
import { createRandom } from '../mock-server/random.js';

// These tests need a real socket: @hono/node-server on 127.0.0.1, port 0.

let server: ServerType | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen() {
  const journal = new RequestJournal();
  const app = new Hono<MiddlewareEnv>();
  app.onError((err, c) => {
    if (isConnectionDropped(err)) throw err;
    if (err instanceof MockError)
      return c.json(toWireError(err.status, err.message, 'rid'), err.status as ContentfulStatusCode, {
        ...err.headers,
      });
    return c.json(toWireError(500, String(err), 'rid'), 500);
  });
  app.use('*', journalRequests({ journal, clock: new ManualClock(0) }));
  // Small real delays between chunks: the point is that they reach the client as separate writes.
  app.use(
    '*',
    faults({
      random: createRandom(1),
      preferChunkBytes: 8,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    }),
  );
  app.get('/venues', (c) => c.json({ status: 200, data: { results: ['a', 'b', 'c'] } }));
  app.put('/book', async (c) => c.json({ status: 200, data: { echo: await c.req.text() } }));
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  return { port, journal };
}

interface Outcome {
  status?: number;
  chunks: string[];
  error?: NodeJS.ErrnoException;
}

/** A plain node:http request (no keep-alive), recording each `data` event. */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const out: Outcome = { chunks: [] };
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      out.status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (d: string) => out.chunks.push(d));
      res.on('end', () => resolve(out));
      res.on('error', (error) => resolve({ ...out, error }));
    });
    req.on('error', (error) => resolve({ ...out, error }));
    req.end(body);
  });
}

describe('faults over a real socket', () => {
  it('Prefer: drop=true closes the socket without a response; the journal says so', async () => {
    const { port, journal } = await listen();
    const out = await get(port, '/venues', { Prefer: 'drop=true' });
    expect(out.status).toBeUndefined();
    expect(out.error?.code).toBe('ECONNRESET');
    expect(out.error?.message).toMatch(/socket hang up|ECONNRESET/);
    // The server is unharmed.
    expect((await get(port, '/venues')).status).toBe(200);
    const [, dropped] = journal.query();
    expect(dropped).toMatchObject({
      status: 0,
      error: 'connection dropped (fault injection)',
      faults: [{ rule: 'prefer', kind: 'drop' }],
    });
  });

  it('drop after the handler ran (phase=after) still closes the socket', async () => {
    const { port, journal } = await listen();
    const out = await get(
      port,
      '/book',
      { Prefer: 'drop, phase=after', 'content-type': 'text/plain' },
      'PUT',
      'hello',
    );
    expect(out.error?.code).toBe('ECONNRESET');
    expect(journal.query({ limit: 1 })[0]).toMatchObject({ status: 0, requestBody: 'hello' });
  });

  it('Prefer: slow=… delivers the complete body in several chunks, and the journal still gets all of it', async () => {
    const { port, journal } = await listen();
    const plain = await get(port, '/venues');
    const slow = await get(port, '/venues', { Prefer: 'slow=15' });
    expect(slow.status).toBe(200);
    expect(slow.chunks.join('')).toBe(plain.chunks.join(''));
    expect(slow.chunks.length).toBeGreaterThanOrEqual(3);
    await journal.settled();
    expect(journal.query({ limit: 1 })[0]!.responseBody).toBe(plain.chunks.join(''));
  });
});
