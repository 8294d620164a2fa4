import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createContractValidator } from '../contracts/validate/index.js';
import { verifyWebhookSignature } from '../mock-server/webhooks/index.js';
import { CREDENTIALS, guest, testServer } from './support/harness.js';

interface Received {
  body: string;
  headers: IncomingMessage['headers'];
}

/** A loopback receiver whose answer to each request is decided by `respond` (a status, or 'hang'). */
async function receiver(respond: (n: number) => number | 'hang' = () => 200) {
  const received: Received[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      const answer = respond(++n);
      if (answer === 'hang') return;
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
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

async function withEndpoint(respond?: (n: number) => number | 'hang', tuning: Record<string, unknown> = {}) {
  const sink = await receiver(respond);
  const t = testServer({
    start: '2026-12-08T00:00:00Z',
    webhooks: {
      endpoints: [{ url: sink.url, secret: 'whsec_test_secret' }],
      batchWindowMs: 0,
      timeoutMs: 300,
      ...tuning,
    },
  });
  closers.push(sink.close, () => t.mock.close());
  return { t, sink };
}

const events = (sink: { received: Received[] }) =>
  sink.received.flatMap(
    (r) =>
      JSON.parse(r.body) as {
        entity_type: string;
        event_type: string;
        entity: { id: string };
        updates: { field: string; previous: unknown }[];
      }[],
  );

describe('webhooks from a running mock', () => {
  it('seating a party and assigning a table delivers an updated event naming status and table_numbers', async () => {
    const { t, sink } = await withEndpoint();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-07',
      time: '19:15',
      party_size: 2,
      ...guest(1),
    });
    const id = booked.body.data.reservation_id as string;
    const previousTables = booked.body.data.reservation.table_numbers as string[];
    await t.control('POST', `/venues/${venue}/reservations/${id}/seat`, { table_numbers: ['12'] });
    await t.mock.webhooks.flush();

    const all = events(sink);
    expect(all.map((e) => `${e.entity_type}.${e.event_type}`)).toEqual([
      'client.created',
      'reservation.created',
      'reservation.updated',
      'reservation.updated',
    ]);
    const tableChange = all[2]!.updates.map((u) => u.field);
    expect(tableChange).toContain('table_numbers');
    expect(all[2]!.updates.find((u) => u.field === 'table_numbers')!.previous).toEqual(previousTables);
    const seat = all[3]!.updates;
    expect(seat.map((u) => u.field)).toEqual(expect.arrayContaining(['status', 'seated_time']));
    expect(seat.find((u) => u.field === 'status')!.previous).toBe('CONFIRMED');

    const first = sink.received[0]!;
    const verdict = verifyWebhookSignature({
      rawBody: first.body,
      header: String(first.headers['x-sevenrooms-mock-signature']),
      secret: 'whsec_test_secret',
    });
    expect(verdict.ok).toBe(true);
  });

  it('every event kind validates against the spec’s webhooks section', async () => {
    const { t, sink } = await withEndpoint();
    const token = await t.login(CREDENTIALS.ava);
    const ava = t.conciergeId('ava');
    const venue = t.venueId('harbor-grill');
    const booked = await t.put(`/concierge/${ava}/venues/${venue}/book`, token, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      ...guest(2),
      client_tags_to_add: 'VIP:VIP',
    });
    const id = booked.body.data.reservation_id as string;
    await t.del(`/concierge/${ava}/reservations/${id}`, token);
    await t.del(`/concierge/${ava}/reservations/${id}/delete`, token);
    await t.mock.webhooks.flush();

    const kinds = new Set(events(sink).map((e) => `${e.entity_type}.${e.event_type}`));
    expect([...kinds].sort()).toEqual([
      'client.created',
      'client.updated',
      'reservation.created',
      'reservation.deleted',
      'reservation.updated',
    ]);
    const validator = createContractValidator(t.mock.spec);
    for (const delivery of sink.received) {
      const result = validator.validateWebhook(delivery.body, delivery.headers as Record<string, string>);
      expect(result.violations, delivery.body.slice(0, 200)).toEqual([]);
    }
  });

  it('a receiver that fails 3 times then recovers gets every event in order; the log shows each attempt', async () => {
    const { t, sink } = await withEndpoint((n) => (n <= 3 ? 500 : 200), {
      retrySchedule: [1000, 2000, 4000, 8000],
      jitter: 0,
    });
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      ...guest(3),
    });
    const id = booked.body.data.reservation_id as string;
    await t.put(`/venues/${venue}/book`, token, {
      reservation_id: id,
      date: '2026-12-08',
      time: '19:30',
      party_size: 2,
    });
    await t.del(`/reservations/${id}`, token);
    await t.mock.webhooks.flush();
    for (const step of [1000, 2000, 4000, 8000, 8000]) {
      await t.control('POST', '/clock/advance', { seconds: step / 1000 });
      await t.mock.webhooks.flush();
    }

    const delivered = sink.received.slice(3).flatMap(
      (r) =>
        JSON.parse(r.body) as {
          entity_type: string;
          event_type: string;
          entity: { status: string; arrival_time: string };
        }[],
    );
    const reservationEvents = delivered.filter((e) => e.entity_type === 'reservation');
    expect(
      reservationEvents.map((e) => `${e.event_type}:${e.entity.arrival_time}:${e.entity.status}`),
    ).toEqual(['created:7:00 PM:CONFIRMED', 'updated:7:30 PM:CONFIRMED', 'updated:7:30 PM:CANCELED']);
    const log = (await (await t.control('GET', '/webhooks/deliveries')).json()) as {
      deliveries: { attempts: { status: number }[]; state: string }[];
    };
    const firstDelivery = log.deliveries[log.deliveries.length - 1]!;
    expect(firstDelivery.attempts.map((a) => a.status)).toEqual([500, 500, 500, 200]);
    expect(log.deliveries.every((d) => d.state === 'succeeded')).toBe(true);
  });

  it('a receiver that hangs does not slow the API', async () => {
    const { t, sink } = await withEndpoint(() => 'hang', { timeoutMs: 5_000 });
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    for (let i = 0; i < 5; i++) {
      const reply = await t.put(`/venues/${venue}/book`, token, {
        date: '2026-12-08',
        time: '18:00',
        party_size: 2,
        ...guest(10 + i),
      });
      expect(reply.status).toBe(200);
    }
    // Every booking answered while the receiver still has not answered its first request.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sink.received.length).toBe(1);
    const stats = t.mock.webhooks.stats();
    expect(stats.inFlight).toBe(1);
  });
});
