import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../mock-server/domain/time.js';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

/**
 * The Reservations API as live integration code uses it (reference notes, section 10): the forms
 * real clients send and the fields they read, exercised as those clients would.
 */
const DATE = '2026-12-08';

async function bookOne(t: TestServer, token: string, n: number, extra: Record<string, string | number> = {}) {
  const reply = await t.put(`/venues/${t.venueId('harbor-grill')}/book`, token, {
    date: DATE,
    time: '19:00',
    party_size: 2,
    ...guest(n),
    ...extra,
  });
  expect(reply.status, reply.text).toBe(200);
  return reply.body.data.reservation;
}

describe('ISO 8601 instants', () => {
  it.each([
    ['2026-12-07T17:00:00', '2026-12-07T17:00:00.000Z'],
    ['2026-12-07', '2026-12-07T00:00:00.000Z'],
    ['2026-12-07T17:00', '2026-12-07T17:00:00.000Z'],
    ['2026-12-07T17:00:00Z', '2026-12-07T17:00:00.000Z'],
    ['2026-12-07T17:00:00.219342+00:00', '2026-12-07T17:00:00.219Z'],
    ['2026-12-07T12:00:00-05:00', '2026-12-07T17:00:00.000Z'],
    ['2026-12-07T18:00:00+0100', '2026-12-07T17:00:00.000Z'],
    ['2026-12-07T18:00:00+01', '2026-12-07T17:00:00.000Z'],
    ['2026-12-07 17:00:00.5', '2026-12-07T17:00:00.500Z'],
    ['2026-12-07T18:00:00.123456789 01:00', '2026-12-07T17:00:00.123Z'],
  ])('%s is the instant %s', (text, instant) => {
    expect(new Date(parseIsoInstant(text)!).toISOString()).toBe(instant);
  });

  it.each(['2026-13-01T00:00:00', '2026-12-07T25:00:00', '2026-12-07T17:00:00+25:00', 'yesterday'])(
    '%s is refused',
    (text) => expect(parseIsoInstant(text)).toBeNull(),
  );

  it('updated_since in every form a sync job sends selects by the instant, offsets included', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    await bookOne(t, token, 1); // updated 2026-12-07T17:00:00 UTC
    const count = async (since: string) => {
      const reply = await t.get(`/reservations/export?updated_since=${encodeURIComponent(since)}`, token);
      expect(reply.status, reply.text).toBe(200);
      return reply.body.data.results.length as number;
    };
    expect(await count('2026-12-07T17:00:00.000000+00:00')).toBe(1);
    expect(await count('2026-12-07T17:00:00Z')).toBe(1);
    expect(await count('2026-12-07T12:00:00-05:00')).toBe(1); // the same instant in New York
    expect(await count('2026-12-07T12:00:01-05:00')).toBe(0);
    expect(await count('2026-12-07T18:00:01+01:00')).toBe(0);
    expect(await count('2026-12-07T16:59:59.999')).toBe(1);
    // An unencoded "+" arrives as a space; it is read as the "+" it was.
    const raw = await t.get('/reservations/export?updated_since=2026-12-07T18:00:00+01:00', token);
    expect(raw.body.data.results).toHaveLength(1);
    const clients = await t.get('/clients/export?updated_since=2026-12-07T17:00:00%2B00:00', token);
    expect(clients.body.data.results).toHaveLength(1);
    const bad = await t.get('/reservations/export?updated_since=2026-12-07T17:00:00%2B99:00', token);
    expect([bad.status, bad.body.msg]).toEqual([
      400,
      'updated_since must be an ISO 8601 date-time such as 2026-12-01T00:00:00 or 2026-12-01T00:00:00+00:00; got 2026-12-07T17:00:00+99:00',
    ]);
  });
});

describe('seated_time in ISO 8601 forms', () => {
  it('naive is venue-local as sent; Z or an offset is an instant shown in the venue zone', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const naive = await bookOne(t, token, 1, { seated_time: '2026-12-08T19:05:00' });
    expect(naive.seated_time).toBe('2026-12-08T19:05:00.000000');
    const zulu = await bookOne(t, token, 2, { seated_time: '2026-12-09T00:05:00Z' });
    expect(zulu.seated_time).toBe('2026-12-08T19:05:00.000000');
    const offset = await bookOne(t, token, 3, { seated_time: '2026-12-08T20:05:00.250-04:00' });
    expect(offset.seated_time).toBe('2026-12-08T19:05:00.250000');
  });
});

