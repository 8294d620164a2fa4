import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer } from './support/harness.js';

// 2026-12-07 17:00 UTC is Monday noon in New York; Tuesday 2026-12-08 dinner is ahead of the clock.
const DATE = '2026-12-08';

const times = (reply: { body: { data: { availability: { timeslots: { time: string }[] }[] } } }) =>
  reply.body.data.availability[0]!.timeslots.map((t) => t.time);

describe('availability follows bookings, holds and cancellations', () => {
  it('booking the last table of a slot removes the slot from the next availability answer', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    // A party of 10 fits only table T5 (6–10 covers) at Harbor Grill.
    const query = `/venues/${venue}/availability?date=${DATE}&party_size=10&start_time=19:00&end_time=19:00`;
    expect(times(await t.get(query, token))).toEqual(['19:00']);

    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 10,
      ...guest(1),
    });
    expect(booked.status).toBe(200);
    expect(booked.body.data.reservation.table_numbers).toEqual(['T5']);

    expect(times(await t.get(query, token))).toEqual([]);
    // Stays of 10 last 150 minutes: any seating from 17:00 to 21:15 would overlap 19:00–21:30 at T5.
    const evening = await t.get(
      `/venues/${venue}/availability?date=${DATE}&party_size=10&start_time=17:00&end_time=21:45`,
      token,
    );
    expect(times(evening)).toEqual(['21:30', '21:45']);
  });

  it('a hold takes the slot until the clock passes its expiry, then it is back; cancelling frees a booking', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.ava);
    const ava = t.conciergeId('ava');
    const venue = t.venueId('harbor-grill');
    const availability = `/concierge/${ava}/venues/${venue}/availability/dining?date=${DATE}&party_size=8&start_time=19:00&end_time=19:00`;
    const before = await t.get(availability, token);
    const slot = before.body.data.availability[0].timeslots[0];
    expect(slot).toMatchObject({ time: '19:00', is_held: false });

    const hold = await t.put(`/concierge/${ava}/venues/${venue}/holds`, token, {
      date: DATE,
      time: '19:00',
      party_size: 8,
      shift_persistent_id: slot.shift_persistent_id,
      access_persistent_id: slot.access_persistent_id,
      hold_wait_time_sec: 120,
    });
    expect(hold.status).toBe(200);
    expect(hold.body.data).toMatchObject({
      hold_duration_sec: 120,
      shift_persistent_id: slot.shift_persistent_id,
    });
    expect(hold.body.data.reservation_hold_id).toMatch(/^\d{10}\.\d{6}$/);
    expect((await t.get(availability, token)).body.data.availability[0].timeslots).toEqual([]);

    t.clock.advance(119_000);
    expect((await t.get(availability, token)).body.data.availability[0].timeslots).toEqual([]);
    t.clock.advance(1_000);
    expect(times(await t.get(availability, token))).toEqual(['19:00']);

    const booked = await t.put(`/concierge/${ava}/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 8,
      ...guest(2),
    });
    expect(booked.status).toBe(200);
    expect((await t.get(availability, token)).body.data.availability[0].timeslots).toEqual([]);

    const cancelled = await t.del(`/concierge/${ava}/reservations/${booked.body.data.reservation_id}`, token);
    expect(cancelled.status).toBe(200);
    expect(times(await t.get(availability, token))).toEqual(['19:00']);
  });

  it('pacing_covers_remaining counts down as covers are booked at a time', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const at1730 = `/venues/${venue}/availability?date=${DATE}&party_size=2&start_time=17:30&end_time=17:30`;
    const remaining = async () =>
      (await t.get(at1730, token)).body.data.availability[0].timeslots[0]?.pacing_covers_remaining;
    expect(await remaining()).toBe(24);
    await t.put(`/venues/${venue}/book`, token, { date: DATE, time: '17:30', party_size: 4, ...guest(3) });
    expect(await remaining()).toBe(20);
  });

  it('does not offer slots that have already passed', async () => {
    // 23:30 UTC on Monday is 18:30 in New York.
    const t = testServer({ start: '2026-12-07T23:30:00Z' });
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const today = await t.get(
      `/venues/${venue}/availability?date=2026-12-07&party_size=2&start_time=18:00&end_time=19:00`,
      token,
    );
    expect(times(today)).toEqual(['18:45', '19:00']);
    const past = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-07',
      time: '18:00',
      party_size: 2,
      ...guest(4),
    });
    expect(past.status).toBe(400);
    expect(past.body.msg).toMatch(/already passed/);
  });
});

describe('concurrent bookings', () => {
  it('50 concurrent bookings for a slot with capacity for 3 parties: exactly 3 succeed', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    // Parties of 6 fit tables 15, 16 (4–6) and T5 (6–10): three tables.
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.put(`/venues/${venue}/book`, token, {
          date: DATE,
          time: '19:00',
          party_size: 6,
          ...guest(100 + i),
        }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(47);
    const tables = attempts
      .filter((a) => a.status === 200)
      .map((a) => a.body.data.reservation.table_numbers[0]);
    expect(tables.sort()).toEqual(['15', '16', 'T5']);
    expect(attempts.find((a) => a.status === 409)!.body.msg).toMatch(/no longer available/);
  });
});
