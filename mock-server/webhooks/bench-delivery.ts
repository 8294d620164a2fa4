/**
 * Benchmark (not a test): pushes N reservation changes through the webhook pipeline to a verifying
 * receiver on 127.0.0.1, with batching on and off, and reports events/s and memory.
 *
 *   node --expose-gc --import tsx mock-server/webhooks/bench-delivery.ts [--events 20000] [--json]
 *
 * The producer publishes as fast as the pipeline drains: it keeps the queue below a high-water mark
 * rather than dumping all N at once, which would only measure the overflow path.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { SystemClock } from '../clock.js';
import { createRandom } from '../random.js';
import { ChangeFeed, type StoreChange } from '../store/change-feed.js';
import { verifyWebhookSignature } from './signing.js';
import { createWebhookService } from './webhook-service.js';

export interface DeliveryBenchOptions {
  events: number;
  batchWindowMs: number;
  maxBatchSize: number;
  label: string;
}

export interface DeliveryBenchResult {
  label: string;
  events: number;
  requests: number;
  seconds: number;
  eventsPerSecond: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  /** Heap used after 25 %, 50 %, 75 % and 100 % of the events were published: flat means bounded. */
  heapAtQuartilesMb: number[];
  heapAfterMb: number;
}

const SECRET = 'whsec_bench_secret_000';
const HIGH_WATER = 2_000;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

function reservation(n: number, status: string): Record<string, unknown> {
  return {
    id: `ahNzfnNldmVucm9vbXMtbW9ja3IiCxIbbmlnaHRsb29wX1Jlc2VydmF0aW9uQWN0dWFs${n}`,
    reference_code: 'K7Q2M9X',
    venue_id: 'ahNzfnNldmVucm9vbXMtbW9ja3IWCxIPbmlnaHRsb29wX1ZlbnVlGOkHDA',
    venue_group_id: 'vg-bench',
    client_id: 'ahNzfnNldmVucm9vbXMtbW9ja3IhCxIabmlnaHRsb29wX1ZlbnVlR3JvdXBDbGllbnQYZAw',
    date: '2025-05-01',
    arrival_time: '7:00 PM',
    time_slot_iso: '19:00:00',
    real_datetime_of_slot: '2025-05-01 19:00:00',
    duration: 120,
    max_guests: 4,
    status,
    status_display: status === 'SEATED' ? 'Seated' : 'Reserved',
    status_code: status === 'SEATED' ? 'SEATED' : 'RESERVED',
    status_simple: 'Active',
    table_numbers: status === 'SEATED' ? ['12'] : [],
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
    notes: 'Window seat if possible, celebrating a birthday.',
    client_requests: 'High chair',
    custom_fields: [],
    created: '2025-04-20T10:15:00.000000',
    updated: '2025-05-01T18:00:00.000000',
    deleted: null,
  };
}

function seatedChange(n: number, at: number): StoreChange {
  return {
    entityType: 'reservation',
    eventType: 'updated',
    venueGroupId: 'vg-bench',
    venueId: 'v-bench',
    entityId: `r${n}`,
    previous: reservation(n, 'CONFIRMED'),
    current: reservation(n, 'SEATED'),
    at,
  };
}

/** Runs one scenario end to end and closes everything it opened. */
export async function runDeliveryBench(options: DeliveryBenchOptions): Promise<DeliveryBenchResult> {
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  let received = 0;
  let requests = 0;
  let done: () => void = () => {};
  const allReceived = new Promise<void>((resolve) => (done = resolve));
  // A realistic receiver: verifies the signature and parses the body before answering.
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const header = req.headers['x-sevenrooms-mock-signature'] as string | undefined;
      if (!verifyWebhookSignature({ rawBody, header, secret: SECRET }).ok)
        return void res.writeHead(401).end();
      received += (JSON.parse(rawBody.toString('utf8')) as unknown[]).length;
      requests++;
      res.writeHead(200).end();
      if (received >= options.events) done();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const clock = new SystemClock();
  const feed = new ChangeFeed();
  const service = createWebhookService({
    feed,
    clock,
    random: createRandom(1),
    batchWindowMs: options.batchWindowMs,
    maxBatchSize: options.maxBatchSize,
    endpoints: [{ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secret: SECRET }],
  });

  let rssPeak = rssBefore;
  const heapAtQuartiles: number[] = [];
  const quartile = Math.max(1, Math.floor(options.events / 4));
  const started = performance.now();
  for (let n = 0; n < options.events;) {
    if (service.stats().queuedEvents >= HIGH_WATER) {
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    const chunkEnd = Math.min(options.events, n + 500);
    for (; n < chunkEnd; n++) {
      feed.publish(seatedChange(n, clock.now()));
      if ((n + 1) % quartile === 0 && heapAtQuartiles.length < 4) {
        gc?.();
        heapAtQuartiles.push(mb(process.memoryUsage().heapUsed));
      }
    }
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  await allReceived;
  const seconds = (performance.now() - started) / 1000;
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

  await service.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  gc?.();
  const memory = process.memoryUsage();
  return {
    label: options.label,
    events: received,
    requests,
    seconds: Math.round(seconds * 100) / 100,
    eventsPerSecond: Math.round(received / seconds),
    rssBeforeMb: mb(rssBefore),
    rssPeakMb: mb(rssPeak),
    rssAfterMb: mb(memory.rss),
    heapAtQuartilesMb: heapAtQuartiles,
    heapAfterMb: mb(memory.heapUsed),
  };
}

/** Both scenarios, batching on then off. */
export async function runDeliveryBenches(events: number): Promise<DeliveryBenchResult[]> {
  return [
    await runDeliveryBench({
      events,
      batchWindowMs: 250,
      maxBatchSize: 100,
      label: 'batching on (250 ms, ≤100/request)',
    }),
    await runDeliveryBench({
      events,
      batchWindowMs: 0,
      maxBatchSize: 1,
      label: 'batching off (1 event/request)',
    }),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { events: { type: 'string', default: '20000' }, json: { type: 'boolean' } },
  });
  const results = await runDeliveryBenches(Number(values.events));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  for (const r of results) {
    process.stdout.write(
      `${r.label}: ${r.events} events in ${r.requests} requests, ${r.seconds} s → ${r.eventsPerSecond} events/s; ` +
        `RSS ${r.rssBeforeMb} MB before, ${r.rssPeakMb} MB peak, ${r.rssAfterMb} MB after; ` +
        `heap at 25/50/75/100 % ${r.heapAtQuartilesMb.join(' / ')} MB${gc ? '' : ' (run with --expose-gc for steadier figures)'}\n`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
