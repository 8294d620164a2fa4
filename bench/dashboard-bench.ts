/**
 * Dashboard bench: the page's first paint of the floor and of the day timeline against a large world
 * (100k guests, ~200k reservations), in Chromium. First paint = from navigation start to the first
 * animation frame in which the view's tables (floor) or bars (timeline) are on screen, as the page's
 * own `performance.now()` reads it. Also times the day read model the two views load. Target: under
 * 1 s each on this machine. Run: `npx tsx bench/dashboard-bench.ts` (`--guests N` per venue group,
 * `--runs N`). Prints a summary, then one JSON line for bench/run.ts.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ManualClock } from '../mock-server/clock.js';
import { listen } from '../mock-server/listen.js';
import { createMockServer, DEFAULT_START_TIME } from '../mock-server/server.js';

const { values } = parseArgs({
  options: {
    guests: { type: 'string', default: '50000' },
    'history-days': { type: 'string', default: '730' },
    'days-ahead': { type: 'string', default: '90' },
    runs: { type: 'string', default: '5' },
  },
});
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

const seedStart = performance.now();
const mock = createMockServer({
  clock: new ManualClock(DEFAULT_START_TIME),
  volume: {
    guests: Number(values.guests),
    daysOfHistory: Number(values['history-days']),
    daysAhead: Number(values['days-ahead']),
    occupancy: 0.9,
  },
});
const seedSeconds = (performance.now() - seedStart) / 1000;
const guests = mock.store.clients.size;
const reservations = mock.store.reservations.size;
const server = await listen(mock, { port: 0 });
const venue = [...mock.catalog.venues.values()].find((v) => v.key === 'harbor-grill')!;

const dayApiMs: number[] = [];
for (let i = 0; i < runs + 1; i++) {
  const started = performance.now();
  const res = await fetch(`${server.url}/_mock/venues/${venue.id}/day`);
  await res.arrayBuffer();
  if (i > 0) dayApiMs.push(performance.now() - started); // the first warms the JIT
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--disable-quic',
  ],
});

/** Milliseconds from navigation start to the first frame showing `selector`, in a fresh tab. */
async function firstPaint(view: string, selector: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  try {
    await page.goto(`${server.url}/_mock/ui/#/${view}`, { waitUntil: 'commit' });
    // A string, evaluated in the page (this file is compiled without the DOM's types).
    const handle = await page.waitForFunction(
      `document.querySelector(${JSON.stringify(selector)}) ? performance.now() : false`,
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

await firstPaint('floor', '.table-tile'); // warm-up: the first tab also compiles the modules
const floor: number[] = [];
const timeline: number[] = [];
for (let i = 0; i < runs; i++) {
  floor.push(await firstPaint('floor', '.table-tile'));
  timeline.push(await firstPaint('timeline', '.bar'));
}
await browser.close();
await server.close();

const report = {
  guests,
  reservations,
  seedSeconds: round(seedSeconds),
  runs,
  floorFirstPaintMs: round(median(floor)),
  timelineFirstPaintMs: round(median(timeline)),
  dayApiMs: round(median(dayApiMs)),
  floorRunsMs: floor.map(round),
  timelineRunsMs: timeline.map(round),
  targetMs: 1000,
  withinTarget: median(floor) < 1000 && median(timeline) < 1000,
};
console.log(`world: ${guests} guests, ${reservations} reservations (seeded in ${report.seedSeconds} s)`);
console.log(`day read model (harbor-grill, today): median ${report.dayApiMs} ms`);
console.log(
  `floor first paint: median ${report.floorFirstPaintMs} ms (runs ${report.floorRunsMs.join(', ')})`,
);
console.log(
  `timeline first paint: median ${report.timelineFirstPaintMs} ms (runs ${report.timelineRunsMs.join(', ')})`,
);
console.log(report.withinTarget ? 'within target (1 s)' : 'OVER target (1 s)');
console.log(JSON.stringify(report));
