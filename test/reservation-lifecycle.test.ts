import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

const DATE = '2026-12-08';

async function bookOne(
  t: TestServer,
  token: string,
  venue: string,
  extra: Record<string, string | number> = {},
) {
  const reply = await t.put(`/venues/${venue}/book`, token, {
    date: DATE,
    time: '19:00',
    party_size: 2,
    ...guest(1),
    ...extra,
  });
  expect(reply.status, reply.text).toBe(200);
  return reply.body.data.reservation;
}

describe('reservation shape', () => {
  it('renders the real fields and formats', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const r = await bookOne(t, token, t.venueId('harbor-grill'), {
      email: 'ada@example.com',
      notes: 'Window please',
      reservation_tags: 'Occasion:Birthday',
    });
    expect(r).toMatchObject({
      date: DATE,
      arrival_time: '7:00 PM',
      time_slot_iso: '19:00:00',
      real_datetime_of_slot: '2026-12-08 19:00:00',
      max_guests: 2,
      status: 'CONFIRMED',
      status_display: 'Reserved',
      status_code: 'RESERVED',
      status_simple: 'Active',
      shift_category: 'DINNER',
      duration: 105,
      notes: 'Window please',
      email: 'ada@example.com',
      phone_number: '+12125551001',
      created: '2026-12-07T17:00:00.000000',
      tags: [
        {
          tag: 'birthday',
          tag_display: 'Birthday',
          group: 'occasion',
          group_display: 'Occasion',
          color: expect.stringMatching(/^#[0-9A-F]{6}$/),
        },
      ],
    });
    expect(r).not.toHaveProperty('party_size');
    expect(r.reference_code).toMatch(/^[A-Z0-9]{7}$/);
    expect(r.id).toMatch(/^ah[A-Za-z0-9_-]+$/);
    expect(r.table_numbers).toHaveLength(1);
    expect(r.shift_persistent_id).toMatch(/-DINNER-1647967825\.6$/);
  });
});

