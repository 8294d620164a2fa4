import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { createRandom } from '../mock-server/random.js';
import { ChangeFeed } from '../mock-server/store/change-feed.js';
import {
  createWebhookService,
  ReceiverUsageError,
  runReceiverCli,
  signPayload,
  startReceiver,
  verifyWebhookSignature,
} from '../mock-server/webhooks/index.js';

const SECRET = 'whsec_receiver_test_1';
const RES = 'ahNzfnNldmVucm9vbXMtbW9ja3IiCxIbbmlnaHRsb29wX1Jlc2VydmF0aW9uQWN0dWFsGKGNBgw';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function seated(clock: ManualClock) {
  const before = { id: RES, status: 'CONFIRMED', table_numbers: [] as string[], max_guests: 4, updated: 'a' };
  return {
    entityType: 'reservation' as const,
    eventType: 'updated' as const,
    venueGroupId: 'vg1',
    venueId: 'v1',
    entityId: RES,
    previous: before,
    current: { ...before, status: 'SEATED', table_numbers: ['12'], updated: 'b' },
    at: clock.now(),
  };
}

describe('sevenrooms-mock listen (receiver)', () => {
  it('verifies, answers 200 and prints one readable line per event', async () => {
    const lines: string[] = [];
    const receiver = await runReceiverCli(['--secret', SECRET, '--port', '0', '--tolerance', 'off'], {
      print: (l) => lines.push(l),
      handleSignals: false,
    });
    cleanups.push(() => receiver!.close());
    expect(lines[0]).toMatch(/^Ready! Listening on http:\/\/127\.0\.0\.1:\d+, verifying signatures/);

    const clock = new ManualClock('2025-05-01T19:02:11Z');
    const feed = new ChangeFeed();
    const service = createWebhookService({
      feed,
      clock,
      random: createRandom(3),
      endpoints: [{ url: receiver!.url, secret: SECRET }],
    });
    cleanups.push(() => service.close());
    feed.publish(seated(clock));
    feed.publish({ ...seated(clock), eventType: 'created', previous: null });
    await service.flush();
    await receiver!.idle();

    expect(service.deliveries.list()[0]!.attempts[0]!.status).toBe(200);
    expect(lines.slice(1)).toEqual([
      `2025-05-01T19:02:11Z  reservation.updated  ${RES}  status: "CONFIRMED" → "SEATED", table_numbers: [] → ["12"]`,
      `2025-05-01T19:02:11Z  reservation.created  ${RES}`,
    ]);
    expect(receiver!.stats()).toMatchObject({ accepted: 1, rejected: 0, events: 2 });
  });

  it('answers 401 to a tampered body or a stale signature, and prints why', async () => {
    const lines: string[] = [];
    const now = 1_746_126_131_000;
    const receiver = await startReceiver({ secret: SECRET, print: (l) => lines.push(l), now: () => now });
    cleanups.push(() => receiver.close());
    const body = JSON.stringify([
      { entity: { id: RES }, entity_type: 'reservation', event_type: 'created', updates: [] },
    ]);
    const post = (rawBody: string, timestampSec: number) =>
      fetch(receiver.url, {
        method: 'POST',
        body: rawBody,
        headers: {
          'X-SevenRooms-Mock-Signature': signPayload({ rawBody: body, secret: SECRET, timestampSec }),
        },
      });

    expect((await post(body.replace('created', 'deleted'), now / 1000)).status).toBe(401);
    const stale = await post(body, now / 1000 - 301);
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: 'timestamp_outside_tolerance' });
    expect((await post(body, now / 1000)).status).toBe(200);
    await receiver.idle();
    expect(lines.filter((l) => l.startsWith('✗ rejected (401)'))).toHaveLength(2);
    expect(receiver.stats()).toMatchObject({ accepted: 1, rejected: 2, events: 1 });
  });

  it('forwards each verified payload untouched, with its signing headers, to --forward-to', async () => {
    const forwarded: Array<{ body: string; headers: IncomingHttpHeaders }> = [];
    const app = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        forwarded.push({ body, headers: req.headers });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => app.close(() => resolve())));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/hooks`;

    const clock = new ManualClock('2025-05-01T19:02:11Z');
    const lines: string[] = [];
    const receiver = await startReceiver({
      secret: SECRET,
      forwardTo: appUrl,
      print: (l) => lines.push(l),
      now: () => clock.now(),
    });
    cleanups.push(() => receiver.close());
    const feed = new ChangeFeed();
    const service = createWebhookService({
      feed,
      clock,
      random: createRandom(3),
      endpoints: [{ url: receiver.url, secret: SECRET }],
    });
    cleanups.push(() => service.close());
    feed.publish(seated(clock));
    await service.flush();
    await receiver.idle();

    expect(forwarded).toHaveLength(1);
    const { body, headers } = forwarded[0]!;
    expect(body).toBe(service.deliveries.get(service.deliveries.list()[0]!.id)!.body);
    expect(headers['x-sevenrooms-mock-event-id']).toMatch(/^evb_/);
    const header = headers['x-sevenrooms-mock-signature'] as string;
    expect(verifyWebhookSignature({ rawBody: body, header, secret: SECRET, now: clock.now() }).ok).toBe(true);
    expect(lines.at(-1)).toBe(`  → forwarded to ${appUrl}: 200`);
  });

  it('explains usage mistakes', async () => {
    await expect(runReceiverCli([], { env: {}, handleSignals: false })).rejects.toThrow(ReceiverUsageError);
    await expect(
      runReceiverCli(['--secret', SECRET, '--port', 'x'], { handleSignals: false }),
    ).rejects.toThrow(/--port/);
    await expect(runReceiverCli(['--bogus'], { handleSignals: false })).rejects.toThrow(
      /Unknown option '--bogus'/,
    );
    const lines: string[] = [];
    expect(await runReceiverCli(['--help'], { print: (l) => lines.push(l) })).toBeNull();
    expect(lines[0]).toContain('Usage: sevenrooms-mock listen');
  });
});
