import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createContractValidator } from '../contracts/validate/index.js';
import { buildCatalog, DEFAULT_VENUES_PATH } from '../mock-server/fixtures/load-venues.js';
import { loadSpec } from '../mock-server/spec/load-spec.js';
import { CREDENTIALS, guest, testServer, type Reply, type TestServer } from './support/harness.js';

const validator = createContractValidator(loadSpec().doc);

/** The answer conforms to the spec (status, headers and body). */
function conforms(method: string, path: string, reply: Reply) {
  const result = validator.validateExchange({
    method,
    url: `http://mock/2_4${path}`,
    requestHeaders: {},
    status: reply.status,
    responseHeaders: Object.fromEntries(reply.headers),
    responseBody: reply.text,
  });
  expect(result.violations.filter((v) => v.in.startsWith('response'))).toEqual([]);
}

/** A loopback receiver that records every webhook batch. */
async function receiver() {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    events: () =>
      bodies.flatMap(
        (b) => JSON.parse(b) as { entity_type: string; event_type: string; entity: { id: string } }[],
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function concierge(t: TestServer) {
  const ava = t.conciergeId('ava');
  const venue = t.venueId('harbor-grill');
  return { token: await t.login(CREDENTIALS.ava), ava, venue, base: `/concierge/${ava}/venues/${venue}` };
}

const REQUEST = { date: '2026-12-08', party_size: 4, ...guest(7), email: 'guest7@example.com' };

describe('reservation requests: create, read, update, delete', () => {
  it('a request made with a window reads back with its times, status UNAPPROVED and no reservation', async () => {
    const t = testServer();
    const { token, base, venue } = await concierge(t);
    const made = await t.put(`${base}/request`, token, {
      ...REQUEST,
      start_time: '19:00',
      end_time: '20:30',
      notes: 'Birthday',
      internal_notes: 'Regular at Pier Nine',
    });
    expect(made.status).toBe(200);
    const id = made.body.data.request_id as string;
    const got = await t.get(`${base}/request/${id}`, token);
    conforms('GET', `${base}/request/${id}`, got);
    expect(got.body.data).toMatchObject({
      id,
      venue_id: venue,
      status: 'UNAPPROVED',
      reservation_id: null,
      date: '2026-12-08',
      arrival_time: null,
      start_time: '7:00 PM',
      end_time: '8:30 PM',
      // 19:00 and 20:30 in New York (UTC-5 in December).
      time_range: ['2026-12-09T00:00:00+00:00', '2026-12-09T01:30:00+00:00'],
      expiration: '12/8/26 8:30 PM',
      is_expired: false,
      max_guests: 4,
      phone_number: REQUEST.phone,
      notes: 'Birthday',
      internal_notes: 'Regular at Pier Nine',
    });
    expect(got.body.data.booked_by).toMatch(/^Ava Laurent/);
    expect(got.body.data.user).toEqual({ id: t.conciergeId('ava'), name: got.body.data.booked_by });
  });

  it('one of time and start_time is required; end_time before start_time is a 400', async () => {
    const t = testServer();
    const { token, base } = await concierge(t);
    const none = await t.put(`${base}/request`, token, REQUEST);
    expect(none.status).toBe(400);
    expect(none.body.msg).toMatch(/start_time/);
    const backwards = await t.put(`${base}/request`, token, {
      ...REQUEST,
      start_time: '20:00',
      end_time: '19:00',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.msg).toMatch(/end_time/);
  });

  it('a venue whose concierge-requests setting is off answers 403, as documented', async () => {
    const fixture = JSON.parse(readFileSync(DEFAULT_VENUES_PATH, 'utf8'));
    fixture.venue_groups[0].venues[0].concierge_offers.accepts_requests = false; // Harbor Grill
    const t = testServer({ catalog: buildCatalog(fixture) });
    const { token, base } = await concierge(t);
    const refused = await t.put(`${base}/request`, token, { ...REQUEST, time: '19:00' });
    expect(refused.status).toBe(403);
    expect(refused.body.msg).toBe('Concierge reservation requests setting is disabled for the venue.');
    const pier = `/concierge/${t.conciergeId('ava')}/venues/${t.venueId('pier-nine')}`;
    expect((await t.put(`${pier}/request`, token, { ...REQUEST, time: '19:00' })).status).toBe(200);
  });

  it('the same guest asking twice for the same time is a 409', async () => {
    const t = testServer();
    const { token, base } = await concierge(t);
    expect((await t.put(`${base}/request`, token, { ...REQUEST, time: '19:00' })).status).toBe(200);
    const again = await t.put(`${base}/request`, token, { ...REQUEST, time: '19:00' });
    expect(again.status).toBe(409);
  });

  it('an update changes only the sent fields and answers with the request and a null reservation', async () => {
    const t = testServer();
    const { token, base } = await concierge(t);
    const id = (await t.put(`${base}/request`, token, { ...REQUEST, time: '19:00' })).body.data.request_id;
    const updated = await t.post(`${base}/request/${id}`, token, { start_time: '20:00', party_size: 5 });
    conforms('POST', `${base}/request/${id}`, updated);
    expect(updated.body.data).toEqual({ request_id: id, reservation_id: null });
    const got = (await t.get(`${base}/request/${id}`, token)).body.data;
    expect(got).toMatchObject({
      start_time: '8:00 PM',
      end_time: '9:00 PM',
      max_guests: 5,
      first_name: 'Guest7',
    });
    const bad = await t.post(`${base}/request/${id}`, token, { phone: '2125550100' });
    expect(bad.status).toBe(400);
    expect(bad.body.msg).toMatch(/phone/);
  });

  it('delete takes a comma list, a list literal or repeated fields, and skips ids that are not yours', async () => {
    const t = testServer();
    const { token, base } = await concierge(t);
    const ids: string[] = [];
    for (const time of ['17:00', '17:30', '18:00', '18:30'])
      ids.push((await t.put(`${base}/request`, token, { ...REQUEST, time })).body.data.request_id);
    const commas = await t.post(`${base}/requests/delete`, token, { request_ids: `${ids[0]},nope` });
    conforms('POST', `${base}/requests/delete`, commas);
    expect(commas.body.data).toEqual({ count: 1, deleted_ids: [ids[0]] });
    const literal = await t.post(`${base}/requests/delete`, token, { request_ids: `['${ids[1]}']` });
    expect(literal.body.data.deleted_ids).toEqual([ids[1]]);
    const res = await t.app.request(`/2_4${base}/requests/delete`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' },
      body: `request_ids=${ids[2]}&request_ids=${ids[3]}`,
    });
    expect(((await res.json()) as { data: { count: number } }).data.count).toBe(2);
    expect((await t.get(`${base}/request/${ids[0]}`, token)).status).toBe(404);
  });
});

describe('the venue accepts or declines', () => {
  it('accepting books the request through the booking code, with its webhook events, and the request shows it', async () => {
    const sink = await receiver();
    const t = testServer({
      webhooks: { endpoints: [{ url: sink.url, secret: 'whsec_test_secret' }], batchWindowMs: 0 },
    });
    closers.push(sink.close, () => t.mock.close());
    const { token, base, venue, ava } = await concierge(t);
    const id = (await t.put(`${base}/request`, token, { ...REQUEST, time: '19:00' })).body.data.request_id;

    const accepted = await t.control('POST', `/venues/${venue}/requests/${id}/accept`, {});
    expect(accepted.status).toBe(200);
    const { request, reservation } = (await accepted.json()) as {
      request: Record<string, unknown>;
      reservation: Record<string, unknown>;
    };
    expect(request).toMatchObject({ status: 'ACCEPTED', reservation_id: reservation.id });
    expect(reservation).toMatchObject({
      date: '2026-12-08',
      arrival_time: '7:00 PM',
      max_guests: 4,
      request_id: id,
    });

    // The concierge sees the outcome, and owns the reservation.
    const got = await t.get(`${base}/request/${id}`, token);
    expect(got.body.data).toMatchObject({ status: 'ACCEPTED', reservation_id: reservation.id });
    expect(got.body.data.venue_group_client_id).toBe(reservation.client_id);
    const owned = await t.get(`/concierge/${ava}/reservations/${String(reservation.id)}`, token);
    expect(owned.status).toBe(200);

    // The booking took covers: availability at 19:00 shows 4 fewer.
    const avail = await t.get(
      `${base}/availability/dining?date=2026-12-08&party_size=2&start_time=19:00&end_time=19:00`,
      token,
    );
    expect(avail.body.data.availability[0].timeslots[0].pacing_covers_remaining).toBe(32 - 4);

    await t.mock.webhooks.flush();
    const events = sink.events().map((e) => `${e.entity_type}.${e.event_type}`);
    expect(events).toEqual(['client.created', 'reservation.created']);
    expect(sink.events()[1]!.entity.id).toBe(reservation.id);

    // Accepting twice, or updating an accepted request, is a 409.
    expect((await t.control('POST', `/venues/${venue}/requests/${id}/accept`, {})).status).toBe(409);
    const update = await t.post(`${base}/request/${id}`, token, { notes: 'late' });
    expect(update.status).toBe(409);
  });

  it('a slot that is gone makes accepting a 409 and the request stays open', async () => {
    const t = testServer();
    const { token, base, venue } = await concierge(t);
    const harbor = await t.login(CREDENTIALS.harbor);
    const id = (await t.put(`${base}/request`, token, { ...REQUEST, party_size: 6, time: '19:00' })).body.data
      .request_id;
    // The two 6-top tables of the main room and the terrace 10-top are all booked for 19:00.
    for (const [n, tables] of [
      [1, '15'],
      [2, '16'],
      [3, 'T5'],
    ] as const) {
      const booked = await t.put(`/venues/${venue}/book`, harbor, {
        date: '2026-12-08',
        time: '19:00',
        party_size: 6,
        table_codes: tables,
        ...guest(n),
      });
      expect(booked.status).toBe(200);
    }
    const refused = await t.control('POST', `/venues/${venue}/requests/${id}/accept`, {});
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { msg: string }).msg).toMatch(/no longer available/);
    expect((await t.get(`${base}/request/${id}`, token)).body.data.status).toBe('UNAPPROVED');
    // At another time it books.
    const later = await t.control('POST', `/venues/${venue}/requests/${id}/accept`, { time: '21:30' });
    expect(later.status).toBe(200);
  });

  it('declining marks the request DECLINED and books nothing; it can then not be accepted', async () => {
    const t = testServer();
    const { token, base, venue } = await concierge(t);
    const id = (await t.put(`${base}/request`, token, { ...REQUEST, time: '19:00' })).body.data.request_id;
    const before = t.mock.store.reservations.size;
    const declined = await t.control('POST', `/venues/${venue}/requests/${id}/decline`, { reason: 'Full' });
    expect(declined.status).toBe(200);
    expect(await declined.json()).toMatchObject({ id, status: 'DECLINED', reservation_id: null });
    expect(t.mock.store.reservations.size).toBe(before);
    expect((await t.get(`${base}/request/${id}`, token)).body.data.status).toBe('DECLINED');
    expect((await t.control('POST', `/venues/${venue}/requests/${id}/accept`, {})).status).toBe(409);
    const inbox = (await (await t.control('GET', `/venues/${venue}/requests`)).json()) as { id: string }[];
    expect(inbox.map((r) => r.id)).toEqual([id]);
  });

  it('a request past its window is expired and can no longer be accepted', async () => {
    const t = testServer();
    const { token, base, venue } = await concierge(t);
    const id = (await t.put(`${base}/request`, token, { ...REQUEST, date: '2026-12-07', time: '13:00' })).body
      .data.request_id;
    t.clock.advance(3 * 3600_000); // 12:00 → 15:00 in New York
    expect((await t.get(`${base}/request/${id}`, token)).body.data.is_expired).toBe(true);
    const late = await t.control('POST', `/venues/${venue}/requests/${id}/accept`, {});
    expect(late.status).toBe(409);
  });

  it('requests survive a snapshot export and import', async () => {
    const t = testServer();
    const { token, base } = await concierge(t);
    const id = (await t.put(`${base}/request`, token, { ...REQUEST, time: '19:00' })).body.data.request_id;
    const state = await (await t.control('GET', '/state')).json();
    expect((await t.control('POST', '/reset')).status).toBe(200);
    expect((await t.get(`${base}/request/${id}`, await t.login(CREDENTIALS.ava))).status).toBe(404);
    expect((await t.control('PUT', '/state', state)).status).toBe(200);
    expect((await t.get(`${base}/request/${id}`, token)).body.data.start_time).toBe('7:00 PM');
  });
});

