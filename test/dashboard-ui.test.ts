/**
 * The dashboard in a real browser (Chromium via playwright-core) against a real server on a loopback
 * port: what an API client does shows on the floor and the timeline within a second; staff actions in
 * the page change the reservation and fire real webhooks; the clock and fault rules are driven from
 * the page; and with an admin token the page cannot act until it is given the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../mock-server/clock.js';
import { listen, type ListeningServer } from '../mock-server/listen.js';
import { createMockServer, DEFAULT_START_TIME, type MockServer } from '../mock-server/server.js';
import { startReceiver, type ReceiverHandle } from '../mock-server/webhooks/receiver.js';
import { collectPageErrors, launchChromium, screenshot } from './support/browser.js';
import { CREDENTIALS } from './support/harness.js';

const TODAY = '2026-12-07'; // Monday; the mock starts at 12:00 in New York
const SECRET = 'whsec_dashboard_test_secret';

let browser: Browser;
let mock: MockServer;
let server: ListeningServer;
let receiver: ReceiverHandle;
const received: string[] = [];
let venue: string;
let floor: Page;
let timeline: Page;
const pageErrors: string[] = [];

async function api(method: string, path: string, form?: Record<string, string | number>, token?: string) {
  const res = await fetch(`${server.url}/2_4${path}`, {
    method,
    headers: token ? { authorization: token } : {},
    ...(form
      ? { body: new URLSearchParams(Object.entries(form).map(([k, v]): [string, string] => [k, String(v)])) }
      : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function login(credential: { client_id: string; client_secret: string }) {
  return (await api('POST', '/auth', credential)).body.data.token as string;
}

async function controlApi(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/_mock${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

async function openPage(view: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  pageErrors.push(...collectPageErrors(page));
  await page.goto(`${server.url}/_mock/ui/#/${view}`);
  await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor();
  await page.getByTestId(`view-${view}`).waitFor();
  return page;
}

/** A lunch slot for two the Reservations API offers now, between 12:30 and 13:30. */
async function freeLunchSlot(token: string): Promise<string> {
  const reply = await api(
    'GET',
    `/venues/${venue}/availability?date=${TODAY}&party_size=2&start_time=12:30&end_time=13:30`,
    undefined,
    token,
  );
  return reply.body.data.availability[0].timeslots[0].time as string;
}

beforeAll(async () => {
  receiver = await startReceiver({ secret: SECRET, print: (line) => received.push(line) });
  mock = createMockServer({ clock: new ManualClock(DEFAULT_START_TIME) });
  server = await listen(mock, { port: 0 });
  venue = [...mock.catalog.venues.values()].find((v) => v.key === 'harbor-grill')!.id;
  await controlApi('POST', '/webhooks/endpoints', { url: `${receiver.url}/hooks`, secret: SECRET });
  browser = await launchChromium();
  floor = await openPage('floor');
  timeline = await openPage('timeline');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await receiver?.close();
});

