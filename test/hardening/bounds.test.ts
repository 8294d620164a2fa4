/** Findings 2 and 8: every date and number has bounds, stated in the spec and kept by the handler. */
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer } from '../support/harness.js';

describe('date bounds (years 2000–2099, ranges of at most 366 days)', () => {
  it('answers shifts for far-future dates with a prompt 400 instead of spinning', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    for (const [start, end] of [
      ['2100-01-01', '2100-01-02'],
      ['1999-12-31', '1999-12-31'],
      ['9999-12-31', '9999-12-31'],
    ]) {
      const reply = await t.get(`/venues/${venue}/shifts?start_date=${start}&end_date=${end}`, token);
      expect(reply.status, start).toBe(400);
      expect(reply.body.msg).toMatch(/start_date/);
    }
    const inside = await t.get(`/venues/${venue}/shifts?start_date=2099-12-30&end_date=2099-12-31`, token);
    expect(inside.status).toBe(200);
    expect(Object.keys(inside.body.data.shifts)).toEqual(['2099-12-30', '2099-12-31']);
  });

  it('refuses out-of-bounds dates in forms, availability and the control clock', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: '2100-01-04',
      time: '19:00',
      party_size: 2,
      ...guest(1),
    });
    expect(booked.status).toBe(400);
    expect(booked.body.msg).toMatch(/date/);
    const availability = await t.get(
      `/venues/${venue}/availability?date=2100-01-04&party_size=2&start_time=17:00&end_time=22:00`,
      token,
    );
    expect(availability.status).toBe(400);
    expect((await t.control('PUT', '/clock', { now: '2150-01-01T00:00:00Z' })).status).toBe(400);
  });

  it('refuses a listing range longer than 366 days', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const reply = await t.get('/reservations/export?from_date=2000-01-01&to_date=2099-12-31', token);
    expect(reply.status).toBe(400);
    expect(reply.body.msg).toMatch(/longer than/);
  });
});

describe('number bounds', () => {
  it('refuses non-finite and absurd durations instead of booking with duration null', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    let n = 0;
    for (const duration of ['Infinity', '-Infinity', '1e308', '1441']) {
      const reply = await t.put(`/venues/${venue}/book`, token, {
        date: '2026-12-09',
        time: '19:00',
        party_size: 2,
        ...guest(++n),
        duration,
      });
      expect(reply.status, duration).toBe(400);
      expect(reply.body.msg).toMatch(/duration/);
    }
    const fine = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-09',
      time: '19:00',
      party_size: 2,
      ...guest(9),
      duration: 90,
    });
    expect(fine.status).toBe(200);
    expect(fine.body.data.reservation.duration).toBe(90);
  });

  it('refuses mf_ratio_male=1e308, an infinite limit and a hold of a day', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const ratio = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-09',
      time: '19:00',
      party_size: 2,
      ...guest(1),
      mf_ratio_male: '1e308',
    });
    expect(ratio.status).toBe(400);
    expect(ratio.body.msg).toMatch(/mf_ratio_male/);
    const limit = await t.get('/reservations?from_date=2026-12-01&to_date=2026-12-09&limit=Infinity', token);
    expect(limit.status).toBe(400);
    expect(limit.body.msg).toMatch(/limit/);
    const ava = await t.login(CREDENTIALS.ava);
    const hold = await t.put(`/concierge/${t.conciergeId('ava')}/venues/${venue}/holds`, ava, {
      date: '2026-12-09',
      time: '19:00',
      party_size: 2,
      shift_persistent_id: 'x',
      access_persistent_id: 'y',
      hold_wait_time_sec: 86400,
    });
    expect(hold.status).toBe(400);
    expect(hold.body.msg).toMatch(/hold_wait_time_sec/);
  });
});
