import { describe, expect, it } from 'vitest';
import { createLogger } from '../mock-server/logger.js';
import { seedProgressCounter } from '../mock-server/cli/seed-progress.js';
import { createMockServer } from '../mock-server/server.js';
import { CREDENTIALS, EMPTY_VOLUME } from './support/harness.js';

describe('trailing slashes', () => {
  const { app } = createMockServer({ volume: EMPTY_VOLUME });

  it('are a 404 naming the path without the slash, never a contradictory 405', async () => {
    for (const path of ['/2_4/venues/', '/api-ext/2_2/clients/export/', '/2_4/auth/']) {
      const res = await app.request(path, { method: path.endsWith('auth/') ? 'POST' : 'GET' });
      const body = (await res.json()) as { status: number; msg: string };
      expect(res.status, path).toBe(404);
      expect(body.status).toBe(404);
      expect(body.msg).toContain(`(API paths have no trailing slash: ${path.slice(0, -1)})`);
    }
  });

  it('leave the 405 for a real wrong method, each allowed method named once', async () => {
    const res = await app.request('/2_4/clients/export', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(((await res.json()) as { msg: string }).msg).toMatch(/use GET$/);
  });
});

describe('access log', () => {
  it('writes one info line per request: method, path, status, ms, operation', async () => {
    const lines: string[] = [];
    const { app } = createMockServer({
      volume: EMPTY_VOLUME,
      logger: createLogger('info', (l) => lines.push(l)),
    });
    await app.request('/2_4/auth', { method: 'POST', body: new URLSearchParams(CREDENTIALS.harbor) });
    await app.request('/2_4/nowhere');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[info\] POST \/2_4\/auth 200 \d+\.\dms authenticate$/);
    expect(lines[1]).toMatch(/^\[info\] GET \/2_4\/nowhere 404 \d+\.\dms -$/);
  });

  it('logs the control API on its own port too', async () => {
    const lines: string[] = [];
    const { controlApp } = createMockServer({
      volume: EMPTY_VOLUME,
      control: 'separate',
      logger: createLogger('info', (l) => lines.push(l)),
    });
    await controlApp!.request('/_mock/clock');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[info\] GET \/_mock\/clock \d{3} \d+\.\dms /);
  });

  it('is off below info', async () => {
    const lines: string[] = [];
    const { app } = createMockServer({
      volume: EMPTY_VOLUME,
      logger: createLogger('warn', (l) => lines.push(l)),
    });
    await app.request('/2_4/auth', { method: 'POST', body: new URLSearchParams(CREDENTIALS.harbor) });
    expect(lines).toEqual([]);
  });
});

describe('seeding counter', () => {
  it('counts venues and reservations in place on a terminal while a large world is seeded', () => {
    let out = '';
    const counter = seedProgressCounter(
      { write: (text: string) => (out += text) },
      { delayMs: 0, everyMs: 0 },
    );
    createMockServer({
      volume: { guests: 200, daysOfHistory: 30, daysAhead: 7 },
      onSeedProgress: counter.update,
    });
    counter.done();
    expect(out).toMatch(/\rSeeding… 1\/4 venues, [\d,]+ reservations/);
    expect(out).toMatch(/\rSeeding… 4\/4 venues, [\d,]+ reservations/);
    expect(out).toMatch(/\rSeeded in \d+\.\d s\. +\n$/);
  });

  it('prints nothing for a quick start', () => {
    let out = '';
    const counter = seedProgressCounter({ write: (text: string) => (out += text) });
    createMockServer({ volume: EMPTY_VOLUME, onSeedProgress: counter.update });
    counter.done();
    expect(out).toBe('');
  });
});