describe('booleans as Python sends them', () => {
  it('True/False/TRUE/1 are booleans in the query and in forms; other words are a 400 naming the field', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.ava);
    const base = `/concierge/${t.conciergeId('ava')}/venues/${t.venueId('harbor-grill')}/availability/dining?date=${DATE}&party_size=2&start_time=19:00&end_time=19:00`;
    for (const value of ['True', 'False', 'TRUE', 'false', '1', '0'])
      expect((await t.get(`${base}&supports_paid_reservations=${value}`, token)).status, value).toBe(200);
    const bad = await t.get(`${base}&supports_paid_reservations=Yes`, token);
    expect([bad.status, bad.body.msg]).toEqual([400, 'supports_paid_reservations must be boolean']);

    const harbor = await t.login(CREDENTIALS.harbor);
    const r = await bookOne(t, harbor, 2, { is_walkin: 'True', send_client_email: 'False' });
    expect(r.reservation_type).toBe('WALK_IN');
    expect(r.mock_notifications).toEqual([]);
  });
});

describe('venues as clients read them', () => {
  it('every venue has its IANA timezone and photo objects {large, medium, raw, small} with sizes', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.thames);
    const list = await t.get('/venues', token);
    for (const venue of list.body.data.results) {
      expect(venue.timezone).toBe('Europe/London');
      for (const photo of venue.photos) {
        expect(photo).toMatchObject({ large: expect.any(String), medium: expect.any(String) });
        expect(photo).toMatchObject({ raw: expect.any(String), small: expect.any(String) });
        expect(photo).toMatchObject({ small_height: 50, small_width: 80 });
      }
    }
    const one = await t.get(`/venues/${t.venueId('the-larder')}`, token);
    expect(one.body.data.timezone).toBe('Europe/London');
    expect(one.body.data.photos[0].large).toMatch(/^https:\/\/.+\/large\.jpg$/);
  });
});

