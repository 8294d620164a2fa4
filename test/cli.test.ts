import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ctl, ctlRequest, parseDuration } from '../mock-server/cli/ctl.js';
import { serve } from '../mock-server/cli/serve.js';
import { UsageError } from '../mock-server/cli/usage-error.js';
import { serverPerTest } from './support/serve-quietly.js';

const { start, stopAfterTest } = serverPerTest();

describe('sevenrooms-mock serve', () => {
  it('starts on a port, prints the URL and every credential with its scope, and serves the API', async () => {
    const { url, banner } = await start(['--clock', '2026-12-07T17:00:00Z']);
    for (const id of ['harbor-pos', 'thames-crm', 'luxe-ava', 'luxe-noah', 'luxe-group'])
      expect(banner).toContain(id);
    expect(banner).toMatch(/venue_group_id=ah/);
    expect(banner).toMatch(/concierge_id=ah/);
    const auth = await request(url)
      .post('/2_4/auth')
      .type('form')
      .send({ client_id: 'harbor-pos', client_secret: 'harbor-pos-secret' });
    expect(auth.status).toBe(200);
    const venues = await request(url).get('/api-ext/2_2/venues').set('Authorization', auth.body.data.token);
    expect(venues.status).toBe(200);
    expect(venues.headers['x-ratelimit-limit']).toBe('600');
  });

  it('takes a rate limit from the command line', async () => {
    const { url } = await start(['--rate-limit', '2/60']);
    const token = (
      await request(url)
        .post('/2_4/auth')
        .type('form')
        .send({ client_id: 'harbor-pos', client_secret: 'harbor-pos-secret' })
    ).body.data.token;
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await request(url).get('/2_4/venues').set('Authorization', token)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('serves the control API on its own port with --control-port', async () => {
    const { url, banner } = await start(['--control-port', '0']);
    const controlUrl = /Control API:\s+(http:\/\/\S+)\/_mock/.exec(banner)![1]!;
    expect(controlUrl).not.toBe(url);
    expect((await request(controlUrl).get('/_mock/health')).status).toBe(200);
    expect((await request(url).get('/_mock/health')).status).toBe(404);
  });

  it('refuses bad flags with a message naming them', async () => {
    await expect(serve(['--port', 'abc'], {})).rejects.toThrow(/--port must be a port number/);
    await expect(serve(['--rate-limit', 'lots'], {})).rejects.toThrow(UsageError);
    await expect(serve(['--clock', 'someday'], {})).rejects.toThrow(/--clock/);
    await expect(serve(['--admin-token', 'short'], {})).rejects.toThrow(/at least 12/);
  });
});

describe('sevenrooms-mock ctl', () => {
  it('maps commands to control-API requests', () => {
    expect(ctlRequest(['clock', 'advance', '15m'], {})).toEqual({
      method: 'POST',
      path: '/clock/advance',
      body: { seconds: 900 },
    });
    expect(ctlRequest(['seat', 'V', 'R'], { tables: '12, 14' })).toEqual({
      method: 'POST',
      path: '/venues/V/reservations/R/seat',
      body: { table_numbers: ['12', '14'] },
    });
    expect(ctlRequest(['status', 'V', 'R', 'arrived'], {}).body).toEqual({ status: 'ARRIVED' });
    expect(parseDuration('2h')).toBe(7200);
    expect(() => parseDuration('soon')).toThrow(UsageError);
    expect(() => ctlRequest(['seat', 'V'], {})).toThrow(/needs 2/);
  });

  it('drives a running mock', async () => {
    const { url } = await start(['--clock', '2026-12-07T17:00:00Z']);
    const lines: string[] = [];
    expect(await ctl(['clock', 'advance', '1h', '--url', url], {}, (s) => lines.push(s))).toBe(0);
    expect(JSON.parse(lines[0]!)).toMatchObject({ now: '2026-12-07T18:00:00.000Z', mode: 'frozen' });
    expect(await ctl(['status', 'nope', 'nope', 'SEATED', '--url', url], {}, (s) => lines.push(s))).toBe(1);
  });
});

describe('sevenrooms-mock serve --scenario', () => {
  it('starts from a named scenario with its own frozen clock', async () => {
    let banner = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      banner += String(chunk);
      return true;
    });
    stopAfterTest(
      await serve(['--port', '0', '--log-level', 'silent', '--scenario', 'fully-booked-friday'], {}),
    );
    vi.restoreAllMocks();
    expect(banner).toMatch(/Scenario:\s+fully-booked-friday/);
    expect(banner).toMatch(/Clock:\s+\d{4}-\d{2}-\d{2}T.*frozen by the scenario/);
    await expect(serve(['--scenario', 'no-such-scenario'], {})).rejects.toThrow(/known: .*quiet-weekday/);
  });
});