describe('the dashboard', () => {
  let reference = '';
  let reservationId = '';

  it('shows a booking made through the API on the floor and on the timeline within a second', async () => {
    const token = await login(CREDENTIALS.harbor);
    const time = await freeLunchSlot(token);
    const booked = await api(
      'PUT',
      `/venues/${venue}/book`,
      { date: TODAY, time, party_size: 2, first_name: 'Grace', last_name: 'Hopper', phone: '+12125550199' },
      token,
    );
    expect(booked.status).toBe(200);
    reference = booked.body.data.reservation.reference_code;
    reservationId = booked.body.data.reservation_id;
    const tile = floor.getByTestId('tile-ref').filter({ hasText: reference });
    const bar = timeline.locator(`[data-testid=bar][data-ref="${reference}"]`);
    await Promise.all([tile.waitFor({ timeout: 1000 }), bar.waitFor({ timeout: 1000 })]);
    const table = floor.locator('.table-tile', { has: tile });
    expect(await table.getAttribute('data-state')).toBe('soon');
    expect(await table.textContent()).toContain('Grace Hopper ×2');
    expect(await bar.getAttribute('data-status')).toBe('CONFIRMED');
  });

  it('seats the party from the page: the API reads it back SEATED and the webhook reaches a real receiver', async () => {
    await floor.getByTestId('tile-ref').filter({ hasText: reference }).click();
    const panel = floor.getByTestId('reservation-panel');
    await panel.getByTestId('panel-ref').filter({ hasText: reference }).waitFor();
    await panel.getByTestId('action-seat').click();
    await panel.getByTestId('panel-status').filter({ hasText: 'SEATED' }).waitFor();

    const token = await login(CREDENTIALS.harbor);
    const readBack = await api('GET', `/reservations/${reservationId}`, undefined, token);
    expect(readBack.body.data).toMatchObject({ reference_code: reference, status: 'SEATED' });
    expect(readBack.body.data.seated_time).toBeTruthy();

    // The receiver verified the signature and printed the event.
    await expect.poll(() => received.join('\n'), { timeout: 5000 }).toMatch(/SEATED/);
    expect(receiver.stats().rejected).toBe(0);
    await panel.getByTestId('panel-history').filter({ hasText: 'webhook succeeded' }).waitFor();
    await floor.locator(`.table-tile[data-state=seated]`, { hasText: reference }).waitFor({ timeout: 1000 });
    await screenshot(floor, 'reservation-panel');
    await panel.getByTestId('panel-close').click();

    const hooks = await openPage('webhooks');
    const row = hooks.getByTestId('delivery-row').filter({ hasText: 'reservation.updated' }).first();
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('succeeded');
    await row.click();
    const payload = hooks.getByTestId('delivery-payload');
    await payload.filter({ hasText: '"SEATED"' }).waitFor();
    expect(await payload.textContent()).toContain(reference);
    await screenshot(hooks, 'webhooks');
    await hooks.close();
  });

  it('advancing the clock from the page expires a hold on screen', async () => {
    const token = await login(CREDENTIALS.ava);
    const ava = [...mock.catalog.concierges.values()].find((c) => c.key === 'ava')!.id;
    const availability = await api(
      'GET',
      `/concierge/${ava}/venues/${venue}/availability/dining?date=${TODAY}&party_size=4&start_time=13:00&end_time=14:00`,
      undefined,
      token,
    );
    const slot = availability.body.data.availability[0].timeslots[0];
    const hold = await api(
      'PUT',
      `/concierge/${ava}/venues/${venue}/holds`,
      {
        date: TODAY,
        time: slot.time,
        party_size: 4,
        shift_persistent_id: slot.shift_persistent_id,
        access_persistent_id: slot.access_persistent_id,
        hold_wait_time_sec: 600,
      },
      token,
    );
    expect(hold.status).toBe(200);
    // A request waiting for the venue, so the timeline's request lane has something to show.
    await api(
      'PUT',
      `/concierge/${ava}/venues/${venue}/request`,
      {
        date: TODAY,
        time: '20:00',
        party_size: 6,
        first_name: 'Ada',
        last_name: 'Byron',
        phone: '+12125550177',
      },
      token,
    );
    const holdBar = timeline.getByTestId('hold-bar');
    await holdBar.first().waitFor({ timeout: 1000 });
    await floor.locator('.table-tile[data-state=held]').first().waitFor({ timeout: 1000 });
    await screenshot(floor, 'floor');
    await screenshot(timeline, 'timeline');

    const chaos = await openPage('chaos');
    await chaos.getByTestId('advance-900').click();
    await holdBar.first().waitFor({ state: 'detached', timeout: 1000 });
    await floor.locator('.table-tile[data-state=held]').first().waitFor({ state: 'detached', timeout: 1000 });
    expect(mock.clock.now()).toBe(Date.parse(DEFAULT_START_TIME) + 900_000);
    await chaos.close();
  });

  it("accepts a concierge's reservation request from the timeline; the concierge reads it accepted", async () => {
    const lane = timeline.getByTestId('requests');
    await lane.getByTestId('request-accept').click();
    await lane.getByTestId('request-status').filter({ hasText: 'ACCEPTED' }).waitFor();
    const bar = timeline.locator('[data-testid=bar]', { hasText: 'Ada Byron' });
    await bar.waitFor({ timeout: 1000 });
    const reference = (await bar.getAttribute('data-ref'))!;
    const token = await login(CREDENTIALS.ava);
    const ava = [...mock.catalog.concierges.values()].find((c) => c.key === 'ava')!.id;
    const readBack = await api('GET', `/concierge/${ava}/reservations/${reference}`, undefined, token);
    expect(readBack.body.data).toMatchObject({
      reference_code: reference,
      status: 'CONFIRMED',
      max_guests: 6,
    });
  });

  it('a fault rule added in the page makes the next API call fail', async () => {
    const chaos = await openPage('chaos');
    await chaos.getByTestId('fault-kind').selectOption('error');
    await chaos.getByTestId('fault-status').selectOption('503');
    await chaos.getByTestId('fault-operation').fill('listVenues');
    await chaos.getByTestId('fault-add').click();
    await chaos.getByTestId('fault-rule').filter({ hasText: 'listVenues' }).waitFor();
    const token = await login(CREDENTIALS.harbor);
    const failed = await api('GET', '/venues', undefined, token);
    expect(failed.status).toBe(503);
    await chaos.getByTestId('fault-rule').filter({ hasText: 'hits 1' }).waitFor();
    await screenshot(chaos, 'time-and-chaos');
    await chaos.getByTestId('fault-rule').getByRole('button', { name: 'Remove' }).click();
    await chaos.getByTestId('fault-rule').waitFor({ state: 'detached' });
    expect((await api('GET', '/venues', undefined, token)).status).toBe(200);
    await chaos.close();
  });

  it('adds a walk-in and moves it to another table from the page', async () => {
    const form = floor.getByTestId('walk-in-form');
    await form.locator('input[type=number]').fill('2');
    await form.getByPlaceholder('Sam Reyes').fill('Sam Reyes');
    await form.locator('select').selectOption('T1');
    await form.getByRole('button', { name: 'Seat walk-in' }).click();
    const t1 = floor.getByTestId('table-T1');
    await t1.filter({ hasText: 'Sam Reyes' }).waitFor({ timeout: 1000 });
    expect(await t1.getAttribute('data-state')).toBe('seated');
    await t1.click();
    const panel = floor.getByTestId('reservation-panel');
    await panel.getByTestId('panel-tables').filter({ hasText: 'T1' }).waitFor();
    const reference = (await panel.getByTestId('panel-ref').textContent())!;
    await panel.getByTestId('panel-table-select').selectOption(['T2']);
    await panel.getByTestId('action-move').click();
    await panel.getByTestId('panel-tables').filter({ hasText: 'T2' }).waitFor();
    await floor.getByTestId('table-T2').filter({ hasText: 'Sam Reyes' }).waitFor({ timeout: 1000 });
    expect(await floor.getByTestId('table-T1').getAttribute('data-state')).toBe('free');
    const token = await login(CREDENTIALS.harbor);
    const readBack = await api('GET', `/reservations/${reference}`, undefined, token);
    expect(readBack.body.data).toMatchObject({
      reservation_type: 'WALK_IN',
      status: 'SEATED',
      table_numbers: ['T2'],
    });
    await panel.getByTestId('panel-close').click();
  });

  it('shows the journal with filters and bodies, and rate-limit budgets', async () => {
    const traffic = await openPage('traffic');
    await traffic.getByTestId('journal-row').first().waitFor();
    await traffic.getByTestId('filter-status').selectOption('5xx');
    await traffic
      .locator('[data-testid=journal-row]:not([data-status="503"])')
      .first()
      .waitFor({ state: 'detached' });
    expect(await traffic.getByTestId('journal-row').count()).toBe(1);
    await traffic.getByTestId('filter-status').selectOption('');
    await traffic.getByTestId('filter-operation').selectOption('bookVenueReservation');
    await traffic.getByTestId('journal-row').first().click();
    await traffic.locator('.bodies').filter({ hasText: 'Grace' }).waitFor();
    await traffic.getByTestId('gauge').first().waitFor();
    await screenshot(traffic, 'traffic');
    await traffic.close();
  });

  it('shows the availability grid as the availability query sees it', async () => {
    const page = await openPage('availability');
    await page.getByTestId('availability-grid').waitFor();
    const offered = await page.locator('td.cell.yes').count();
    expect(offered).toBeGreaterThan(10);
    await screenshot(page, 'availability');
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});

describe('the dashboard with an admin token, seen from another address', () => {
  it('cannot act until it is given the token; with it, it can', async () => {
    const guarded = createMockServer({
      clock: new ManualClock(DEFAULT_START_TIME),
      adminToken: 'open-sesame',
    });
    // The browser connects over loopback; present it to the mock as a remote peer, the way a
    // colleague's browser would reach a mock started with --host 0.0.0.0.
    const remote = {
      ...guarded,
      app: {
        fetch: (req: Request, env: { incoming: object }) =>
          guarded.app.fetch(req, { ...env, incoming: { socket: { remoteAddress: '10.20.30.40' } } }),
      } as unknown as typeof guarded.app,
    };
    const remoteServer = await listen(remote, { port: 0 });
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    try {
      await page.goto(`${remoteServer.url}/_mock/ui/`);
      const dialog = page.getByTestId('token-dialog');
      await dialog.waitFor();
      await page.getByTestId('token-cancel').click();
      await page.getByTestId('load-error').filter({ hasText: 'X-Mock-Admin-Token' }).waitFor();
      expect(await page.getByTestId('view-floor').count()).toBe(0);
      expect(await page.getByTestId('live-status').textContent()).toMatch(/locked|offline/);

      // A wrong token is refused too.
      await page.reload();
      await page.getByTestId('token-input').fill('guess');
      await page.getByTestId('token-submit').click();
      await page.getByTestId('load-error').filter({ hasText: 'Invalid X-Mock-Admin-Token' }).waitFor();
      expect(guarded.clock.now()).toBe(Date.parse(DEFAULT_START_TIME));

      await page.evaluate("sessionStorage.clear(); location.hash = '#/chaos'");
      await page.reload();
      await page.getByTestId('token-input').fill('open-sesame');
      await page.getByTestId('token-submit').click();
      await page.getByTestId('view-chaos').waitFor();
      await page.getByTestId('advance-300').click();
      await expect.poll(() => guarded.clock.now()).toBe(Date.parse(DEFAULT_START_TIME) + 300_000);
    } finally {
      await page.close();
      await remoteServer.close();
    }
  });

  it('refuses the page itself to a remote browser when no admin token is configured', async () => {
    const plain = createMockServer({
      clock: new ManualClock(DEFAULT_START_TIME),
      volume: { guests: 0, daysOfHistory: 0, daysAhead: 0 },
    });
    const env = { incoming: { socket: { remoteAddress: '10.20.30.40' } } };
    const refused = await plain.app.request('/_mock/ui/', {}, env);
    expect(refused.status).toBe(403);
    const local = await plain.app.request('/_mock/ui/');
    expect(local.status).toBe(200);
    expect(await local.text()).toContain('<script type="importmap">');
    const vendor = await plain.app.request('/_mock/ui/vendor/preact.mjs');
    expect(vendor.headers.get('content-type')).toMatch(/javascript/);
    expect(await vendor.text()).toMatch(/export\s*\{/);
    await plain.close();
  });
});
describe('the dashboard with worlds', () => {
  it('switches between worlds and opens a scenario as a new world', async () => {
    await controlApi('POST', '/worlds', {
      id: 'demo-a',
      volume: { guests: 0, daysOfHistory: 0, daysAhead: 0 },
    });
    const page = await openPage('floor');
    const picker = page.getByTestId('world-picker');
    await picker.locator('option[value="demo-a"]').waitFor({ state: 'attached' });
    await picker.selectOption('demo-a');
    await page.getByTestId('view-floor').filter({ hasText: '0 bookings today' }).waitFor();
    await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor();

    // A booking in that world shows; the default world's floor is not what the page shows.
    const world = `${server.url}/worlds/demo-a/2_4`;
    const auth = await fetch(`${world}/auth`, {
      method: 'POST',
      body: new URLSearchParams(CREDENTIALS.harbor),
    });
    const token = ((await auth.json()) as { data: { token: string } }).data.token;
    const booked = await fetch(`${world}/venues/${venue}/book`, {
      method: 'PUT',
      headers: { authorization: token },
      body: new URLSearchParams({
        date: TODAY,
        time: '19:00',
        party_size: '2',
        first_name: 'Edsger',
        last_name: 'Dijkstra',
        phone: '+12125550155',
      }),
    });
    const reference = ((await booked.json()) as { data: { reservation: { reference_code: string } } }).data
      .reservation.reference_code;
    await page.locator('.table-tile', { hasText: 'Edsger Dijkstra' }).waitFor({ timeout: 1000 });
    expect(mock.store.findReservation(reference)).toBeUndefined();

    await page.getByTestId('tab-chaos').click();
    await page.getByTestId('scenario-picker').selectOption('fully-booked-friday');
    await page.getByTestId('scenario-open').click();
    await page.getByTestId('clock').filter({ hasText: 'Fri' }).waitFor();
    const listed = ((await controlApi('GET', '/worlds')).body as { worlds: unknown }).worlds as {
      id: string;
      request: { scenario?: string };
    }[];
    const opened = listed.find((w) => w.request.scenario === 'fully-booked-friday');
    expect(opened?.id).toBeDefined();
    // The picker follows once the page has loaded the new world's list (under load, a moment later).
    await expect.poll(() => picker.inputValue(), { timeout: 5000 }).toBe(opened!.id);
    await screenshot(page, 'worlds');
    await page.close();
  });
});
