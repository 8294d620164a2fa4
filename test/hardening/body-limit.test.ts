/** Findings 5 and 7: bodies are capped before anything reads them; a broken multipart body is a 400. */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createContractValidator } from '../../contracts/validate/index.js';
import { listen } from '../../mock-server/listen.js';
import { createMockServer } from '../../mock-server/server.js';
import { CREDENTIALS, EMPTY_VOLUME, testServer } from '../support/harness.js';

/** Streams `chunks` × `chunkBytes` as a chunked POST and resolves with the status and body. */
function streamPost(url: string, chunks: number, chunkBytes: number) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer and close while the client is still sending: that is the point.
    req.on('error', (err) =>
      err.message.includes('EPIPE') || err.message.includes('ECONNRESET') ? undefined : reject(err),
    );
    const chunk = Buffer.alloc(chunkBytes, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < chunks) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('request body cap', () => {
  it('answers 413 in the SevenRooms envelope for an oversized unauthenticated POST /auth, before reading it', async () => {
    const t = testServer();
    const big = `client_id=${'a'.repeat(2 * 1024 * 1024)}`;
    const declared = await t.app.request('/2_4/auth', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    const text = await declared.text();
    expect(JSON.parse(text)).toMatchObject({ status: 413, code: 413, msg: expect.stringMatching(/larger/) });
    const verdict = createContractValidator(t.mock.spec).validateResponse({
      method: 'POST',
      url: '/2_4/auth',
      status: 413,
      responseHeaders: Object.fromEntries(declared.headers),
      responseBody: text,
    });
    expect(verdict.violations).toEqual([]);
    const undeclared = await t.app.request('/2_4/auth', { method: 'POST', body: big });
    expect(undeclared.status).toBe(413);
    // Refused before the journal: nothing recorded it.
    const journal = (await (await t.control('GET', '/journal')).json()) as { entries: unknown[] };
    expect(journal.entries).toHaveLength(0);
  });

  it('is configurable, and the control API takes larger bodies (snapshot import) under its own cap', async () => {
    const t = testServer({ maxBody: { api: 64, control: 200_000 } });
    const form = { client_id: CREDENTIALS.harbor.client_id, client_secret: `${'x'.repeat(80)}` };
    expect((await t.send('POST', '/auth', { form })).status).toBe(413);
    expect((await t.send('POST', '/auth', { form: CREDENTIALS.harbor })).status).toBe(200);
    const snapshot = await (await t.control('GET', '/state')).text();
    expect(snapshot.length).toBeGreaterThan(64);
    expect((await t.control('PUT', '/state', JSON.parse(snapshot))).status).toBe(200);
    const huge = await t.control('PUT', '/state', { ...JSON.parse(snapshot), pad: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
  });

  it('over a real socket, a chunked 8 MB body is cut off with 413 and the server keeps answering', async () => {
    const mock = createMockServer({ volume: EMPTY_VOLUME });
    const server = await listen(mock, { port: 0 });
    try {
      const reply = await streamPost(`${server.url}/2_4/auth`, 128, 64 * 1024);
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.text)).toMatchObject({ status: 413, code: 413 });
      const health = await fetch(`${server.url}/_mock/health`);
      expect(health.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('malformed multipart', () => {
  it('is a 400 naming the problem, even unauthenticated, never a 500', async () => {
    const t = testServer();
    for (const path of ['/2_4/auth', `/2_4/venues/${t.venueId('harbor-grill')}/book`]) {
      const reply = await t.app.request(path, {
        method: path.endsWith('auth') ? 'POST' : 'PUT',
        headers: {
          'content-type': 'multipart/form-data; boundary=xx',
          ...(path.endsWith('auth') ? {} : { authorization: await t.login(CREDENTIALS.harbor) }),
        },
        body: '--xx\r\ngarbage',
      });
      expect(reply.status, path).toBe(400);
      expect(((await reply.json()) as { msg: string }).msg).toMatch(/multipart/);
    }
  });
});
