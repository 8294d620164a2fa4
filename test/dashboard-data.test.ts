/**
 * The read models and the event stream behind the dashboard, in-process: table states on the floor,
 * the availability grid against the availability operation itself, and the Server-Sent Events a
 * page receives when the API, the clock or the control API change something.
 */
import { describe, expect, it } from 'vitest';
import { floorStates, type FloorBooking } from '../mock-server/dashboard/floor-state.js';
import type { Table } from '../mock-server/domain/model.js';
import { CREDENTIALS, guest, testServer } from './support/harness.js';

const TODAY = '2026-12-07'; // the harness clock: Monday 12:00 in New York
const table = (id: string): Table => ({ id, number: id, seatingAreaId: 'a', minCovers: 1, maxCovers: 4 });
const booking = (id: string, status: string, startMin: number, tableId: string): FloorBooking => ({
  id,
  referenceCode: id.toUpperCase(),
  status,
  startMin,
  durationMin: 90,
  partySize: 2,
  tableIds: [tableId],
  guestName: `Guest ${id}`,
});

describe('floor states', () => {
  it('reads each table the way a host does: seated, late, held, booked soon, free', () => {
    const now = 12 * 60;
    const states = floorStates(
      ['t1', 't2', 't3', 't4', 't5', 't6'].map(table),
      [
        booking('a', 'SEATED', 11 * 60 + 30, 't1'),
        booking('b', 'CONFIRMED', 11 * 60 + 50, 't2'), // started 10 minutes ago, not seated
        booking('c', 'CONFIRMED', 12 * 60 + 45, 't4'), // in 45 minutes
        booking('d', 'CONFIRMED', 19 * 60, 't5'), // tonight
        booking('e', 'CONFIRMED', 12 * 60 + 30, 't3'), // the hold wins over a later booking
      ],
      [{ id: 'h', startMin: 13 * 60, durationMin: 90, partySize: 4, tableIds: ['t3'], expiresMs: 0 }],
      now,
    );
    expect(states.map((s) => s.state)).toEqual(['seated', 'late', 'held', 'soon', 'free', 'free']);
    expect(states[1]).toMatchObject({ reservationId: 'b', minutes: 10 });
    expect(states[3]!.label).toBe('Guest c ×2 · 12:45');
    expect(states[4]).toMatchObject({ reservationId: 'd', label: 'next 19:00 · Guest d ×2' });
    expect(states[5]).toMatchObject({ reservationId: null, label: 'nothing booked' });
  });
});

