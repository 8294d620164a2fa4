/**
 * `npm run bench:persistence`: the figures for durable state and worlds (docs/decisions/0014-durable-state-and-worlds.md).
 *
 *   1. throughput, default world, in memory vs --data-dir: PUT book and GET reservation
 *      (the compiled bench launcher, autocannon, 50 connections, same request mix as `npm run bench`)
 *   2. restart time with 100k guests + 200k reservations on disk, plus a tail of logged bookings
 *   3. world creation time and memory per small world, in-process
 *
 * Writes bench/persistence-results.json. Knobs: BENCH_DURATION=8 BENCH_WARMUP=2 BENCH_CONNECTIONS=50
 * PERSIST_ONLY=load,restart,worlds PERSIST_RESERVATIONS=200000 PERSIST_GUESTS=100000 PERSIST_TAIL=2000
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMockServer } from '../mock-server/server.js';
import { measureLoad, type LoadFigures, type LoadRequest } from './lib/load.js';
import { freePort, memoryOf, runToEnd, start, type Child } from './lib/processes.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CACHE = join(ROOT, 'node_modules', '.cache', 'sevenrooms-mock-bench');
const LAUNCHER = join(CACHE, 'bench', 'launch-mock.js');
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SETTINGS = {
  connections: env('BENCH_CONNECTIONS', 50),
  pipelining: 1,
  warmupSec: env('BENCH_WARMUP', 2),
  durationSec: env('BENCH_DURATION', 8),
};
const ONLY = process.env.PERSIST_ONLY ? new Set(process.env.PERSIST_ONLY.split(',')) : null;
const wants = (s: string) => !ONLY || ONLY.has(s);
const log = (line: string) => process.stdout.write(`${line}\n`);
const CREDENTIALS = { client_id: 'harbor-pos', client_secret: 'harbor-pos-secret' };

async function call(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  return { status: res.status, body: JSON.parse((await res.text()) || 'null') as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

async function launch(
  args: string[],
): Promise<{ child: Child; origin: string; info: Record<string, unknown>; spawnToListenMs: number }> {
  const port = await freePort();
  const began = performance.now();
  const child = start(process.execPath, [LAUNCHER, '--port', String(port), ...args], { cwd: ROOT });
  const [, origin] = await child.waitFor(/listening on (http:\/\/\S+)/, 600_000);
  const spawnToListenMs = Math.round(performance.now() - began);
  const info = JSON.parse((await child.waitFor(/^\{.*\}$/m, 10_000))[0]) as Record<string, unknown>;
  return { child, origin: origin!, info, spawnToListenMs };
}

async function fixture(origin: string, withBooking = true) {
  const auth = await call(`${origin}/2_4/auth`, { method: 'POST', ...form(CREDENTIALS) });
  const token = auth.body.data.token as string;
  const venues = await call(`${origin}/2_4/venues`, { headers: { authorization: token } });
  const venueIds = (venues.body.data.results as { id: string }[]).map((v) => v.id);
  if (!withBooking) return { token, venueIds, reservationId: '' };
  const booked = await call(`${origin}/2_4/venues/${venueIds[0]}/book`, {
    method: 'PUT',
    headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      date: '2026-12-09',
      time: '18:00',
      party_size: '2',
      first_name: 'Ada',
      last_name: 'Lovelace',
      phone: '+12125550143',
    }).toString(),
  });
  return { token, venueIds, reservationId: booked.body.data.reservation_id as string };
}

/** The bench's booking mix: one party of 2 per venue, date and half hour, 60+ days ahead. */
function bookVary(venueIds: string[], offsetDays: number) {
  const first = Date.parse('2026-12-07T00:00:00Z') + offsetDays * 86_400_000;
  return (n: number) => {
    const perDay = venueIds.length * 10;
    const minutes = 17 * 60 + (Math.floor(n / venueIds.length) % 10) * 30;
    const body = new URLSearchParams({
      date: new Date(first + Math.floor(n / perDay) * 86_400_000).toISOString().slice(0, 10),
      time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      party_size: '2',
      first_name: 'Bench',
      last_name: `Guest${n}`,
      phone: `+1646${String(n).padStart(7, '0')}`,
    }).toString();
    return { path: `/2_4/venues/${venueIds[n % venueIds.length]}/book`, body };
  };
}

async function loadRun(dataDir: string | null): Promise<Record<string, LoadFigures>> {
  const { child, origin } = await launch(dataDir ? ['--data-dir', dataDir] : []);
  try {
    const f = await fixture(origin);
    const headers = { authorization: f.token };
    const out: Record<string, LoadFigures> = {};
    const reservation: LoadRequest = {
      origin,
      method: 'GET',
      path: `/2_4/reservations/${f.reservationId}`,
      headers,
    };
    const vary = bookVary(f.venueIds, 60);
    const book: LoadRequest = {
      origin,
      method: 'PUT',
      path: vary(0).path,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: vary(0).body,
      vary,
    };
    for (const [name, req] of [
      ['reservation', reservation],
      ['book', book],
    ] as const) {
      const figures = await measureLoad(req, SETTINGS, child.pid);
      out[name] = figures;
      log(
        `  ${dataDir ? 'data-dir' : 'memory  '} ${name}: ${figures.requestsPerSec} req/s, p50 ${figures.latencyP50Ms} ms, p99 ${figures.latencyP99Ms} ms, non-2xx ${figures.non2xx}`,
      );
    }
    return out;
  } finally {
    await child.stop();
  }
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, name));
    if (s.isFile()) total += s.size;
  }
  return total;
}

