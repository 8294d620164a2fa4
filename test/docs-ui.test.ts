/**
 * The API docs at /docs: served from the package (no CDN), listing every operation, with "Try it
 * out" calling the mock itself. The browser test runs Chromium and refuses any request that would
 * leave loopback.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type StartedMockServer } from '../mock-server/library/start.js';
import { createMockServer } from '../mock-server/server.js';
import { listOperations } from '../mock-server/spec/operations.js';
import { CONTROL_SPEC_PATH, loadSpec } from '../mock-server/spec/load-spec.js';

const EMPTY = { guests: 0, daysOfHistory: 0, daysAhead: 0 };
const API_OPERATIONS = listOperations(loadSpec().doc).map((op) => op.operationId);
/** The spec's webhooks, which Swagger UI lists too. */
const WEBHOOK_OPERATIONS = Object.values(loadSpec().doc.webhooks ?? {}).flatMap((item) =>
  Object.values(item as Record<string, { operationId?: string }>).flatMap((op) => op.operationId ?? []),
);

describe('/docs over HTTP', () => {
  const { app } = createMockServer({ volume: EMPTY });

  it('serves a page whose every asset comes from the mock itself', async () => {
    const page = await (await app.request('/docs')).text();
    expect(page).toContain('<div id="swagger-ui">');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const asset of page.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g)) {
      const res = await app.request(asset[1]!);
      expect(res.status, asset[1]).toBe(200);
    }
    const script = await (await app.request('/docs/init.js')).text();
    expect(script).toContain('validatorUrl: null');
    expect(script).toContain('/docs/mock-control.json');
  });

  it('describes this mock as the only server of both specs', async () => {
    const api = (await (await app.request('/docs/sevenrooms.json')).json()) as {
      servers: { url: string }[];
      paths: object;
    };
    expect(api.servers.map((s) => s.url)).toEqual(['/2_4']);
    expect(Object.keys(api.paths)).toEqual(Object.keys(loadSpec().doc.paths ?? {}));
    const control = (await (await app.request('/docs/mock-control.json')).json()) as {
      servers: { url: string }[];
      paths: object;
    };
    expect(control.servers.map((s) => s.url)).toEqual(['/_mock']);
    expect(Object.keys(control.paths)).toEqual(Object.keys(loadSpec(CONTROL_SPEC_PATH).doc.paths ?? {}));
  });

  it('points a browser at / to the docs and the dashboard, and a program to JSON', async () => {
    const html = await (await app.request('/', { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('href="/docs"');
    expect(html).toContain('href="/_mock/ui"');
    expect(await (await app.request('/')).json()).toMatchObject({ docs: '/docs', dashboard: '/_mock/ui' });
  });

  it('offers no control spec when the control API is on its own port', async () => {
    const separate = createMockServer({ volume: EMPTY, control: 'separate' });
    expect(await (await separate.app.request('/docs/init.js')).text()).not.toContain('mock-control');
    expect((await separate.app.request('/docs/mock-control.json')).status).toBe(404);
  });
});

describe('/docs in Chromium', () => {
  let browser: Browser;
  let mock: StartedMockServer;
  beforeAll(async () => {
    mock = await startMockServer({ volume: EMPTY });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await mock?.stop();
  });

  it('lists every operation and runs "Try it out" against the mock, never leaving loopback', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const refused: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
      refused.push(url.href);
      return route.abort();
    });
    page.on('request', (request) => requested.push(request.url()));

    await page.goto(`${mock.url}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    const listed = await page.locator('.opblock-summary-operation-id').allTextContents();
    expect(API_OPERATIONS.length).toBeGreaterThan(25);
    expect(new Set(listed)).toEqual(new Set([...API_OPERATIONS, ...WEBHOOK_OPERATIONS]));

    await page.locator('#operations-Auth-authenticate .opblock-summary-control').click();
    const auth = page.locator('#operations-Auth-authenticate');
    await auth.getByRole('button', { name: 'Try it out' }).click();
    await auth.locator('input[placeholder="client_id"]').fill('harbor-pos');
    await auth.locator('input[placeholder="client_secret"]').fill('harbor-pos-secret');
    const answered = page.waitForResponse((res) => res.url() === `${mock.url}/2_4/auth`);
    await auth.getByRole('button', { name: 'Execute' }).click();
    expect((await answered).status()).toBe(200);
    await expect
      .poll(() => auth.locator('.live-responses-table tbody .response-col_status').first().textContent())
      .toBe('200');
    expect(await auth.locator('.live-responses-table tbody .microlight').first().textContent()).toContain(
      '"token"',
    );

    expect(refused).toEqual([]);
    expect(requested.length).toBeGreaterThan(5);
    for (const url of requested) expect(new URL(url).hostname).toBe('127.0.0.1');
    await page.close();
  }, 90_000);
});
