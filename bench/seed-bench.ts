/**
 * Seeder benchmark: 100k guests and ~200k reservations into a fresh store, timed, with resident
 * memory. Budget (docs/decisions/0006): under 10 s and under 500 MB RSS. Run: `npx tsx bench/seed-bench.ts`
 * (optionally `--guests N --history-days N --days-ahead N --occupancy X`, as the CLI spells them).
 */
import { parseArgs } from 'node:util';
import { ManualClock } from '../mock-server/clock.js';
import { IdFactory } from '../mock-server/domain/ids.js';
import { loadVenueCatalog } from '../mock-server/fixtures/load-venues.js';
import { createRandom, deriveSeed } from '../mock-server/random.js';
import { parseVolume, seedStore } from '../mock-server/seed/seed-store.js';
import { Store } from '../mock-server/store/store.js';

const { values } = parseArgs({
  options: {
    guests: { type: 'string', default: '50000' },
    'history-days': { type: 'string', default: '730' },
    'days-ahead': { type: 'string', default: '90' },
    occupancy: { type: 'string', default: '0.9' },
    seed: { type: 'string', default: '1' },
  },
});
const volume = parseVolume({
  guests: values.guests,
  'history-days': values['history-days'],
  'days-ahead': values['days-ahead'],
  occupancy: values.occupancy,
});
const seed = Number(values.seed);
const catalog = loadVenueCatalog();
const clock = new ManualClock('2026-12-07T17:00:00Z');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const rssBefore = process.memoryUsage().rss;
const store = new Store(catalog, clock, new IdFactory(createRandom(deriveSeed(seed, 'ids'))));
const started = performance.now();
const summary = seedStore(store, { seed, volume });
const elapsed = performance.now() - started;
const rssAfter = process.memoryUsage().rss;
const peak = process.resourceUsage().maxRSS * 1024;

console.log(`seed ${seed}, volume ${JSON.stringify(volume)} (guests per venue group)`);
console.log(
  `generated ${summary.guests} guests, ${summary.reservations} reservations, ${summary.charges} charges, ${summary.waitlist} waitlist entries`,
);
console.log(`time ${(elapsed / 1000).toFixed(2)} s`);
console.log(`RSS ${mb(rssBefore)} before, ${mb(rssAfter)} after, ${mb(peak)} peak`);
const ok = elapsed < 10_000 && peak < 500 * 1024 * 1024;
console.log(ok ? 'within budget (10 s, 500 MB)' : 'OVER BUDGET (10 s, 500 MB)');