describe('book: create and update', () => {
  it('requires first_name, last_name and an E.164 phone on create', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const noName = await t.put(`/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      last_name: 'X',
      phone: '+12125550000',
    });
    expect(noName.status).toBe(400);
    expect(noName.body.msg).toContain('first_name');
    const badPhone = await t.put(`/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(1),
      phone: '212-555-0000',
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.msg).toContain('phone');
    const offGrid = await t.put(`/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:07',
      party_size: 2,
      ...guest(1),
    });
    expect(offGrid.status).toBe(400);
    expect(offGrid.body.msg).toBe('No shift found for date and time');
    const badDate = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-02-30',
      time: '19:00',
      party_size: 2,
      ...guest(1),
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.msg).toContain('date');
  });

  it('refuses names and phone on update, and re-checks availability when moving, ignoring itself', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const big = await bookOne(t, token, venue, { party_size: 10 });
    expect(big.table_numbers).toEqual(['T5']);
    const withName = await t.put(`/venues/${venue}/book`, token, {
      reservation_id: big.id,
      date: DATE,
      time: '19:00',
      party_size: 10,
      first_name: 'X',
    });
    expect(withName.status).toBe(400);
    expect(withName.body.msg).toMatch(/first_name must not be sent when updating/);

    // Moving 30 minutes later overlaps only its own stay: allowed, and it keeps T5.
    const moved = await t.put(`/venues/${venue}/book`, token, {
      reservation_id: big.id,
      date: DATE,
      time: '19:30',
      party_size: 10,
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.data.reservation).toMatchObject({ arrival_time: '7:30 PM', table_numbers: ['T5'] });

    // A second party of 10 cannot take T5 at an overlapping time, and the first cannot move onto it.
    const other = await bookOne(t, token, venue, { party_size: 10, time: '17:00', ...guest(2) });
    const clash = await t.put(`/venues/${venue}/book`, token, {
      reservation_id: other.id,
      date: DATE,
      time: '18:00',
      party_size: 10,
    });
    expect(clash.status).toBe(409);
    expect((await t.get(`/reservations/${other.id}`, token)).body.data.arrival_time).toBe('5:00 PM');
  });

  it('finds the existing guest by phone instead of creating a duplicate', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const first = await bookOne(t, token, venue);
    const second = await bookOne(t, token, venue, { time: '20:00' });
    expect(second.client_id).toBe(first.client_id);
    const clients = await t.get(`/clients?phone=${encodeURIComponent('+12125551001')}`, token);
    expect(clients.body.data.results.map((c: { id: string }) => c.id)).toEqual([first.client_id]);
  });
});

describe('holds', () => {
  it('booking with reservation_hold_id converts the hold onto its table; a hold for a taken slot is refused', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.ava);
    const ava = t.conciergeId('ava');
    const venue = t.venueId('harbor-grill');
    const slots = await t.get(
      `/concierge/${ava}/venues/${venue}/availability/dining?date=${DATE}&party_size=8&start_time=19:00&end_time=19:00`,
      token,
    );
    const slot = slots.body.data.availability[0].timeslots[0];
    const holdForm = {
      date: DATE,
      time: '19:00',
      party_size: 8,
      shift_persistent_id: slot.shift_persistent_id,
      access_persistent_id: slot.access_persistent_id,
    };
    const hold = await t.put(`/concierge/${ava}/venues/${venue}/holds`, token, holdForm);
    const second = await t.put(`/concierge/${ava}/venues/${venue}/holds`, token, holdForm);
    expect(second.status).toBe(409);
    expect(second.body.msg).toMatch(/no longer available/);

    const booked = await t.put(`/concierge/${ava}/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 8,
      ...guest(5),
      reservation_hold_id: hold.body.data.reservation_hold_id,
    });
    expect(booked.status, booked.text).toBe(200);
    expect(booked.body.data.reservation.table_numbers).toEqual(['T5']);
    const reuse = await t.put(`/concierge/${ava}/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 8,
      ...guest(6),
      reservation_hold_id: hold.body.data.reservation_hold_id,
    });
    expect(reuse.status).toBe(409);
    expect(reuse.body.msg).toMatch(/already used/);
  });

  it('release frees the slot at once and answers with the documented message', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.ava);
    const ava = t.conciergeId('ava');
    const venue = t.venueId('harbor-grill');
    const q = `/concierge/${ava}/venues/${venue}/availability/dining?date=${DATE}&party_size=8&start_time=19:00&end_time=19:00`;
    const slot = (await t.get(q, token)).body.data.availability[0].timeslots[0];
    const hold = await t.put(`/concierge/${ava}/venues/${venue}/holds`, token, {
      date: DATE,
      time: '19:00',
      party_size: 8,
      shift_persistent_id: slot.shift_persistent_id,
      access_persistent_id: slot.access_persistent_id,
    });
    const id = hold.body.data.reservation_hold_id as string;
    const released = await t.post(`/concierge/${ava}/venues/${venue}/holds/${id}/release`, token, {
      date: DATE,
      shift_persistent_id: slot.shift_persistent_id,
    });
    expect(released.body).toEqual({ status: 200, message: `Hold <${id}> released normally` });
    expect((await t.get(q, token)).body.data.availability[0].timeslots).toHaveLength(1);
    const again = await t.post(`/concierge/${ava}/venues/${venue}/holds/${id}/release`, token, {
      date: DATE,
      shift_persistent_id: slot.shift_persistent_id,
    });
    expect(again.status).toBe(409);
  });
});

describe('cancel and delete', () => {
  it('cancels once, by id or reference code; twice is the documented 400', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const r = await bookOne(t, token, t.venueId('harbor-grill'));
    const first = await t.del(`/reservations/${r.reference_code}`, token);
    expect(first.body.data).toEqual({ reservation_id: r.id });
    const again = await t.del(`/reservations/${r.id}`, token);
    expect(again.status).toBe(400);
    expect(again.body.msg).toBe('Reservation has already been cancelled.');
    const got = await t.get(`/reservations/${r.id}`, token);
    expect(got.body.data).toMatchObject({
      status: 'CANCELED',
      status_display: 'Canceled',
      status_simple: 'Canceled',
    });
    const client = await t.get(`/clients/${r.client_id}`, token);
    expect(client.body.data.total_cancelations).toBe(1);
  });

  it('refuses to cancel after the slot has started, and refuses ids that cannot be ids', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const r = await bookOne(t, token, t.venueId('harbor-grill'));
    t.clock.set(Date.parse('2026-12-09T00:30:00Z')); // 19:30 in New York; the old token has expired by now
    const fresh = await t.login(CREDENTIALS.harbor);
    const late = await t.del(`/reservations/${r.id}`, fresh);
    expect(late.status).toBe(400);
    expect(late.body.msg).toBe('Reservation cannot be modified after the cancellation cut-off time');
    expect((await t.get('/reservations/not-an-id!', fresh)).body.msg).toBe('Invalid reservation ID');
    expect((await t.get('/reservations/ZZZZZZZ', fresh)).body.msg).toBe(
      'The venue does not have record of this reservation.',
    );
  });

  it('a concierge hard delete removes the reservation entirely', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.ava);
    const ava = t.conciergeId('ava');
    const booked = await t.put(`/concierge/${ava}/venues/${t.venueId('pier-nine')}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 4,
      ...guest(7),
    });
    const id = booked.body.data.reservation_id as string;
    expect((await t.del(`/concierge/${ava}/reservations/${id}/delete`, token)).body.data).toEqual({
      reservation_id: id,
    });
    expect((await t.get(`/concierge/${ava}/reservations/${id}`, token)).status).toBe(404);
  });
});

describe('reservation requests', () => {
  it('stores a request and returns its id', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.ava);
    const ava = t.conciergeId('ava');
    const reply = await t.put(`/concierge/${ava}/venues/${t.venueId('harbor-grill')}/request`, token, {
      date: DATE,
      time: '20:00',
      party_size: 14,
      ...guest(8),
    });
    expect(reply.status, reply.text).toBe(200);
    expect(t.mock.store.requests.get(reply.body.data.request_id)).toMatchObject({
      partySize: 14,
      firstName: 'Guest8',
    });
  });
});
