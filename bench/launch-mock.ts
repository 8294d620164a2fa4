/**
 * Bench-only launcher: the same `createMockServer` + `listen` the CLI runs, with rate limiting on at
 * a budget no run exhausts (the default 600 per minute would measure 429s) and optional bulk data. Compiled by
 * bench/run.ts (bench/tsconfig.bench.json) and started with plain `node`, so no TypeScript transform
 * runs inside the measured process.
 *
 *   node <compiled>/bench/launch-mock.js --port 0 [--min-clients 500] [--reservations 100000 --no-seed]
 *
 * Prints `sevenrooms-mock listening on http://127.0.0.1:PORT`, then one JSON line describing the data.
 */
import { parseArgs } from 'node:util';
import { ManualClock } from '../mock-server/clock.js';
import { venueLocal } from '../mock-server/domain/time.js';
import { listen } from '../mock-server/listen.js';
import { createLogger } from '../mock-server/logger.js';
import { createRandom } from '../mock-server/random.js';
import { createMockServer, DEFAULT_START_TIME } from '../mock-server/server.js';
import { insertHistory, topUpClients, type HistoryResult } from './fill-store.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    clock: { type: 'string', default: DEFAULT_START_TIME },
    seed: { type: 'string', default: '1' },
    'min-clients': { type: 'string', default: '0' },
    reservations: { type: 'string', default: '0' },
    'probe-venue-key': { type: 'string', default: 'harbor-grill' },
    /** No seeded guests or history: the scaling run controls every reservation in the store. */
    'no-seed': { type: 'boolean', default: false },
    /** Diagnostic: the request journal off, to show what capturing every request costs. */
    'no-journal': { type: 'boolean', default: false },
  },
});

const started = performance.now();
const clock = new ManualClock(new Date(values.clock).getTime());
const mock = createMockServer({
  seed: Number(values.seed),
  clock,
  logger: createLogger('warn'),
  // Rate limiting on, as in production use, with a budget no load run exhausts: the bench measures
  // what the limiter costs, not 429s.
  rateLimit: { default: { limit: 1_000_000, windowSec: 1 } },
  ...(values['no-journal'] ? { journal: { enabled: false } } : {}),
  ...(values['no-seed'] ? { volume: { guests: 0, daysOfHistory: 0, daysAhead: 0, occupancy: 0 } } : {}),
});
const buildMs = Math.round(performance.now() - started);
const store = mock.store;
const venues = [...mock.catalog.venues.values()];
const probe = venues.find((v) => v.key === values['probe-venue-key']) ?? venues[0]!;
const today = venueLocal(clock.now(), probe.timeZone).date;
const seededReservations = store.reservations.size;
const seededClients = store.clients.size;

let history: HistoryResult | null = null;
const reservations = Number(values.reservations);
if (reservations > 0) {
  history = insertHistory(store, {
    reservations,
    probeVenueId: probe.id,
    probeDate: addOneDay(today),
    today,
    seed: 7,
  });
}

const minClients = Number(values['min-clients']);
let clientsAdded = 0;
if (minClients > 0) {
  const random = createRandom(11);
  for (const group of mock.catalog.venueGroups.values())
    clientsAdded += topUpClients(store, group.id, minClients, random);
}

const server = await listen(mock, { port: Number(values.port), host: '127.0.0.1' });
process.stdout.write(`sevenrooms-mock listening on ${server.url}\n`);
process.stdout.write(
  `${JSON.stringify({
    buildMs,
    seededReservations,
    seededClients,
    clientsAdded,
    reservations: store.reservations.size,
    clients: store.clients.size,
    probe: { venueId: probe.id, venueKey: probe.key, date: addOneDay(today) },
    history,
  })}\n`,
);

function addOneDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

// Exit at once: a graceful close would wait on the load generator's keep-alive sockets.
process.once('SIGINT', () => process.exit(0));
process.once('SIGTERM', () => process.exit(0));