describe('determinism', () => {
  it('same seed, same clock, same requests: byte-identical request, perk and tag answers', async () => {
    const run = async () => {
      const t = testServer();
      const { token, base } = await concierge(t);
      const id = (await t.put(`${base}/request`, token, { ...REQUEST, time: '19:00' })).body.data.request_id;
      return [
        (await t.get(`${base}/request/${id}`, token)).text,
        (await t.get(`${base}/perks?date=2026-12-08`, token)).text,
        (await t.get('/tags/client/harborgrill', token)).text,
        (await t.get('/municipalities', token)).text,
      ];
    };
    expect(await run()).toEqual(await run());
  });
});

describe('snapshots written before requests had a lifecycle', () => {
  it('import as open requests with their time as an hour-long window', async () => {
    const t = testServer();
    const { token, base, ava, venue } = await concierge(t);
    const state = (await (await t.control('GET', '/state')).json()) as Record<string, unknown>;
    const legacy = {
      id: 'ahFzfnNldmVucm9vbXMtbW9ja3IpCxIcbmlnaHRsb29wX1Jlc2VydmF0aW9uUmVxdWVzdBiAgICAgICgCgw',
      venueId: venue,
      conciergeId: ava,
      date: '2026-12-09',
      startMin: 19 * 60,
      partySize: 2,
      firstName: 'Old',
      lastName: 'Format',
      phone: '+12125550199',
      email: null,
      notes: null,
      createdMs: Date.parse('2026-12-07T16:00:00Z'),
    };
    expect((await t.control('PUT', '/state', { ...state, requests: [legacy] })).status).toBe(200);
    const got = await t.get(`${base}/request/${legacy.id}`, token);
    conforms('GET', `${base}/request/${legacy.id}`, got);
    expect(got.body.data).toMatchObject({
      status: 'UNAPPROVED',
      arrival_time: '7:00 PM',
      start_time: '7:00 PM',
      end_time: '8:00 PM',
    });
    const broken = await t.control('PUT', '/state', { ...state, requests: [{ ...legacy, venueId: 'nope' }] });
    expect(broken.status).toBe(400);
  });
});

