import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { StoreChange } from '../mock-server/store/change-feed.js';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

const DATE = '2026-12-08';

/** Ava (concierge) logged in, and paths for Harbor Grill. */
async function asAva(t: TestServer) {
  const token = await t.login(CREDENTIALS.ava);
  const ava = t.conciergeId('ava');
  const venue = t.venueId('harbor-grill');
  const base = `/concierge/${ava}`;
  const book = (form: Record<string, string | number | boolean>) =>
    t.put(`${base}/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(1),
      ...form,
    });
  return { token, ava, venue, base, book };
}

function reservationEvents(t: TestServer): StoreChange[] {
  const events: StoreChange[] = [];
  t.mock.feed.subscribe((change) => {
    if (change.entityType === 'reservation') events.push(change);
  });
  return events;
}

describe('paylink auto-cancel', () => {
  it('cancels the unpaid reservation when the clock passes the deadline, with an updated event', async () => {
    const t = testServer();
    const { book, token, base } = await asAva(t);
    const booked = await book({ payment_by_paylink: true, paylink_cancel_time: 30, paylink_note: 'Deposit' });
    expect(booked.status).toBe(200);
    const link = booked.body.data.paylink_auto_cancel;
    // 25.00 a guest for two, 8.875 % tax, 20 % gratuity, from the fixture, in cents.
    expect(link).toMatchObject({
      type: 'charge',
      status: 'pending',
      subtotal: 5000,
      tax_amount: 444,
      gratuity_amount: 1000,
      paylink_auto_cancel_minutes: 30,
      auto_cancel_datetime: '2026-12-07T17:30:00.000000',
      note_to_guest: 'Deposit',
    });
    expect(booked.body.data.reservation.payments).toEqual([link]);
    const id = booked.body.data.reservation_id as string;

    const events = reservationEvents(t);
    t.clock.advance(29 * 60_000);
    expect((await t.get(`${base}/reservations/${id}`, token)).body.data.status).toBe('CONFIRMED');
    expect(events).toEqual([]);

    t.clock.advance(60_000);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'updated',
      entityId: id,
      at: Date.parse('2026-12-07T17:30:00Z'),
    });
    expect(events[0]!.current).toMatchObject({
      status: 'CANCELED',
      payments: [{ id: link.id, status: 'expired' }],
    });
    const after = await t.get(`${base}/reservations/${id}`, token);
    expect(after.body.data.status).toBe('CANCELED');
    expect(after.body.data.payments[0].settled).toBe('2026-12-07T17:30:00.000000');
  });

  it('delivers the cancellation to a webhook receiver as reservation.updated naming status and payments', async () => {
    const received: string[] = [];
    const sink: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hooks`;
    const t = testServer({ webhooks: { endpoints: [{ url, secret: 'whsec_paylinks' }], batchWindowMs: 0 } });
    try {
      const { book } = await asAva(t);
      const booked = await book({ payment_by_paylink: true });
      expect(booked.body.data.paylink_auto_cancel.paylink_auto_cancel_minutes).toBe(15);
      await t.mock.webhooks.flush();
      received.length = 0;
      t.clock.advance(15 * 60_000);
      await t.mock.webhooks.flush();
      const events = received.flatMap(
        (body) =>
          JSON.parse(body) as {
            entity_type: string;
            event_type: string;
            entity: { id: string; status: string };
            updates: { field: string }[];
          }[],
      );
      const reservation = events.filter((e) => e.entity_type === 'reservation');
      expect(reservation).toHaveLength(1);
      expect(reservation[0]).toMatchObject({
        event_type: 'updated',
        entity: { id: booked.body.data.reservation_id, status: 'CANCELED' },
      });
      expect(reservation[0]!.updates.map((u) => u.field)).toEqual(
        expect.arrayContaining(['status', 'payments']),
      );
    } finally {
      await t.mock.close();
      sink.closeAllConnections();
      await new Promise<void>((resolve) => sink.close(() => resolve()));
    }
  });

  it('a paid paylink does not cancel: add_charge covering its total pays it', async () => {
    const t = testServer();
    const { book, token, base, venue } = await asAva(t);
    const booked = await book({ payment_by_paylink: true, paylink_cancel_time: 30 });
    const id = booked.body.data.reservation_id as string;
    const charge = await t.post(`${base}/reservations/${id}/add_charge`, token, {
      transaction_id: 'ch_outside_1',
      subtotal: '50.00',
      tax: '8.875',
      gratuity: '10.00',
    });
    expect(charge.body.msg).toBeUndefined();
    expect(charge.status).toBe(200);
    const listed = await t.get(`${base}/venues/${venue}/payments/paylinks/${id}`, token);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ status: 'paid', settled: '2026-12-07T17:00:00.000000' }),
    ]);
    t.clock.advance(3 * 3600_000);
    const after = await t.get(`${base}/reservations/${id}`, token);
    expect(after.body.data.status).toBe('CONFIRMED');
    expect(after.body.data.total_payment).toBe(64.44);
  });

  it('a deleted paylink does not cancel, and is gone from payments and the list', async () => {
    const t = testServer();
    const { book, token, base, venue } = await asAva(t);
    const booked = await book({ payment_by_paylink: true, paylink_cancel_time: 20 });
    const id = booked.body.data.reservation_id as string;
    const linkId = booked.body.data.paylink_auto_cancel.id as string;
    const deleted = await t.del(`${base}/venues/${venue}/payments/paylink/${linkId}`, token);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({});
    t.clock.advance(3600_000);
    const after = await t.get(`${base}/reservations/${id}`, token);
    expect(after.body.data.status).toBe('CONFIRMED');
    expect(after.body.data.payments).toEqual([]);
    expect((await t.get(`${base}/venues/${venue}/payments/paylinks/${id}`, token)).body.data).toEqual([]);
    expect((await t.del(`${base}/venues/${venue}/payments/paylink/${linkId}`, token)).status).toBe(404);
  });

  it('create_paylink: defaults from prices, explicit amounts, auto-cancel, and a paid link cannot be deleted', async () => {
    const t = testServer();
    const { book, token, base, venue } = await asAva(t);
    const booked = await book({});
    const id = booked.body.data.reservation_id as string;
    const code = booked.body.data.reservation.reference_code as string;
    const byPrice = await t.post(`${base}/venues/${venue}/payments/paylink/${code}`, token, {});
    expect(byPrice.status).toBe(200);
    // Served in data and, as the reference's example shows, at the top level.
    expect(byPrice.body.data).toMatchObject({ subtotal: 5000, tax_amount: 444, gratuity_amount: 1000 });
    expect(byPrice.body.subtotal).toBe(5000);
    expect(byPrice.body.data.paylink_auto_cancel_minutes).toBeNull();
    const collect = await t.post(`${base}/venues/${venue}/payments/paylink/${id}`, token, {
      type: 'collect',
      paylink_email_request: 'guest@example.com',
      paylink_auto_cancel_minutes: 45,
    });
    expect(collect.body.data).toMatchObject({
      type: 'collect',
      subtotal: 0,
      paylink_auto_cancel_minutes: 45,
    });
    const listed = await t.get(`${base}/venues/${venue}/payments/paylinks/${id}`, token);
    expect(listed.body.data.map((p: { type: string }) => p.type)).toEqual(['charge', 'collect']);
    // 50 + 4.44 + 10 pays the first link only (oldest first); the collect link (0) is paid too.
    await t.post(`${base}/reservations/${id}/add_charge`, token, { transaction_id: 'x1', subtotal: '64.44' });
    const paid = await t.get(`${base}/venues/${venue}/payments/paylinks/${id}`, token);
    expect(paid.body.data.map((p: { status: string }) => p.status)).toEqual(['paid', 'paid']);
    const refused = await t.del(`${base}/venues/${venue}/payments/paylink/${byPrice.body.data.id}`, token);
    expect(refused.status).toBe(400);
    expect(refused.body.msg).toMatch(/already been paid/);
  });

  it('refuses bad paylinks with a 400 naming the field', async () => {
    const t = testServer();
    const { book, token, base, venue } = await asAva(t);
    const id = (await book({})).body.data.reservation_id as string;
    const short = await t.post(`${base}/venues/${venue}/payments/paylink/${id}`, token, {
      paylink_auto_cancel_minutes: 5,
    });
    expect(short.status).toBe(400);
    expect(short.body.msg).toMatch(/paylink_auto_cancel_minutes/);
    const badCancel = await book({ payment_by_paylink: true, paylink_cancel_time: 500 });
    expect(badCancel.status).toBe(400);
    expect(badCancel.body.msg).toMatch(/paylink_cancel_time/);
    await t.del(`${base}/reservations/${id}`, token);
    const cancelled = await t.post(`${base}/venues/${venue}/payments/paylink/${id}`, token, {});
    expect(cancelled.status).toBe(400);
    expect(cancelled.body.msg).toBe('Reservation has already been cancelled.');
  });

  it('deadlines survive a state export and import', async () => {
    const t = testServer();
    const { book, token, base } = await asAva(t);
    const id = (await book({ payment_by_paylink: true, paylink_cancel_time: 30 })).body.data.reservation_id;
    const snapshot = (await (await t.control('GET', '/state')).json()) as {
      collections: Record<string, unknown[]>;
    };
    expect(snapshot.collections.paylinkOwners).toHaveLength(1);
    await t.control('POST', '/reset');
    expect((await t.get(`${base}/reservations/${id}`, await t.login(CREDENTIALS.ava))).status).toBe(404);
    const broken = await t.control('PUT', '/state', { ...snapshot, collections: { paylinkOwners: [{}] } });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { msg: string }).msg).toMatch(/collections.paylinkOwners/);
    expect((await t.control('PUT', '/state', snapshot)).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await t.get(`${base}/reservations/${id}`, token)).body.data.status).toBe('CANCELED');
  });
});
