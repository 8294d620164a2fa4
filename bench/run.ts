/**
 * `npm run bench`: the mock against its peers on this machine — Prism (`prism mock`, same spec) and a
 * bare Hono route (the ceiling for the stack) — plus availability scaling with the store's size and
 * the project's component benches. Writes bench/results.json and bench/results.md and prints
 * PASS/MISS per target. Method and caveats: docs/decisions/0007-benchmarks.md.
 *
 * GET rows are loaded with `wrk` (C, one thread, 32 connections; installed from Debian's packages
 * when missing and run as root), PUT book with autocannon (every request a new body). The ceiling,
 * bare Hono, answers the mock's own bytes pre-serialised.
 *
 * Knobs (for quick local checks; the committed results use the defaults):
 *   BENCH_DURATION=8 BENCH_WARMUP=2 BENCH_CONNECTIONS=50 BENCH_SCALES=10000,100000,500000
 *   BENCH_WRK_DURATION=6 BENCH_WRK_CONNECTIONS=32
 *   BENCH_PAIRED_ROUNDS=3 BENCH_PAIRED_DURATION=4
 *   BENCH_ONLY=cold,mock,hono,paired,persistent,prism,scaling,components,diagnostics
 *     (a partial run writes to node_modules/.cache)
 *   npm run bench -- --profile   also writes a CPU profile per row to bench/profiles/ (own server per row)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dashboardBench, deliveryBench, seedBench, validationBench } from './lib/components.js';
import { measureLoad, type LoadFigures, type LoadRequest, type LoadSettings } from './lib/load.js';
import { measurePaired } from './lib/paired.js';
import { findWrk, measureWithWrk, type WrkSettings } from './lib/wrk.js';
import { freePort, memoryOf, round1, runToEnd, start, waitFor200, type Child } from './lib/processes.js';
import { embedInReadme } from './lib/readme.js';
import { summariseProfile } from './lib/profile.js';
import { renderMarkdown } from './lib/report.js';
import { ENDPOINTS, type EndpointKey, type Results, type ServerResult, type Target } from './lib/types.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CACHE = join(ROOT, 'node_modules', '.cache', 'sevenrooms-mock-bench');
const COMPILED_CLI = join(ROOT, 'dist', 'mock-server', 'cli.js');
const LAUNCHER = join(CACHE, 'bench', 'launch-mock.js');
const BARE_HONO = join(CACHE, 'bench', 'bare-hono.js');
const PRISM_BIN = join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
const SPEC = join(ROOT, 'openapi', 'sevenrooms.yaml');
const CLOCK = '2026-12-07T17:00:00Z';
const CREDENTIALS = { client_id: 'harbor-pos', client_secret: 'harbor-pos-secret' };

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};
const SETTINGS: LoadSettings = {
  connections: env('BENCH_CONNECTIONS', 50),
  pipelining: 1,
  warmupSec: env('BENCH_WARMUP', 2),
  durationSec: env('BENCH_DURATION', 8),
};
const WRK_SETTINGS: WrkSettings = {
  threads: 1,
  connections: env('BENCH_WRK_CONNECTIONS', 32),
  warmupSec: env('BENCH_WARMUP', 2),
  durationSec: env('BENCH_WRK_DURATION', 6),
};
/** Alternating mock/ceiling rounds per GET row (bench/lib/paired.ts); the share targets use these. */
const PAIRED_ROUNDS = env('BENCH_PAIRED_ROUNDS', 3);
const PAIRED_SETTINGS: WrkSettings = {
  ...WRK_SETTINGS,
  warmupSec: 1,
  durationSec: env('BENCH_PAIRED_DURATION', 4),
};
const PROFILE = process.argv.includes('--profile');
const PROFILE_DIR = join(ROOT, 'bench', 'profiles');
let WRK: string | null = null;
const SCALES = (process.env.BENCH_SCALES ?? '10000,100000,500000').split(',').map(Number);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const wants = (section: string) => !ONLY || ONLY.has(section);

// ---- the requests ---------------------------------------------------------------------------------

interface Fixture {
  token: string;
  venueIds: string[];
  availabilityVenueId: string;
  reservationId: string;
}

const AVAILABILITY_DATE = '2026-12-08';