describe('the Reservations-API paths integration code calls', () => {
  it('GET /venues/{venue_id}/reservations?date= lists that venue and day only, paged', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const a = await bookOne(t, token, 1);
    const b = await bookOne(t, token, 2, { time: '20:00' });
    await bookOne(t, token, 3, { date: '2026-12-09' });
    await t.put(`/venues/${t.venueId('pier-nine')}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(4),
    });
    const path = `/venues/${t.venueId('harbor-grill')}/reservations?date=${DATE}`;
    const first = await t.get(`${path}&limit=1`, token);
    expect(first.status, first.text).toBe(200);
    expect(first.body.data.results.map((r: { id: string }) => r.id)).toEqual([a.id]);
    const second = await t.get(`${path}&limit=1&cursor=${first.body.data.cursor}`, token);
    expect(second.body.data.results.map((r: { id: string }) => r.id)).toEqual([b.id]);
    expect(second.body.data.cursor).toBeUndefined();

    const missingDate = await t.get(`/venues/${t.venueId('harbor-grill')}/reservations`, token);
    expect([missingDate.status, missingDate.body.msg]).toEqual([400, 'Missing required field date']);
    const otherGroup = await t.get(`/venues/${t.venueId('the-larder')}/reservations?date=${DATE}`, token);
    expect(otherGroup.status).toBe(404);
  });

  it('POST /reservations/{id} updates with the book fields; POST .../cancel cancels, twice is the 400', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const r = await bookOne(t, token, 1);
    const updated = await t.post(`/reservations/${r.reference_code}`, token, {
      time: '20:00',
      notes: 'Moved by phone',
      salutation: 'Ms.',
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.data.reservation).toMatchObject({
      arrival_time: '8:00 PM',
      notes: 'Moved by phone',
      max_guests: 2,
    });
    const client = await t.get(`/clients/${r.client_id}?venue_group_id=${r.venue_group_id}`, token);
    expect(client.body.data.salutation).toBe('Ms.');
    const refused = await t.post(`/reservations/${r.id}`, token, { first_name: 'Changed' });
    expect(refused.status).toBe(400);

    const cancelled = await t.post(`/reservations/${r.id}/cancel`, token, {});
    expect([cancelled.status, cancelled.body.data.reservation_id]).toEqual([200, r.id]);
    const again = await t.send('POST', `/reservations/${r.id}/cancel`, { token });
    expect([again.status, again.body.msg]).toEqual([400, 'Reservation has already been cancelled.']);
    const thames = await t.login(CREDENTIALS.thames);
    expect((await t.post(`/reservations/${r.id}/cancel`, thames, {})).status).toBe(404);
  });

  it('send_client_email on a cancel is recorded as a cancellation notice, on every cancel path', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const notices = async (id: string) =>
      (await t.get(`/reservations/${id}`, token)).body.data.mock_notifications.map(
        (n: { kind: string; to: string }) => `${n.kind} ${n.to}`,
      );
    const a = await bookOne(t, token, 1, { email: 'a@example.com' });
    expect((await t.del(`/reservations/${a.id}?send_client_email=True`, token)).status).toBe(200);
    expect(await notices(a.id)).toEqual(['cancellation a@example.com']);
    const b = await bookOne(t, token, 2, { email: 'b@example.com' });
    expect((await t.post(`/reservations/${b.id}/cancel`, token, { send_client_email: 'true' })).status).toBe(
      200,
    );
    expect(await notices(b.id)).toEqual(['cancellation b@example.com']);
    const quiet = await bookOne(t, token, 3, { email: 'c@example.com' });
    expect((await t.del(`/reservations/${quiet.id}?send_client_email=false`, token)).status).toBe(200);
    expect(await notices(quiet.id)).toEqual([]);
  });

  it('PUT /venues/{venue_id}/book takes its fields as query parameters', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const query = new URLSearchParams({
      date: DATE,
      time: '19:00',
      party_size: '2',
      first_name: 'Query',
      last_name: 'Client',
      phone: '+12125550199',
      send_client_email: 'True',
    });
    const reply = await t.send('PUT', `/venues/${t.venueId('harbor-grill')}/book?${query}`, { token });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.data.reservation).toMatchObject({ first_name: 'Query', phone_number: '+12125550199' });
    expect(reply.body.data.reservation.mock_notifications).toHaveLength(1);
    // One client reads the booking's code straight off the answer.
    expect(reply.body.data.reservation_reference_code).toBe(reply.body.data.reservation.reference_code);
    const bad = await t.send('PUT', `/venues/${t.venueId('harbor-grill')}/book?date=${DATE}&time=19:00`, {
      token,
    });
    expect([bad.status, bad.body.msg]).toEqual([400, 'Missing required field party_size']);
  });
});

describe('statuses as live data shows them', () => {
  it('COMPLETE, PAID and the venue’s CUSTOM_STATUS_<n> with its own status_display, through the control API', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const r = await bookOne(t, token, 1);
    const venue = t.venueId('harbor-grill');
    const status = async (value: string) => {
      const res = await t.control('POST', `/venues/${venue}/reservations/${r.id}/status`, { status: value });
      return { code: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await status('CUSTOM_STATUS_2')).body).toMatchObject({
      status: 'CUSTOM_STATUS_2',
      status_display: 'Awaiting Cc Details',
      status_code: 'CUSTOM_STATUS_2',
      status_simple: 'Active',
    });
    expect((await status('CUSTOM_STATUS_7')).code).toBe(400); // not defined by this venue
    expect((await status('SEATED')).body).toMatchObject({ status: 'SEATED' });
    expect((await status('PAID')).body).toMatchObject({ status: 'PAID', status_display: 'Paid' });
    expect((await status('COMPLETE')).body).toMatchObject({ status: 'COMPLETE', status_display: 'Left' });
    const read = await t.get(`/reservations/${r.id}`, token);
    expect(read.body.data.status).toBe('COMPLETE');
    // The Larder defines no custom statuses.
    const thames = await t.login(CREDENTIALS.thames);
    const larder = await t.put(`/venues/${t.venueId('the-larder')}/book`, thames, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(2),
      status: 'CUSTOM_STATUS_1',
    });
    expect(larder.status).toBe(400);
  });
});

describe('clients as integration code reads them', () => {
  it('photo is null or the object {large, large_height, ..., crop_width}', async () => {
    const t = testServer({ volume: { guests: 40, daysOfHistory: 0, daysAhead: 0 } });
    const token = await t.login(CREDENTIALS.harbor);
    const page = await t.get('/clients?limit=40', token);
    const photos = page.body.data.results.map((c: { photo: unknown }) => c.photo);
    const objects = photos.filter((p: unknown) => p !== null);
    expect(objects.length).toBeGreaterThan(0);
    expect(photos.length - objects.length).toBeGreaterThan(0);
    expect(Object.keys(objects[0]).sort()).toEqual(
      [
        'large',
        'large_height',
        'large_width',
        'medium',
        'medium_height',
        'medium_width',
        'small',
        'small_height',
        'small_width',
        'raw',
        'cropx',
        'cropy',
        'crop_height',
        'crop_width',
      ].sort(),
    );
  });
});
