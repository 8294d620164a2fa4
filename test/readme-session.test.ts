/**
 * The README's curl session quotes real outputs. This replays it — same server defaults, same
 * frozen clock, same requests in the same order — and checks the values the README shows, so a
 * change to the defaults that would make the README lie fails here first. (Update the README from a
 * real run: `npm start -- --clock 2026-12-07T17:00:00Z`, then the session's commands.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { createMockServer } from '../mock-server/server.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const session = README.slice(
  README.indexOf('## A first session with curl'),
  README.indexOf('## A sync loop'),
);
const quoted = (pattern: RegExp) => [...session.matchAll(pattern)].map((m) => m[1]);

describe('README curl session', () => {
  it('shows what the mock really answers', async () => {
    const mock = createMockServer({ clock: new ManualClock('2026-12-07T17:00:00Z') });
    const call = async (method: string, path: string, token?: string, form?: Record<string, string>) => {
      const res = await mock.app.request(`/2_4${path}`, {
        method,
        headers: token ? { authorization: token } : {},
        body: form ? new URLSearchParams(form) : undefined,
      });
      return (await res.json()) as { data: Record<string, unknown> & { [k: string]: never } };
    };
    const ava = quoted(/^AVA=(\S+)/gm)[0]!;
    const venue = quoted(/^VENUE=(\S+)/gm)[0]!;
    const auth = await call('POST', '/auth', undefined, {
      client_id: 'luxe-ava',
      client_secret: 'luxe-ava-secret',
    });
    const token = auth.data.token as unknown as string;
    expect(session).toContain(`"token":"${token.slice(0, 8)}…${token.slice(-6)}"`);

    const availability = (await call(
      'GET',
      `/concierge/${ava}/venues/${venue}/availability/dining?date=2026-12-08&party_size=2&start_time=19:00&end_time=19:30`,
      token,
    )) as unknown as {
      data: {
        availability: { timeslots: { pacing_covers_remaining: number; access_persistent_id: string }[] }[];
      };
    };
    const slots = availability.data.availability[0]!.timeslots;
    expect(quoted(/"pacing_covers_remaining":(\d+)/g).map(Number)).toEqual(
      slots.map((s) => s.pacing_covers_remaining),
    );

    const hold = await call('PUT', `/concierge/${ava}/venues/${venue}/holds`, token, {
      date: '2026-12-08',
      time: '19:00',
      party_size: '2',
      shift_persistent_id: `${venue}-DINNER-1647967825.6`,
      access_persistent_id: slots[0]!.access_persistent_id,
    });
    const holdId = hold.data.reservation_hold_id as unknown as string;
    expect(quoted(/"reservation_hold_id":"([\d.]+)"/g)).toEqual([holdId]);

    const booked = (await call('PUT', `/concierge/${ava}/venues/${venue}/book`, token, {
      date: '2026-12-08',
      time: '19:00',
      party_size: '2',
      first_name: 'Ada',
      last_name: 'Lovelace',
      phone: '+12125550143',
      reservation_hold_id: holdId,
    })) as unknown as {
      data: { reservation_id: string; reservation: { reference_code: string; table_numbers: string[] } };
    };
    expect(quoted(/"reservation_id":"(ah[\w-]+)"/g)[0]).toBe(booked.data.reservation_id);
    expect(quoted(/"reference_code":"([A-Z0-9]{7})"/g)[0]).toBe(booked.data.reservation.reference_code);
    expect(quoted(/"table_numbers":\[("[^\]]*")\]/g)[0]).toBe(
      JSON.stringify(booked.data.reservation.table_numbers[0]),
    );
  });
});
