import { Hono, type MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { RequestJournal } from '../mock-server/journal/journal.js';
import { journalRequests } from '../mock-server/journal/journal-middleware.js';
import { JsonText } from '../mock-server/render/json-text.js';
import { okJsonText, type MockEnv } from '../mock-server/routes/context.js';

// Cached renderings are sent as bytes; what arrives must be exactly what the plain envelope is.
function appAnswering(data: unknown, status: 200 | 201, asBytes: boolean, journal?: RequestJournal) {
  const app = new Hono<MockEnv>();
  if (journal)
    app.use(
      '*',
      journalRequests({ journal, clock: new ManualClock(0) }) as unknown as MiddlewareHandler<MockEnv>,
    );
  app.get('/', (c) => {
    c.set('requestId', '1796738400.0f0e-"quoted"-é');
    const text = JSON.stringify(data);
    return okJsonText(c, asBytes ? new JsonText(text) : text, status);
  });
  return app;
}

describe('okJsonText', () => {
  const data = { name: 'Zoë Ångström 🍷', notes: 'a "quoted" \\ line\nnext', n: [1, 2.5, null] };
  // Long texts go out as bytes, short ones as strings (routes/context.ts): both must be exact.
  const long = { ...data, menu: Array.from({ length: 400 }, (_, i) => `plat ${i} — crème brûlée`) };

  it.each([
    [200, 'short', data],
    [201, 'short', data],
    [200, 'long', long],
    [201, 'long', long],
  ] as const)(
    'sends a JsonText as the bytes JSON.stringify gives (status %i, %s)',
    async (status, _, body) => {
      const expected = JSON.stringify({ status, data: body, request_id: '1796738400.0f0e-"quoted"-é' });
      const cached = await appAnswering(body, status, true).request('/');
      const text = await appAnswering(body, status, false).request('/');
      expect(cached.status).toBe(status);
      expect(Buffer.from(await cached.arrayBuffer())).toEqual(Buffer.from(expected));
      expect(await text.text()).toBe(expected);
      expect(cached.headers.get('content-type')).toBe('application/json');
    },
  );

  it('lets the journal record the text of an answer sent as bytes', async () => {
    const journal = new RequestJournal();
    await appAnswering(long, 200, true, journal).request('/');
    const [entry] = journal.query();
    expect(entry?.responseBody).toBe(
      JSON.stringify({ status: 200, data: long, request_id: '1796738400.0f0e-"quoted"-é' }),
    );
    expect(entry?.responseBodyTruncated).toBe(false);
    // The headers it was sent with, as a Headers object lists them (lower-case names).
    expect(entry?.responseHeaders).toEqual({
      'access-control-allow-origin': '*',
      'access-control-expose-headers':
        'Retry-After,X-RateLimit-Limit,X-RateLimit-Remaining,X-RateLimit-Reset',
      'content-type': 'application/json',
    });
  });

  it('journals a long answer cut to the cap', async () => {
    const journal = new RequestJournal({ maxBodyBytes: 1024 });
    await appAnswering(long, 200, false, journal).request('/');
    const [entry] = journal.query();
    expect(entry?.responseBodyTruncated).toBe(true);
    expect(Buffer.byteLength(entry!.responseBody!)).toBeLessThanOrEqual(1024);
    expect(JSON.stringify({ status: 200, data: long }).startsWith(entry!.responseBody!.slice(0, 100))).toBe(
      true,
    );
  });

  it('encodes a JsonText once and reuses the bytes', () => {
    const json = new JsonText('{"a":"é"}');
    expect(json.bytes).toBe(json.bytes);
    expect(json.bytes.toString('utf8')).toBe('{"a":"é"}');
  });
});