describe('dashboard read models', () => {
  it('the availability grid offers exactly what the availability operation returns', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 4,
      ...guest(1),
    });
    const grid = (await (
      await t.control('GET', `/venues/${venue}/availability-grid?date=2026-12-08`)
    ).json()) as {
      partySizes: number[];
      rows: { time: string; coversTaken: number; cells: { partySize: number; bookable: boolean }[] }[];
    };
    expect(grid.rows.find((r) => r.time === '19:00')!.coversTaken).toBe(4);
    for (const partySize of [2, 6, 8]) {
      const reply = await t.get(
        `/venues/${venue}/availability?date=2026-12-08&party_size=${partySize}&start_time=00:00&end_time=23:59`,
        token,
      );
      const offered = reply.body.data.availability[0].timeslots.map((s: { time: string }) => s.time);
      const column = grid.rows.filter((r) => r.cells.find((c) => c.partySize === partySize)!.bookable);
      expect(column.map((r) => r.time)).toEqual(offered);
    }
  });

  it('a venue day lists reservations and live holds; the hold leaves when the clock passes its expiry', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.ava);
    const venue = t.venueId('harbor-grill');
    const ava = t.conciergeId('ava');
    const slots = await t.get(
      `/concierge/${ava}/venues/${venue}/availability/dining?date=${TODAY}&party_size=2&start_time=13:00&end_time=13:00`,
      token,
    );
    const slot = slots.body.data.availability[0].timeslots[0];
    await t.put(`/concierge/${ava}/venues/${venue}/holds`, token, {
      date: TODAY,
      time: '13:00',
      party_size: 2,
      shift_persistent_id: slot.shift_persistent_id,
      access_persistent_id: slot.access_persistent_id,
      hold_wait_time_sec: 60,
    });
    const day = async () => (await (await t.control('GET', `/venues/${venue}/day`)).json()) as Json;
    const before = await day();
    expect(before).toMatchObject({ date: TODAY, isToday: true, nowMin: 720 });
    expect(before.holds).toHaveLength(1);
    expect(before.floor.filter((s: { state: string }) => s.state === 'held')).toHaveLength(1);
    t.clock.advance(60_000);
    const after = await day();
    expect(after.holds).toEqual([]);
    expect(after.floor.some((s: { state: string }) => s.state === 'held')).toBe(false);
    expect((await t.control('GET', `/venues/${venue}/day?date=2026-13-01`)).status).toBe(400);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("the store's every-status day index", () => {
  it('matches a full scan after seeding, cancelling and a snapshot round trip', async () => {
    const t = testServer({ volume: { guests: 300, daysOfHistory: 10, daysAhead: 5 } });
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-09',
      time: '19:00',
      party_size: 2,
      ...guest(3),
    });
    expect((await t.del(`/reservations/${booked.body.data.reservation_id}`, token)).status).toBe(200);
    const scan = (date: string) =>
      [...t.mock.store.reservations.values()]
        .filter((r) => r.venueId === venue && r.date === date)
        .map((r) => r.id)
        .sort();
    const indexed = (date: string) =>
      [...t.mock.store.reservationsOnDate(venue, date)].map((r) => r.id).sort();
    const dates = ['2026-11-30', '2026-12-05', '2026-12-07', '2026-12-09', '2026-12-11'];
    for (const date of dates) expect(indexed(date)).toEqual(scan(date));
    expect(indexed('2026-12-09')).toContain(booked.body.data.reservation_id);
    const snapshot = await (await t.control('GET', '/state')).json();
    await t.control('POST', '/reset');
    await t.control('PUT', '/state', snapshot);
    for (const date of dates) expect(indexed(date)).toEqual(scan(date));
    const day = (await (await t.control('GET', `/venues/${venue}/day?date=2026-12-09`)).json()) as Json;
    expect(
      day.reservations.find((r: { id: string }) => r.id === booked.body.data.reservation_id).status,
    ).toBe('CANCELED');
  });
});

/** Reads Server-Sent Events from a streaming response until `until` says stop. */
async function readEvents(res: Response, until: (events: { event: string; data: Json }[]) => boolean) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { event: string; data: Json }[] = [];
  let buffer = '';
  while (!until(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

describe('GET /_mock/events', () => {
  it('streams store changes, clock moves and control writes; a reservation history records its changes', async () => {
    const t = testServer();
    const res = await t.control('GET', '/events');
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const events = readEvents(res, (list) =>
      list.some((e) => e.event === 'control' && e.data.operationId === 'resetState'),
    );
    await new Promise((r) => setTimeout(r, 50));
    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      ...guest(2),
    });
    const reference: string = booked.body.data.reservation.reference_code;
    const id = booked.body.data.reservation_id;
    await t.control('POST', `/venues/${venue}/reservations/${id}/status`, { status: 'ARRIVED' });
    const history = (await (await t.control('GET', `/reservations/${reference}/history`)).json()) as {
      history: { source: string; title: string; detail: string | null }[];
    };
    expect(history.history.map((h) => h.source)).toEqual(
      expect.arrayContaining(['record', 'change', 'request']),
    );
    expect(history.history.find((h) => h.detail?.includes('"CONFIRMED" → "ARRIVED"'))).toBeTruthy();
    await new Promise((r) => setTimeout(r, 300));
    await t.control('POST', '/clock/advance', { seconds: 60 });
    await t.control('POST', '/reset');
    const seen = await events;
    expect(seen[0]).toMatchObject({ event: 'hello', data: { clock: { mode: 'frozen' } } });
    const changes = seen.filter((e) => e.event === 'change').flatMap((e) => e.data.changes);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityType: 'reservation',
          eventType: 'created',
          referenceCode: reference,
        }),
        expect.objectContaining({
          eventType: 'updated',
          status: 'ARRIVED',
          fields: expect.arrayContaining(['status']),
        }),
      ]),
    );
    expect(
      seen.some(
        (e) =>
          e.event === 'journal' &&
          e.data.entries.some((j: { operationId: string }) => j.operationId === 'bookVenueReservation'),
      ),
    ).toBe(true);
    expect(
      seen.some((e) => e.event === 'clock' && e.data.epochMs === Date.parse('2026-12-07T17:01:00Z')),
    ).toBe(true);
    // The page left: the store no longer renders changes for anybody.
    await expect.poll(() => t.mock.feed.active).toBe(false);
  });
});