function paths(f: Fixture, prefix: string): Record<EndpointKey, string> {
  return {
    availability: `${prefix}/venues/${f.availabilityVenueId}/availability?date=${AVAILABILITY_DATE}&party_size=2&start_time=17:00&end_time=22:00`,
    reservation: `${prefix}/reservations/${f.reservationId}`,
    venue: `${prefix}/venues/${f.availabilityVenueId}`,
    export: `${prefix}/clients/export?limit=400`,
    book: `${prefix}/venues/${f.venueIds[0]}/book`,
  };
}

/**
 * Each PUT books a new reservation: request n goes to one of the group's venues (alternating), one
 * party of 2 per dinner start time 30 minutes apart (17:00–21:30, ten per venue and date), then the
 * next date, starting 60 days ahead (beyond the seeded future bookings). A 105-minute stay overlaps at
 * most 6 other bookings (±30, ±60, ±90 min), fewer than the 12 two-tops of the smaller venue, and 2
 * covers never reach the pacing limit, so every request is a real, successful booking in whatever
 * order the 50 connections' requests arrive; `bypass_availability` is not used. Phone numbers are
 * unique, so each booking also creates a guest.
 */
function bookRequest(f: Fixture, prefix: string): LoadRequest['vary'] {
  const venues = f.venueIds;
  const SLOTS = 10;
  const first = Date.parse(`${CLOCK.slice(0, 10)}T00:00:00Z`) + 60 * 86_400_000;
  return (n) => {
    const venue = venues[n % venues.length]!;
    const perDay = venues.length * SLOTS;
    const slot = Math.floor(n / venues.length) % SLOTS;
    const date = new Date(first + Math.floor(n / perDay) * 86_400_000).toISOString().slice(0, 10);
    const minutes = 17 * 60 + slot * 30;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const body = new URLSearchParams({
      date,
      time,
      party_size: '2',
      first_name: 'Bench',
      last_name: `Guest${n}`,
      phone: `+1646${String(n).padStart(7, '0')}`,
    }).toString();
    return { path: `${prefix}/venues/${venue}/book`, body };
  };
}

function loadRequest(origin: string, key: EndpointKey, f: Fixture, prefix: string): LoadRequest {
  const headers = { authorization: f.token };
  const path = paths(f, prefix)[key];
  if (key !== 'book') return { origin, method: 'GET', path, headers };
  const vary = bookRequest(f, prefix)!;
  return {
    origin,
    method: 'PUT',
    path,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: vary(0).body!,
    vary,
  };
}

async function json(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, text };
}

