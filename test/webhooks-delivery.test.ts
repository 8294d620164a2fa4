import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { createRandom } from '../mock-server/random.js';
import { ChangeFeed, type StoreChange } from '../mock-server/store/change-feed.js';
import { createWebhookService, verifyWebhookSignature } from '../mock-server/webhooks/index.js';
import type { WebhookEvent, WebhookServiceOptions } from '../mock-server/webhooks/index.js';

// --- a programmable receiver on loopback ---------------------------------------------------------

type Reply = number | 'hang';

interface ReceivedRequest {
  body: string;
  events: WebhookEvent[];
  headers: IncomingHttpHeaders;
  reply: Reply;
}

interface TestReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Decides the answer to the n-th request (0-based); tests swap it to simulate outages. */
  reply: (index: number) => Reply;
  nextRequest(): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

async function startTestReceiver(reply: (index: number) => Reply = () => 200): Promise<TestReceiver> {
  const requests: ReceivedRequest[] = [];
  let waiters: Array<(r: ReceivedRequest) => void> = [];
  const receiver: TestReceiver = {
    url: '',
    requests,
    reply,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = receiver.reply(requests.length);
      const received = {
        body,
        events: JSON.parse(body) as WebhookEvent[],
        headers: req.headers,
        reply: answer,
      };
      requests.push(received);
      for (const w of waiters) w(received);
      waiters = [];
      if (answer !== 'hang') res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

// --- realistic store changes ---------------------------------------------------------------------

const VENUE_GROUP = 'ahNzfnNldmVucm9vbXMtbW9ja3IbCxIUbmlnaHRsb29wX1ZlbnVlR3JvdXAYAQw';
const VENUE = 'ahNzfnNldmVucm9vbXMtbW9ja3IWCxIPbmlnaHRsb29wX1ZlbnVlGOkHDA';
const RES_A = 'ahNzfnNldmVucm9vbXMtbW9ja3IiCxIbbmlnaHRsb29wX1Jlc2VydmF0aW9uQWN0dWFsGKGNBgw';
const RES_B = 'ahNzfnNldmVucm9vbXMtbW9ja3IiCxIbbmlnaHRsb29wX1Jlc2VydmF0aW9uQWN0dWFsGKKNBgw';

function reservation(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    reference_code: 'K7Q2M9X',
    venue_id: VENUE,
    venue_group_id: VENUE_GROUP,
    client_id: 'ahNzfnNldmVucm9vbXMtbW9ja3IhCxIabmlnaHRsb29wX1ZlbnVlR3JvdXBDbGllbnQYZAw',
    date: '2025-05-01',
    arrival_time: '7:00 PM',
    time_slot_iso: '19:00:00',
    real_datetime_of_slot: '2025-05-01 19:00:00',
    duration: 120,
    max_guests: 4,
    status: 'CONFIRMED',
    status_display: 'Reserved',
    status_code: 'RESERVED',
    status_simple: 'Active',
    table_numbers: [],
    tags: [
      {
        tag: 'Birthday',
        tag_display: 'Birthday',
        group: 'Occasion',
        group_display: 'Occasion',
        color: '#f5a623',
      },
    ],
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    phone_number: '+12125550100',
    notes: '',
    created: '2025-04-20T10:15:00.000000',
    updated: '2025-04-20T10:15:00.000000',
    deleted: null,
    ...overrides,
  };
}

let seq = 0;
/** An `updated` change of reservation `id` whose `notes` become a fresh value, so each event is distinct. */
function noteChange(id: string, clock: ManualClock): StoreChange {
  seq++;
  return {
    entityType: 'reservation',
    eventType: 'updated',
    venueGroupId: VENUE_GROUP,
    venueId: VENUE,
    entityId: id,
    previous: reservation(id, { notes: `note ${seq - 1}` }),
    current: reservation(id, { notes: `note ${seq}`, updated: '2025-05-01T18:00:00.000000' }),
    at: clock.now(),
  };
}

// --- harness -------------------------------------------------------------------------------------

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(reply?: (index: number) => Reply, options: Partial<WebhookServiceOptions> = {}) {
  const clock = new ManualClock('2025-05-01T18:00:00Z');
  const feed = new ChangeFeed();
  const receiver = await startTestReceiver(reply);
  const service = createWebhookService({
    feed,
    clock,
    random: createRandom(7),
    endpoints: [{ url: receiver.url, secret: 'whsec_test_secret_123' }],
    ...options,
  });
  cleanups.push(
    () => receiver.close(),
    () => service.close(),
  );
  /** Moves the mock clock and waits for whatever that set off. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    await service.flush();
  };
  return { clock, feed, receiver, service, advance };
}

const okRequests = (r: TestReceiver) => r.requests.filter((q) => q.reply === 200);
const notesOf = (q: ReceivedRequest) =>
  q.events.map((e) => `${e.entity.id === RES_A ? 'A' : 'B'}:${String(e.entity.notes)}`);

// --- tests ---------------------------------------------------------------------------------------

describe('webhook delivery', () => {
  it('an updated reservation whose status and tables changed names both in `updates`, with previous values', async () => {
    const { clock, feed, receiver, service } = await setup();
    feed.publish({
      entityType: 'reservation',
      eventType: 'updated',
      venueGroupId: VENUE_GROUP,
      venueId: VENUE,
      entityId: RES_A,
      previous: reservation(RES_A),
      current: reservation(RES_A, {
        status: 'SEATED',
        status_display: 'Seated',
        status_code: 'SEATED',
        table_numbers: ['12', '14'],
        updated: '2025-05-01T18:00:00.000000',
      }),
      at: clock.now(),
    });
    await service.flush();

    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(request.headers['content-type']).toBe('application/json');
    expect(Array.isArray(request.events)).toBe(true);
    const [event] = request.events;
    expect(event).toMatchObject({
      entity_type: 'reservation',
      event_type: 'updated',
      entity: { id: RES_A, status: 'SEATED' },
    });
    expect(event!.updates).toEqual([
      { field: 'status', previous: 'CONFIRMED', current: 'SEATED' },
      { field: 'status_display', previous: 'Reserved', current: 'Seated' },
      { field: 'status_code', previous: 'RESERVED', current: 'SEATED' },
      { field: 'table_numbers', previous: [], current: ['12', '14'] },
    ]);
    // The request is signed per docs/decisions/0001 with the endpoint's secret and the mock clock's time.
    expect(request.headers['x-sevenrooms-mock-delivery-attempt']).toBe('1');
    expect(request.headers['x-sevenrooms-mock-event-id']).toMatch(/^evb_/);
    const verified = verifyWebhookSignature({
      rawBody: request.body,
      header: request.headers['x-sevenrooms-mock-signature'] as string,
      secret: 'whsec_test_secret_123',
      now: clock.now(),
    });
    expect(verified).toEqual({ ok: true, timestampSec: clock.now() / 1000 });
  });

  it('a receiver that fails its first 3 attempts then recovers gets every event, in order per reservation', async () => {
    const { clock, feed, receiver, service, advance } = await setup((i) => (i < 3 ? 500 : 200), {
      maxBatchSize: 1,
    });
    for (const id of [RES_A, RES_B, RES_A, RES_A, RES_B]) feed.publish(noteChange(id, clock));
    await service.flush(); // attempt 1 of the first batch fails
    await advance(1_200); // 1 s + 20 % jitter at most: attempt 2 fails
    await advance(6_000); // 5 s: attempt 3 fails
    expect(okRequests(receiver)).toHaveLength(0);
    await advance(36_000); // 30 s: attempt 4 succeeds, and the queue drains behind it

    const delivered = okRequests(receiver).flatMap(notesOf);
    const published = [RES_A, RES_B, RES_A, RES_A, RES_B].map(
      (id, i) => `${id === RES_A ? 'A' : 'B'}:note ${seq - 4 + i}`,
    );
    expect(delivered).toEqual(published);

    const [first, ...rest] = service.deliveries.list().reverse();
    expect(first!.state).toBe('succeeded');
    expect(first!.attempts.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 500, false],
      [4, 200, true],
    ]);
    // Retries follow the schedule (1 s, 5 s, 30 s) within ±20 % jitter, on the mock clock.
    const gaps = first!.attempts.slice(1).map((a, i) => a.at - first!.attempts[i]!.at);
    [1_000, 5_000, 30_000].forEach((base, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(base * 0.8);
      expect(gaps[i]).toBeLessThanOrEqual(base * 1.2);
    });
    expect(first!.attempts.every((a) => a.latencyMs >= 0 && a.error === (a.ok ? null : 'HTTP 500'))).toBe(
      true,
    );
    expect(rest.map((d) => [d.state, d.attempts.length])).toEqual(Array(4).fill(['succeeded', 1]));
    expect(receiver.requests.map((q) => q.headers['x-sevenrooms-mock-delivery-attempt'])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '1',
      '1',
      '1',
      '1',
    ]);
    expect(service.stats()).toMatchObject({
      deliveredEvents: 5,
      failedAttempts: 3,
      queuedEvents: 0,
      deadLetteredEvents: 0,
    });
    expect(clock.pendingTimers).toBe(0);
  });

  it('dead-letters a batch after the last retry, moves on to later events, and redelivers it on request', async () => {
    const { clock, feed, receiver, service, advance } = await setup((i) => (i < 3 ? 503 : 200), {
      retrySchedule: [1_000, 2_000],
    });
    feed.publish(noteChange(RES_A, clock));
    await service.flush();
    feed.publish(noteChange(RES_A, clock)); // waits behind the failing batch
    await advance(1_200);
    await advance(2_400); // third and last attempt fails → dead letter; the second event goes out and succeeds

    const [later, dead] = service.deliveries.list();
    expect(dead).toMatchObject({
      state: 'dead_lettered',
      deadLetterReason: 'retries_exhausted',
      nextAttemptAt: null,
    });
    expect(dead!.attempts.map((a) => a.status)).toEqual([503, 503, 503]);
    expect(later!.state).toBe('succeeded');
    expect(service.deliveries.list({ state: 'dead_lettered' })).toHaveLength(1);

    const redelivery = service.deliveries.redeliver(dead!.id);
    expect(redelivery).toMatchObject({ state: 'pending', redeliveryOf: dead!.id, eventId: dead!.eventId });
    await service.flush();
    const last = receiver.requests.at(-1)!;
    expect(last.body).toBe(service.deliveries.get(dead!.id)!.body);
    expect(last.headers['x-sevenrooms-mock-event-id']).toBe(dead!.eventId);
    expect(last.headers['x-sevenrooms-mock-delivery-attempt']).toBe('1');
    expect(service.deliveries.get(redelivery.id)!.state).toBe('succeeded');

    expect(() => service.deliveries.redeliver('dlv_nope')).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('a hung receiver never blocks feed.publish, and the per-attempt timeout fires', async () => {
    const { clock, feed, receiver, service } = await setup(() => 'hang', {
      timeoutMs: 200,
      batchWindowMs: 0,
    });
    const firstArrived = receiver.nextRequest();
    feed.publish(noteChange(RES_A, clock));
    await firstArrived; // the receiver now holds the request open and never answers

    // Publishing is synchronous: it returns (no promise) while the receiver still has not answered.
    expect(feed.publish(noteChange(RES_A, clock))).toBeUndefined();
    expect(service.stats()).toMatchObject({ inFlight: 1, queuedEvents: 1 });
    expect(() => service.deliveries.redeliver(service.deliveries.list()[0]!.id)).toThrow(
      expect.objectContaining({ status: 409 }),
    );

    await service.flush(); // resolves only because the 200 ms timeout aborted the attempt
    const [delivery] = service.deliveries.list();
    expect(delivery!.attempts).toEqual([
      expect.objectContaining({ attempt: 1, status: null, ok: false, error: 'timeout after 200 ms' }),
    ]);
    expect(delivery!.state).toBe('retrying');
    expect(service.stats()).toMatchObject({ retrying: 1, queuedEvents: 1 });
  });

  it('batches changes made within the window into one array, and waits for the clock to close it', async () => {
    const { clock, feed, receiver, service } = await setup();
    feed.publish(noteChange(RES_A, clock));
    clock.advance(100);
    feed.publish(noteChange(RES_B, clock));
    clock.advance(100);
    feed.publish(noteChange(RES_A, clock));
    clock.advance(49);
    expect(service.stats()).toMatchObject({ queuedEvents: 3, inFlight: 0 });
    expect(service.stats().perEndpoint[0]!.state).toBe('batching');
    clock.advance(1); // 250 ms after the first change the window closes
    await service.flush();
    expect(receiver.requests).toHaveLength(1);
    expect(notesOf(receiver.requests[0]!)).toEqual([
      `A:note ${seq - 2}`,
      `B:note ${seq - 1}`,
      `A:note ${seq}`,
    ]);

    feed.publish(noteChange(RES_B, clock));
    await service.flush();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.events).toHaveLength(1);
  });

  it('with batchWindowMs 0 and maxBatchSize 1 every event is its own request, without the clock moving', async () => {
    const { clock, feed, receiver, service } = await setup(undefined, { batchWindowMs: 0, maxBatchSize: 1 });
    for (let i = 0; i < 3; i++) feed.publish(noteChange(RES_A, clock));
    await service.flush();
    expect(receiver.requests.map((r) => r.events.length)).toEqual([1, 1, 1]);
  });

  it('while a receiver is down the queue never exceeds its cap; the overflow is dead-lettered and redeliverable', async () => {
    let down = true;
    const { clock, feed, receiver, service, advance } = await setup(() => (down ? 503 : 200), {
      maxQueuedEvents: 10,
      maxBatchSize: 5,
      batchWindowMs: 0,
    });
    const published: string[] = [];
    const publish = () => {
      const change = noteChange(RES_A, clock);
      published.push(`A:${String(change.current!.notes)}`);
      feed.publish(change);
      expect(service.stats().queuedEvents).toBeLessThanOrEqual(10);
    };
    for (let i = 0; i < 50; i++) publish();
    await service.flush(); // the first batch (5 of the 10 survivors) fails
    for (let minute = 0; minute < 30; minute++) {
      publish();
      await advance(60_000); // retries keep failing while more changes arrive
    }
    expect(service.stats().queuedEvents).toBeLessThanOrEqual(10);

    down = false;
    await advance(2 * 3_600_000);
    const overflow = service.deliveries
      .list({ state: 'dead_lettered' })
      .filter((d) => d.deadLetterReason === 'queue_overflow');
    const delivered = okRequests(receiver).flatMap(notesOf);
    const lost = overflow.flatMap((d) => d.events.length);
    expect(delivered.length + lost.reduce((a, b) => a + b, 0)).toBe(published.length);
    // What was delivered is in publication order, and is the newest events (the oldest were pushed out).
    expect(delivered).toEqual(published.filter((p) => delivered.includes(p)));
    expect(delivered.at(-1)).toBe(published.at(-1));
    expect(overflow.every((d) => d.attempts.length === 0 && d.events.length <= 5)).toBe(true);

    const oldest = overflow.at(-1)!;
    service.deliveries.redeliver(oldest.id);
    await service.flush();
    expect(notesOf(receiver.requests.at(-1)!)).toEqual(published.slice(0, oldest.events.length));
  });

  it('keeps the delivery log bounded, dropping the oldest finished deliveries first', async () => {
    const { clock, feed, service } = await setup(undefined, { logLimit: 5, batchWindowMs: 0 });
    for (let i = 0; i < 12; i++) {
      feed.publish(noteChange(RES_A, clock));
      await service.flush();
    }
    const log = service.deliveries.list();
    expect(log).toHaveLength(5);
    expect(service.stats()).toMatchObject({ logSize: 5, succeededDeliveries: 12 });
    expect(log[0]!.events[0]!.entityId).toBe(RES_A);
    expect(service.deliveries.list({ limit: 2 })).toEqual(log.slice(0, 2));
  });

  it('also bounds the bytes of bodies the log retains', async () => {
    const { clock, feed, service } = await setup(undefined, { logMaxBytes: 20_000, batchWindowMs: 0 });
    for (let i = 0; i < 30; i++) {
      feed.publish(noteChange(RES_A, clock));
      await service.flush();
    }
    const { logBytes, logSize, succeededDeliveries } = service.stats();
    expect(succeededDeliveries).toBe(30);
    expect(logBytes).toBeLessThanOrEqual(20_000);
    expect(logSize).toBeLessThan(30);
    expect(logSize).toBeGreaterThan(5);
  });

  it('removing an endpoint dead-letters its retrying batch and stops delivery to it', async () => {
    const { clock, feed, receiver, service } = await setup(() => 500);
    feed.publish(noteChange(RES_A, clock));
    await service.flush();
    const [endpoint] = service.endpoints.list();
    expect(service.endpoints.remove(endpoint!.id)).toBe(true);
    expect(service.deliveries.list()[0]).toMatchObject({
      state: 'dead_lettered',
      deadLetterReason: 'endpoint_removed',
    });
    expect(feed.active).toBe(false);
    feed.publish(noteChange(RES_A, clock));
    clock.advance(3_600_000);
    await service.flush();
    expect(receiver.requests).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });
});