describe('tenant isolation of requests', () => {
  it("another concierge's request is exactly as missing: read, update and delete", async () => {
    const t = testServer();
    const { token, ava } = await concierge(t);
    const larder = t.venueId('the-larder');
    const id = (
      await t.put(`/concierge/${ava}/venues/${larder}/request`, token, { ...REQUEST, time: '19:00' })
    ).body.data.request_id as string;
    const noah = t.conciergeId('noah');
    const noahToken = await t.login(CREDENTIALS.noah);
    const path = `/concierge/${noah}/venues/${larder}/request/${id}`;
    const missing = await t.get(`/concierge/${noah}/venues/${larder}/request/nope`, noahToken);
    const foreign = await t.get(path, noahToken);
    expect(foreign.status).toBe(404);
    expect(foreign.status).toBe(missing.status);
    expect((await t.post(path, noahToken, { notes: 'x' })).status).toBe(404);
    const deleted = await t.post(`/concierge/${noah}/venues/${larder}/requests/delete`, noahToken, {
      request_ids: id,
    });
    expect(deleted.body.data).toEqual({ count: 0, deleted_ids: [] });
    // Ava's own path with another venue also hides it.
    const elsewhere = await t.get(
      `/concierge/${ava}/venues/${t.venueId('harbor-grill')}/request/${id}`,
      token,
    );
    expect(elsewhere.status).toBe(404);
    // A venue-group credential cannot use the concierge paths at all.
    const harbor = await t.login(CREDENTIALS.harbor);
    expect((await t.get(`/concierge/${ava}/venues/${larder}/request/${id}`, harbor)).status).toBe(403);
  });
});