function form(fields: Record<string, string>): RequestInit {
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

async function authenticate(origin: string): Promise<string> {
  const res = await json(`${origin}/2_4/auth`, { method: 'POST', ...form(CREDENTIALS) });
  const token = (res.body as { data?: { token?: string } } | null)?.data?.token;
  if (res.status !== 200 || !token) throw new Error(`auth failed: ${res.status} ${JSON.stringify(res.body)}`);
  return token;
}

/** Token, venues and one booked reservation on the mock; also the bodies the bare Hono server replays. */
async function prepareMock(origin: string): Promise<{ fixture: Fixture; bodies: Record<string, string> }> {
  const token = await authenticate(origin);
  const headers = { authorization: token };
  const venues = await json(`${origin}/2_4/venues`, { headers });
  const venueIds = ((venues.body as { data: { results: { id: string }[] } }).data.results ?? []).map(
    (v) => v.id,
  );
  if (venueIds.length === 0) throw new Error(`no venues: ${JSON.stringify(venues.body)}`);
  const booked = await json(`${origin}/2_4/venues/${venueIds[0]}/book`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      date: '2026-12-09',
      time: '18:00',
      party_size: '2',
      first_name: 'Ada',
      last_name: 'Lovelace',
      phone: '+12125550143',
    }).toString(),
  });
  const reservationId = (booked.body as { data?: { reservation?: { id?: string } } }).data?.reservation?.id;
  if (booked.status !== 200 || !reservationId)
    throw new Error(`setup booking failed: ${JSON.stringify(booked.body)}`);
  const fixture: Fixture = { token, venueIds, availabilityVenueId: venueIds[0]!, reservationId };
  const p = paths(fixture, `${origin}/2_4`);
  // The texts the mock sent: the ceiling answers exactly these bytes.
  const bodies: Record<string, string> = { '/2_4/auth': JSON.stringify({ status: 200, data: { token } }) };
  const capture = async (route: string, url: string) => {
    const res = await json(url, { headers });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${res.text}`);
    bodies[route] = res.text;
  };
  await capture('/2_4/venues/:venue_id/availability', p.availability);
  await capture('/2_4/reservations/:reservation_id', p.reservation);
  await capture('/2_4/venues/:venue_id', p.venue);
  await capture('/2_4/clients/export', p.export);
  bodies['/2_4/venues/:venue_id/book'] = booked.text;
  const exported = (JSON.parse(bodies['/2_4/clients/export']!) as { data: { results: unknown[] } }).data
    .results.length;
  if (exported < 400) throw new Error(`the export page holds ${exported} guests, not 400`);
  return { fixture, bodies };
}

// ---- servers --------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round(((s[mid - 1]! + s[mid]!) / 2) * 10) / 10;
};

interface Probe {
  path: string;
  init: RequestInit;
}
const MOCK_PROBE: Probe = { path: '/2_4/auth', init: { method: 'POST', ...form(CREDENTIALS) } };
const HONO_PROBE: Probe = { path: '/2_4/auth', init: { method: 'GET' } };
const PRISM_PROBE: Probe = { path: '/venues', init: { method: 'GET', headers: { authorization: 'bench' } } };

/** Starts a server, timing spawn → first 200 on `probe`; the caller stops it. */
async function coldStart(
  command: string,
  args: (port: number) => string[],
  probe: Probe,
  timeoutMs: number,
): Promise<{ child: Child; ms: number; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = start(command, args(port), { cwd: ROOT });
  try {
    await waitFor200(`${origin}${probe.path}`, probe.init, timeoutMs, child);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, ms: Math.round(performance.now() - started), origin };
}

async function coldStarts(
  runs: number,
  command: string,
  args: (port: number) => string[],
  probe: Probe,
  timeoutMs: number,
  keepLast = false,
): Promise<{
  runs: number[];
  median: number;
  idleRssMb: number | null;
  kept?: { child: Child; origin: string };
}> {
  const times: number[] = [];
  let idle: number | null = null;
  for (let i = 0; i < runs; i++) {
    const { child, ms, origin } = await coldStart(command, args, probe, timeoutMs);
    times.push(ms);
    idle = memoryOf(child.pid)?.rssMb ?? null;
    if (keepLast && i === runs - 1)
      return { runs: times, median: median(times), idleRssMb: idle, kept: { child, origin } };
    await child.stop();
  }
  return { runs: times, median: median(times), idleRssMb: idle };
}

/**
 * Starts `script` (a compiled bench server) on a free port and waits until it says where it
 * listens; a server that never does is stopped before the error is thrown. The caller stops it.
 */
async function startServer(
  script: string,
  args: string[],
  { nodeArgs = [], timeoutMs = 60_000 }: { nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<{ child: Child; origin: string }> {
  const port = await freePort();
  const child = start(process.execPath, [...nodeArgs, script, '--port', String(port), ...args], {
    cwd: ROOT,
  });
  try {
    const [, origin] = await child.waitFor(/listening on (http:\/\/\S+)/, timeoutMs);
    return { child, origin: origin! };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

async function loadAll(
  server: ServerResult,
  pid: number,
  origin: string,
  fixture: Fixture,
  prefix: string,
): Promise<void> {
  for (const { key, label } of ENDPOINTS) {
    const figures = await measureRow(
      loadRequest(origin, key, fixture, prefix),
      pid,
      `  ${server.name}: ${label}`,
    );
    server.endpoints[key] = figures;
    log(
      `    ${figures.requestsPerSec} req/s, p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms` +
        (figures.non2xx || figures.errors
          ? `  (non-2xx ${figures.non2xx}, errors ${figures.errors}: ${JSON.stringify(figures.statusCodes)})`
          : ''),
    );
  }
  server.memory = memoryOf(pid);
}

/** One row's load: wrk for GETs (when installed), autocannon for PUT book and as the fallback. */
async function measureRow(request: LoadRequest, pid: number, title: string): Promise<LoadFigures> {
  if (WRK && request.method === 'GET') {
    log(
      `${title} (wrk -t${WRK_SETTINGS.threads} -c${WRK_SETTINGS.connections}, ${WRK_SETTINGS.warmupSec} s warm-up + ${WRK_SETTINGS.durationSec} s)`,
    );
    return measureWithWrk(WRK, `${request.origin}${request.path}`, request.headers, WRK_SETTINGS, pid);
  }
  log(
    `${title} (autocannon -c${SETTINGS.connections}, ${SETTINGS.warmupSec} s warm-up + ${SETTINGS.durationSec} s)`,
  );
  return measureLoad(request, SETTINGS, pid);
}

// ---- sections -------------------------------------------------------------------------------------

const log = (line: string) => process.stdout.write(`${line}\n`);

async function build(): Promise<void> {
  log('Building: npm run build (dist/) and the bench servers (bench/tsconfig.bench.json)…');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['tsconfig.build.json', 'bench/tsconfig.bench.json']) {
    const run = await runToEnd(process.execPath, [tsc, '-p', project], 180_000, { cwd: ROOT });
    // tsc emits even with type errors (noEmitOnError is off); work in progress elsewhere must not block the bench.
    if (run.code !== 0)
      log(
        `  warning: tsc -p ${project} exited ${run.code}; using what it emitted:\n${run.output.slice(0, 1500)}`,
      );
  }
}

function mockCliArgs(port: number): string[] {
  return [COMPILED_CLI, '--port', String(port), '--clock', CLOCK, '--seed', '1', '--log-level', 'warn'];
}

async function runMock(results: Results, cold: boolean): Promise<Fixture | null> {
  const server: ServerResult = {
    name: 'sevenrooms-mock',
    command: `node dist/mock-server/cli.js --clock ${CLOCK} --seed 1 (cold start); node bench/launch-mock.js (load: same server, rate limits on with a budget no run exhausts)`,
    coldStartMs: null,
    idleRssMb: null,
    memory: null,
    endpoints: {},
    notes: [],
  };
  results.servers.mock = server;
  if (cold) {
    log('Cold start: sevenrooms-mock (compiled CLI, default fixtures and seed volume), 5 runs');
    const c = await coldStarts(5, process.execPath, mockCliArgs, MOCK_PROBE, 30_000);
    server.coldStartMs = { runs: c.runs, median: c.median };
    server.idleRssMb = c.idleRssMb;
    log(`  ${c.runs.join(', ')} ms → median ${c.median} ms`);
    if (wants('diagnostics')) {
      log('Cold start, diagnostic: the same CLI with the seeder off (empty store), 3 runs');
      const empty = await coldStarts(
        3,
        process.execPath,
        (port) => [...mockCliArgs(port), '--guests', '0', '--history-days', '0', '--days-ahead', '0'],
        MOCK_PROBE,
        30_000,
      );
      results.diagnostics.coldStartEmptyStoreMs = { runs: empty.runs, median: empty.median };
      log(`  ${empty.runs.join(', ')} ms → median ${empty.median} ms`);
    }
  }
  if (!wants('mock') && !wants('hono')) return null;
  const { child, origin } = await startServer(LAUNCHER, ['--min-clients', '400']);
  try {
    const info = JSON.parse((await child.waitFor(/^\{.*\}$/m, 10_000))[0]) as Record<string, unknown>;
    if (Number(info.clientsAdded) > 0)
      server.notes.push(`${String(info.clientsAdded)} synthetic guests added so the export page has 400`);
    server.notes.push(
      `store at start: ${String(info.reservations)} reservations, ${String(info.clients)} guests (seeded defaults)`,
    );
    const { fixture, bodies } = await prepareMock(origin);
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(join(CACHE, 'bodies.json'), JSON.stringify(bodies));
    if (wants('mock')) {
      await loadAll(server, child.pid, origin, fixture, '/2_4');
      const booked = server.endpoints.book;
      if (booked) server.notes.push(`PUT book created ${booked.responses} reservations in the measured run`);
    }
    return fixture;
  } finally {
    await child.stop();
  }
}

/** Diagnostic: the same load with the request journal off, to show what capturing each request costs. */
async function runJournalOff(results: Results): Promise<void> {
  log('Diagnostic: sevenrooms-mock with the request journal off');
  const { child, origin } = await startServer(LAUNCHER, ['--min-clients', '400', '--no-journal']);
  try {
    const { fixture } = await prepareMock(origin);
    const server: ServerResult = {
      name: 'sevenrooms-mock, journal off',
      command: 'node bench/launch-mock.js --no-journal',
      coldStartMs: null,
      idleRssMb: null,
      memory: null,
      endpoints: {},
      notes: [],
    };
    await loadAll(server, child.pid, origin, fixture, '/2_4');
    results.diagnostics.journalOff = server.endpoints;
  } finally {
    await child.stop();
  }
}

async function runHono(results: Results, fixture: Fixture, cold: boolean): Promise<void> {
  const server: ServerResult = {
    name: 'bare Hono',
    command: 'node bench/bare-hono.js (Hono + @hono/node-server, fixed bodies captured from the mock)',
    coldStartMs: null,
    idleRssMb: null,
    memory: null,
    endpoints: {},
    notes: [],
  };
  results.servers.hono = server;
  const args = (port: number) => [BARE_HONO, '--port', String(port), '--bodies', join(CACHE, 'bodies.json')];
  log(`Bare Hono${cold ? ': cold start, 5 runs' : ''}`);
  const c = await coldStarts(cold ? 5 : 1, process.execPath, args, HONO_PROBE, 20_000, true);
  if (cold) {
    server.coldStartMs = { runs: c.runs, median: c.median };
    log(`  ${c.runs.join(', ')} ms → median ${c.median} ms`);
  }
  server.idleRssMb = c.idleRssMb;
  const { child, origin } = c.kept!;
  try {
    if (wants('hono')) await loadAll(server, child.pid, origin, fixture, '/2_4');
  } finally {
    await child.stop();
  }
}

/**
 * The share-of-ceiling figures: the mock (launcher, rate limits and journal on) and bare Hono
 * (answering the bytes this same mock sent) side by side, each GET row measured in alternating
 * rounds with wrk; the best round of each is compared (bench/lib/paired.ts says why).
 */
async function runPaired(results: Results): Promise<void> {
  if (!WRK) {
    log('Paired rounds skipped: they need wrk');
    return;
  }
  log(
    `Mock and ceiling in alternating rounds (${PAIRED_ROUNDS} each, wrk -t1 -c${PAIRED_SETTINGS.connections}, ${PAIRED_SETTINGS.warmupSec} s warm-up + ${PAIRED_SETTINGS.durationSec} s)`,
  );
  const { child: mock, origin } = await startServer(LAUNCHER, []);
  let hono: Child | null = null;
  try {
    const { fixture, bodies } = await prepareMock(origin);
    const bodiesFile = join(CACHE, 'paired-bodies.json');
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    const ceiling = await startServer(BARE_HONO, ['--bodies', bodiesFile], { timeoutMs: 20_000 });
    hono = ceiling.child;
    const honoOrigin = ceiling.origin;
    const rows: NonNullable<Results['paired']>['rows'] = {};
    for (const key of ['reservation', 'venue', 'availability'] as const) {
      const label = ENDPOINTS.find((e) => e.key === key)!.label;
      const req = loadRequest(origin, key, fixture, '/2_4');
      const ceilingPath = paths(fixture, `${honoOrigin}/2_4`)[key];
      const row = await measurePaired(
        PAIRED_ROUNDS,
        async () =>
          (await measureWithWrk(WRK!, `${req.origin}${req.path}`, req.headers, PAIRED_SETTINGS, mock.pid))
            .requestsPerSec,
        async () =>
          (await measureWithWrk(WRK!, ceilingPath, req.headers, PAIRED_SETTINGS, hono!.pid)).requestsPerSec,
      );
      rows[key] = row;
      log(
        `  ${label}: mock ${row.mock.join(', ')}; ceiling ${row.ceiling.join(', ')} req/s → best ${row.bestMock} vs ${row.bestCeiling} = ${Math.round(row.share * 100)} %`,
      );
    }
    results.paired = { rounds: PAIRED_ROUNDS, settings: PAIRED_SETTINGS, rows };
  } finally {
    await hono?.stop();
    await mock.stop();
  }
}

/** PUT book against a mock that keeps its state in a data directory (a log entry per booking). */
async function runPersistentBook(results: Results): Promise<void> {
  log('PUT book with persistence on (--data-dir in a fresh temporary directory)');
  const dataDir = mkdtempSync(join(tmpdir(), 'sevenrooms-mock-bench-'));
  let child: Child | null = null;
  try {
    const started = await startServer(LAUNCHER, ['--data-dir', dataDir]);
    child = started.child;
    const origin = started.origin;
    const { fixture } = await prepareMock(origin);
    const figures = await measureRow(
      loadRequest(origin, 'book', fixture, '/2_4'),
      child.pid,
      '  sevenrooms-mock --data-dir: PUT book',
    );
    results.diagnostics.bookPersistent = figures;
    log(
      `    ${figures.requestsPerSec} req/s, p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms (non-2xx ${figures.non2xx})`,
    );
  } finally {
    await child?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runPrism(results: Results, cold: boolean): Promise<void> {
  const server: ServerResult = {
    name: 'Prism',
    command: 'prism mock openapi/sevenrooms.yaml --errors false --dynamic false -v error',
    coldStartMs: null,
    idleRssMb: null,
    memory: null,
    endpoints: {},
    notes: [
      'static examples from the spec (smaller bodies than the mock computes); paths without the /2_4 prefix',
    ],
  };
  results.servers.prism = server;
  const args = (port: number) => [
    PRISM_BIN,
    'mock',
    SPEC,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--errors',
    'false',
    '--dynamic',
    'false',
    '-v',
    'error',
  ];
  log(`Prism${cold ? ': cold start, 2 runs' : ''}`);
  const c = await coldStarts(cold ? 2 : 1, process.execPath, args, PRISM_PROBE, 90_000, true);
  if (cold) {
    server.coldStartMs = { runs: c.runs, median: c.median };
    log(`  ${c.runs.join(', ')} ms → median ${c.median} ms`);
  }
  server.idleRssMb = c.idleRssMb;
  const { child, origin } = c.kept!;
  try {
    const fixture: Fixture = {
      token: 'bench-token',
      venueIds: ['ahFzfnNldmVucm9vbXMtbW9ja3IbCxIPbmlnaHRsb29wX1ZlbnVlGMrW7fux3AEM'],
      availabilityVenueId: 'ahFzfnNldmVucm9vbXMtbW9ja3IbCxIPbmlnaHRsb29wX1ZlbnVlGMrW7fux3AEM',
      reservationId: 'ahFzfnNldmVucm9vbXMtbW9ja3IoCxIbbmlnaHRsb29wX1Jlc2VydmF0aW9uQWN0dWFsGICAgICA5JEKDA',
    };
    await loadAll(server, child.pid, origin, fixture, '');
  } finally {
    await child.stop();
  }
}

async function runScaling(results: Results): Promise<void> {
  for (const reservations of SCALES) {
    log(`Scaling: availability with ${reservations.toLocaleString('en-US')} reservations in the store`);
    const { child, origin } = await startServer(
      LAUNCHER,
      ['--reservations', String(reservations), '--no-seed'],
      { timeoutMs: 180_000 },
    );
    try {
      const info = JSON.parse((await child.waitFor(/^\{.*\}$/m, 10_000))[0]) as {
        reservations: number;
        probe: { venueId: string; venueKey: string; date: string };
        history: { days: number; ms: number };
      };
      results.scaling.probe = `${info.probe.venueKey} on ${info.probe.date}, party of 2, 17:00–22:00`;
      const token = await authenticate(origin);
      const request: LoadRequest = {
        origin: origin,
        method: 'GET',
        path: `/2_4/venues/${info.probe.venueId}/availability?date=${info.probe.date}&party_size=2&start_time=17:00&end_time=22:00`,
        headers: { authorization: token },
      };
      const figures = await measureRow(request, child.pid, '  availability');
      results.scaling.rows.push({
        reservations,
        inStore: info.reservations,
        historyDays: info.history.days,
        fillMs: info.history.ms,
        figures,
        memory: memoryOf(child.pid),
      });
      log(
        `  ${figures.requestsPerSec} req/s, p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms` +
          (figures.non2xx ? ` (non-2xx ${figures.non2xx})` : ''),
      );
    } finally {
      await child.stop();
    }
  }
  const rows = results.scaling.rows;
  const first = rows[0];
  const last = rows[rows.length - 1];
  results.scaling.p99Ratio =
    first && last && rows.length > 1 ? ratio(last.figures.latencyP99Ms, first.figures.latencyP99Ms) : null;
}

// ---- targets --------------------------------------------------------------------------------------

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? null : Math.round((a / b) * 100) / 100;

function computeRatios(results: Results): void {
  const { mock, prism, hono } = results.servers;
  for (const { key } of ENDPOINTS) {
    const ours = mock?.endpoints[key]?.requestsPerSec;
    results.ratios[key] = {
      vsPrism: ratio(ours, prism?.endpoints[key]?.requestsPerSec),
      vsBareHono: ratio(ours, hono?.endpoints[key]?.requestsPerSec),
    };
  }
}

function evaluateTargets(results: Results): Target[] {
  const targets: Target[] = [];
  const { mock } = results.servers;
  for (const key of ['reservation', 'venue', 'availability'] as const) {
    const label = ENDPOINTS.find((e) => e.key === key)!.label;
    const description = `${label}: ≥ 50 % of bare Hono answering the same bytes pre-serialised (journal and rate limits on)`;
    // Judged on the alternating rounds when they ran; else on the one-after-the-other rows.
    const paired = results.paired?.rows[key];
    if (paired) {
      targets.push({
        id: `${key}-vs-ceiling`,
        description,
        figure: `best of ${paired.mock.length} alternating rounds: ${paired.bestMock} vs ${paired.bestCeiling} req/s = ${Math.round(paired.share * 100)} %`,
        pass: paired.share >= 0.5,
      });
      continue;
    }
    const r = results.ratios[key];
    const ours = mock?.endpoints[key]?.requestsPerSec;
    targets.push({
      id: `${key}-vs-ceiling`,
      description,
      figure:
        r?.vsBareHono == null
          ? 'not measured'
          : `${ours} vs ${results.servers.hono?.endpoints[key]?.requestsPerSec} req/s = ${Math.round(r.vsBareHono * 100)} %`,
      pass: r?.vsBareHono == null ? null : r.vsBareHono >= 0.5,
    });
  }
  const book = mock?.endpoints.book;
  targets.push({
    id: 'book-throughput',
    description: 'PUT book: ≥ 8,000 req/s (each a new reservation)',
    figure: book ? `${book.requestsPerSec} req/s (non-2xx ${book.non2xx})` : 'not measured',
    pass: book ? book.requestsPerSec >= 8000 && book.non2xx === 0 : null,
  });
  const durable = results.diagnostics.bookPersistent;
  targets.push({
    id: 'book-throughput-persistent',
    description: 'PUT book with persistence on (--data-dir): ≥ 2,000 req/s',
    figure: durable ? `${durable.requestsPerSec} req/s (non-2xx ${durable.non2xx})` : 'not measured',
    pass: durable ? durable.requestsPerSec >= 2000 && durable.non2xx === 0 : null,
  });
  const cold = mock?.coldStartMs;
  targets.push({
    id: 'cold-start',
    description: 'Cold start, default world: < 350 ms (process start → first 200, median)',
    figure: cold ? `median ${cold.median} ms (runs ${cold.runs.join(', ')})` : 'not measured',
    pass: cold ? cold.median < 350 : null,
  });
  const rows = results.scaling.rows;
  const biggest = rows.find((r) => r.reservations >= 500_000);
  targets.push({
    id: 'memory-500k',
    description: '500k reservations: < 700 MB peak RSS',
    figure: biggest?.memory?.peakRssMb ? `${biggest.memory.peakRssMb} MB peak RSS` : 'not measured',
    pass: biggest?.memory?.peakRssMb ? biggest.memory.peakRssMb < 700 : null,
  });
  const p99Ratio = results.scaling.p99Ratio;
  targets.push({
    id: 'availability-scaling',
    description: `Availability p99 within 2 × from ${rows[0]?.reservations.toLocaleString('en-US') ?? '10k'} to ${rows[rows.length - 1]?.reservations.toLocaleString('en-US') ?? '500k'} reservations`,
    figure:
      p99Ratio == null
        ? 'not measured'
        : `p99 ${rows.map((r) => `${r.figures.latencyP99Ms} ms`).join(' → ')} = ${p99Ratio} ×`,
    pass: p99Ratio == null ? null : p99Ratio <= 2,
  });
  return targets;
}

/**
 * `--profile`: one mock per row, started with `--cpu-prof`, loaded exactly like the measured row,
 * then stopped so V8 writes the profile; prints where the time went.
 */
async function runProfiles(results: Results): Promise<void> {
  mkdirSync(PROFILE_DIR, { recursive: true });
  for (const { key, label } of ENDPOINTS) {
    const name = `${key}.cpuprofile`;
    const { child, origin } = await startServer(LAUNCHER, ['--min-clients', '400'], {
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--cpu-prof-name', name],
    });
    try {
      const { fixture } = await prepareMock(origin);
      await measureRow(loadRequest(origin, key, fixture, '/2_4'), child.pid, `Profile: ${label}`);
    } finally {
      await child.stop();
    }
    const file = join(PROFILE_DIR, name);
    try {
      const summary = summariseProfile(file);
      results.diagnostics.profiles = { ...results.diagnostics.profiles, [key]: summary };
      results.profiles.push(file);
      log(
        `  areas: ${Object.entries(summary.areas)
          .map(([a, p]) => `${a} ${p} %`)
          .join(', ')}`,
      );
      for (const f of summary.functions.slice(0, 8)) log(`    ${String(f.percent).padStart(5)} %  ${f.name}`);
    } catch (error) {
      log(`  no profile written for ${label}: ${String(error)}`);
    }
  }
}

// ---- main -----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const began = performance.now();
  const cpu = cpus();
  const results: Results = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memoryGb: round1(totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
      loadAverageAtEnd: [],
    },
    settings: {
      ...SETTINGS,
      loadGenerator: 'wrk (GET rows) and autocannon 8 (PUT book, in the same process as this script)',
      wrk: null,
    },
    profiles: [],
    requests: {
      availability: `GET /2_4/venues/{venue_id}/availability?date=${AVAILABILITY_DATE}&party_size=2&start_time=17:00&end_time=22:00`,
      reservation: 'GET /2_4/reservations/{reservation_id}',
      export: 'GET /2_4/clients/export?limit=400 (first page)',
      venue: 'GET /2_4/venues/{venue_id}',
      book: 'PUT /2_4/venues/{venue_id}/book (form body; a new reservation, guest and phone per request)',
    },
    servers: {},
    ratios: {},
    scaling: { probe: '', rows: [], p99Ratio: null },
    paired: null,
    components: [],
    diagnostics: {},
    targets: [],
    durationSec: 0,
  };
  log(
    `Machine: ${results.machine.cpuModel}, ${results.machine.cores} cores, Node ${results.machine.node}, load average ${results.machine.loadAverageAtStart.join(' / ')}`,
  );
  await build();
  WRK = findWrk(log);
  results.settings.wrk = WRK ? WRK_SETTINGS : null;

  const cold = wants('cold');
  let fixture: Fixture | null = null;
  if (cold || wants('mock') || wants('hono')) fixture = await runMock(results, cold);
  if (fixture && wants('diagnostics') && wants('mock')) await runJournalOff(results);
  if (fixture && (cold || wants('hono'))) await runHono(results, fixture, cold);
  if (wants('paired')) await runPaired(results);
  if (wants('persistent')) await runPersistentBook(results);
  if (cold || wants('prism')) await runPrism(results, cold);
  if (wants('scaling')) await runScaling(results);
  if (wants('components')) {
    log('Component benches (child processes)…');
    for (const run of [
      () => validationBench(ROOT),
      () => deliveryBench(ROOT, 5000),
      () => seedBench(ROOT),
      () => dashboardBench(ROOT),
    ]) {
      const r = await run();
      results.components.push(r);
      log(
        `  ${r.name}: ${r.status}${r.ms ? ` in ${r.ms} ms` : ''}${r.note && r.status !== 'ok' ? `\n${r.note}` : ''}`,
      );
    }
  }

  if (PROFILE) await runProfiles(results);
  computeRatios(results);
  results.targets = evaluateTargets(results);
  results.machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  results.durationSec = Math.round((performance.now() - began) / 1000);

  const outDir = ONLY ? CACHE : join(ROOT, 'bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(join(outDir, 'results.md'), markdown);
  // Only a full run speaks for the project: partial runs never touch the README.
  if (!ONLY && !embedInReadme(join(ROOT, 'README.md'), markdown))
    log('README.md has no bench markers; not updated.');

  log('\nRatios (absolute figures drift with the machine; ratios travel better):');
  for (const { key, label } of ENDPOINTS) {
    const r = results.ratios[key];
    log(
      `  ${label.padEnd(28)} ours ÷ Prism ${String(r?.vsPrism ?? '–').padStart(7)}   ours ÷ bare Hono ${r?.vsBareHono ?? '–'}`,
    );
  }
  log('\nTargets:');
  for (const t of results.targets)
    log(`  ${t.pass === null ? 'SKIP' : t.pass ? 'PASS' : 'MISS'}  ${t.description}: ${t.figure}`);
  log(`\nWrote ${join(outDir, 'results.json')} and results.md in ${results.durationSec} s.`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
