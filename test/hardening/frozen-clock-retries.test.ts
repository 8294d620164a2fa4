/** Finding 10: a webhook retry stalled by the frozen clock says so, in the delivery log and the banner. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContractValidator } from '../../contracts/validate/index.js';
import { serveQuietly } from '../support/serve-quietly.js';
import { loadSpec, CONTROL_SPEC_PATH } from '../../mock-server/spec/load-spec.js';
import { CREDENTIALS, guest, testServer } from '../support/harness.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  vi.restoreAllMocks();
});

/** A loopback receiver that fails the first `failures` deliveries with 500, then accepts. */
async function flakyReceiver(failures: number) {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(++n <= failures ? 500 : 200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, calls: () => n };
}

interface DeliveryView {
  id: string;
  state: string;
  waitingOnFrozenClock: boolean;
}

describe('webhook retries on a frozen clock', () => {
  it('the delivery log marks the stalled retry and says how to release it; advancing the clock sends it', async () => {
    const sink = await flakyReceiver(1);
    const t = testServer({
      start: '2026-12-08T00:00:00Z',
      webhooks: {
        endpoints: [{ url: sink.url, secret: 'whsec_test_secret' }],
        batchWindowMs: 0,
        retrySchedule: [5_000],
      },
    });
    closers.push(() => t.mock.close());
    const token = await t.login(CREDENTIALS.harbor);
    const booked = await t.put(`/venues/${t.venueId('harbor-grill')}/book`, token, {
      date: '2026-12-09',
      time: '19:00',
      party_size: 2,
      ...guest(1),
    });
    expect(booked.status).toBe(200);
    await t.mock.webhooks.flush();
    expect(sink.calls()).toBe(1);

    const reply = await t.control('GET', '/webhooks/deliveries');
    const text = await reply.text();
    const log = JSON.parse(text) as { deliveries: DeliveryView[]; note?: string };
    expect(log.deliveries[0]).toMatchObject({ state: 'retrying', waitingOnFrozenClock: true });
    expect(log.note).toMatch(/frozen clock.*\/_mock\/clock\/advance/);
    const validator = createContractValidator(loadSpec(CONTROL_SPEC_PATH).doc);
    const verdict = validator.validateResponse({
      method: 'GET',
      url: '/_mock/webhooks/deliveries',
      status: 200,
      responseHeaders: Object.fromEntries(reply.headers),
      responseBody: text,
    });
    expect(verdict.violations).toEqual([]);
    const one = (await (
      await t.control('GET', `/webhooks/deliveries/${log.deliveries[0]!.id}`)
    ).json()) as DeliveryView;
    expect(one.waitingOnFrozenClock).toBe(true);

    await t.control('POST', '/clock/advance', { seconds: 10 });
    await t.mock.webhooks.flush();
    expect(sink.calls()).toBe(2);
    const after = (await (await t.control('GET', '/webhooks/deliveries')).json()) as {
      deliveries: DeliveryView[];
      note?: string;
    };
    expect(after.deliveries[0]).toMatchObject({ state: 'succeeded', waitingOnFrozenClock: false });
    expect(after.note).toBeUndefined();
  });

  it('the start-up banner says a frozen clock holds webhook retries, and says nothing on the wall clock', async () => {
    const run = async (clock: string) => {
      const { banner, stop } = await serveQuietly(['--clock', clock]);
      await stop();
      return banner;
    };
    expect(await run('2026-12-07T17:00:00Z')).toMatch(
      /clock is frozen: failed webhook deliveries wait .*clock\/advance/,
    );
    expect(await run('system')).not.toMatch(/clock is frozen/);
  });
});
