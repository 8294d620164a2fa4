import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { ctl, ctlRequest } from '../mock-server/cli/ctl.js';
import { CREDENTIALS, guest, testServer } from './support/harness.js';

let listening: ServerType | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (listening ? listening.close(() => resolve()) : resolve()));
  listening = undefined;
});

async function running() {
  const t = testServer();
  const port = await new Promise<number>((resolve) => {
    listening = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  return { t, url: `http://127.0.0.1:${port}` };
}

describe('ctl: the venue answers reservation requests', () => {
  it('maps requests, accept and decline to the control API', () => {
    expect(ctlRequest(['requests', 'V'], {})).toEqual({ method: 'GET', path: '/venues/V/requests' });
    expect(ctlRequest(['accept', 'V', 'R'], { time: '19:15', tables: '12,14' })).toEqual({
      method: 'POST',
      path: '/venues/V/requests/R/accept',
      body: { time: '19:15', table_numbers: ['12', '14'] },
    });
    expect(ctlRequest(['decline', 'V', 'R'], { reason: 'Full' })).toEqual({
      method: 'POST',
      path: '/venues/V/requests/R/decline',
      body: { reason: 'Full' },
    });
    expect(() => ctlRequest(['accept', 'V'], {})).toThrow(/needs 2/);
  });

  it('lists, accepts at another time and declines, against a running mock', async () => {
    const { t, url } = await running();
    const token = await t.login(CREDENTIALS.ava);
    const venue = t.venueId('harbor-grill');
    const base = `/concierge/${t.conciergeId('ava')}/venues/${venue}`;
    const ask = async (n: number) =>
      (
        await t.put(`${base}/request`, token, {
          date: '2026-12-08',
          time: '19:00',
          party_size: 2,
          ...guest(n),
        })
      ).body.data.request_id as string;
    const [first, second] = [await ask(1), await ask(2)];
    const lines: string[] = [];
    const run = (...args: string[]) => ctl([...args, '--url', url], {}, (s) => lines.push(s));

    expect(await run('requests', venue)).toBe(0);
    expect((JSON.parse(lines.pop()!) as { id: string }[]).map((r) => r.id)).toEqual([first, second]);

    expect(await run('accept', venue, first, '--time', '19:15', '--tables', '12')).toBe(0);
    const accepted = JSON.parse(lines.pop()!) as {
      request: { status: string };
      reservation: { arrival_time: string; table_numbers: string[] };
    };
    expect(accepted.request.status).toBe('ACCEPTED');
    expect(accepted.reservation).toMatchObject({ arrival_time: '7:15 PM', table_numbers: ['12'] });

    expect(await run('decline', venue, second, '--reason', 'Fully committed')).toBe(0);
    expect(JSON.parse(lines.pop()!)).toMatchObject({ id: second, status: 'DECLINED' });
    // Answering twice fails with the API's message and a non-zero exit.
    expect(await run('accept', venue, second)).toBe(1);
    expect(JSON.parse(lines.pop()!).msg).toMatch(/already been declined/);
  });
});