async function restartRun(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'sevenrooms-mock-restart-'));
  const reservations = env('PERSIST_RESERVATIONS', 200_000);
  const guests = env('PERSIST_GUESTS', 100_000);
  const tail = env('PERSIST_TAIL', 2000);
  try {
    log(
      `Restart: filling ${guests} guests + ${reservations} reservations, snapshotting, then ${tail} logged bookings…`,
    );
    const first = await launch([
      '--data-dir',
      dir,
      '--no-seed',
      '--reservations',
      String(reservations),
      '--min-clients',
      String(Math.ceil(guests / 2)),
    ]);
    const f = await fixture(first.origin, false);
    const vary = bookVary(f.venueIds, 400);
    let lastBooked = '';
    for (let n = 0; n < tail; n += 50) {
      const replies = await Promise.all(
        Array.from({ length: Math.min(50, tail - n) }, (_, i) => {
          const { path, body } = vary(n + i);
          return call(`${first.origin}${path}`, {
            method: 'PUT',
            headers: { authorization: f.token, 'content-type': 'application/x-www-form-urlencoded' },
            body,
          });
        }),
      );
      for (const r of replies) {
        if (r.status !== 200) throw new Error(`tail booking answered ${r.status}: ${JSON.stringify(r.body)}`);
        lastBooked = r.body.data.reservation_id as string;
      }
    }
    f.reservationId = lastBooked;
    const filled = memoryOf(first.child.pid);
    first.child.process.kill('SIGKILL');
    await first.child.exited;
    const bytes = dirBytes(dir);
    log(
      `  on disk: ${(bytes / 2 ** 20).toFixed(1)} MiB; snapshot took ${String(first.info.compactMs)} ms; store ${String(first.info.reservations)} reservations, ${String(first.info.clients)} guests`,
    );
    const runs: { readyMs: number; spawnToListenMs: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const again = await launch(['--data-dir', dir, '--no-seed']);
      const check = await call(`${again.origin}/2_4/reservations/${f.reservationId}`, {
        headers: { authorization: f.token },
      });
      if (check.status !== 200) throw new Error(`restored store lacks ${f.reservationId}`);
      runs.push({ readyMs: Number(again.info.buildMs), spawnToListenMs: again.spawnToListenMs });
      log(
        `  restart ${i + 1}: ready in ${String(again.info.buildMs)} ms (spawn → listening ${again.spawnToListenMs} ms), ${String(again.info.reservations)} reservations`,
      );
      again.child.process.kill('SIGKILL');
      await again.child.exited;
    }
    return {
      guests,
      reservations,
      tailBookings: tail,
      snapshotMs: first.info.compactMs,
      bytesOnDisk: bytes,
      rssMbBeforeKill: filled?.rssMb ?? null,
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function worldsRun(): Promise<Record<string, unknown>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => {
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const mock = createMockServer({ maxWorlds: 1000 });
  const out: Record<string, unknown> = { gcExposed: Boolean(gc) };
  const kinds: [string, Record<string, unknown>][] = [
    ['empty restaurant', { volume: { guests: 0, daysOfHistory: 0, daysAhead: 0 } }],
    ['small (20 guests, 2 days ahead)', { volume: { guests: 20, daysOfHistory: 0, daysAhead: 2 } }],
    ['default volume (400 guests, 21+14 days)', {}],
  ];
  for (const [name, body] of kinds) {
    const count = name.startsWith('default') ? 10 : 100;
    const before = heap();
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const res = await mock.app.request('/_mock/worlds', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      times.push(performance.now() - t0);
      if (res.status !== 201) throw new Error(`world creation answered ${res.status}: ${await res.text()}`);
    }
    const perWorldKb = Math.round((heap() - before) / count / 1024);
    times.sort((a, b) => a - b);
    const figures = {
      worlds: count,
      medianMs: Math.round(times[Math.floor(count / 2)]! * 10) / 10,
      p90Ms: Math.round(times[Math.floor(count * 0.9)]! * 10) / 10,
      heapKbPerWorld: perWorldKb,
    };
    out[name] = figures;
    log(`  ${name}: ${JSON.stringify(figures)}`);
    for (const w of mock.worlds.list()) if (w.id !== 'default') await mock.worlds.delete(w.id);
  }
  await mock.close();
  return out;
}

async function main(): Promise<void> {
  log('Building the bench launcher (bench/tsconfig.bench.json)…');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await runToEnd(process.execPath, [tsc, '-p', 'bench/tsconfig.bench.json'], 300_000, { cwd: ROOT });
  const results: Record<string, unknown> = { date: new Date().toISOString(), settings: SETTINGS };
  if (wants('load')) {
    log('Throughput: default world in memory, then with --data-dir');
    const memory = await loadRun(null);
    const dir = mkdtempSync(join(tmpdir(), 'sevenrooms-mock-load-'));
    try {
      results.load = { memory, dataDir: await loadRun(dir) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (wants('restart')) results.restart = await restartRun();
  if (wants('worlds')) {
    log('Worlds: creation time and heap per world (POST /_mock/worlds, in-process)');
    results.worlds = await worldsRun();
  }
  const file = join(ROOT, 'bench', ONLY ? 'persistence-results.partial.json' : 'persistence-results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`Wrote ${file}`);
}

await main();
