/**
 * `npm run soak:crash`: the durability check for --data-dir. Each round starts the real CLI on one
 * data directory, books concurrently, SIGKILLs the process at a random instant, restarts it on the
 * same directory, and checks that
 *   - every booking acknowledged with 200 (in any round so far) is there, with the date, time, party
 *     size and guest it was booked with — and byte-identical to how the API showed it before the
 *     crash, when the script managed to read it back in time;
 *   - every booking whose answer the crash swallowed is either wholly there or wholly absent (no
 *     guest without its reservation, no reservation without its guest).
 * Prints the figures and exits 1 on any loss.
 *
 * Knobs: SOAK_ROUNDS=30 SOAK_CONNECTIONS=16 SOAK_MIN_MS=300 SOAK_MAX_MS=2500 SOAK_SEED=1
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../mock-server/random.js';
import { start, type Child } from './lib/processes.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = env('SOAK_ROUNDS', 30);
const CONNECTIONS = env('SOAK_CONNECTIONS', 16);
const MIN_MS = env('SOAK_MIN_MS', 300);
const MAX_MS = env('SOAK_MAX_MS', 2500);
const dice = createRandom(env('SOAK_SEED', 1));
const CREDENTIALS = { client_id: 'harbor-pos', client_secret: 'harbor-pos-secret' };
const FIRST_DATE = Date.parse('2027-02-01T00:00:00Z');

interface Booking {
  n: number;
  venueId: string;
  date: string;
  time: string;
  partySize: number;
  firstName: string;
  lastName: string;
  phone: string;
}
interface Acked extends Booking {
  id: string;
  /** The reservation as GET showed it before the crash (when it could be read in time). */
  shown: string | null;
}

async function launch(
  dir: string,
): Promise<{ child: Child; origin: string; readyMs: number; wallMs: number }> {
  const began = performance.now();
  const child = start(
    process.execPath,
    [
      '--import',
      'tsx',
      'mock-server/cli.ts',
      '--port',
      '0',
      '--data-dir',
      dir,
      '--clock',
      '2026-12-07T17:00:00Z',
      '--no-rate-limit',
      '--log-level',
      'warn',
    ],
    { cwd: ROOT },
  );
  const url = await child.waitFor(/Persistence:.*ready in (\d+) ms/, 60_000).catch((err: unknown) => {
    throw new Error(`${String(err)}\n${child.output()}`);
  });
  const origin = /http:\/\/127\.0\.0\.1:\d+/.exec(child.stdout())![0];
  return { child, origin, readyMs: Number(url[1]), wallMs: Math.round(performance.now() - began) };
}

async function call(origin: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${origin}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, text: await res.text() };
}

const form = (fields: Record<string, string>): RequestInit => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

function bookingFor(n: number, venueIds: string[]): Booking {
  // One party of 2 per venue, date and 30-minute start (17:00–21:30): always a free table.
  const perDay = venueIds.length * 10;
  const minutes = 17 * 60 + (Math.floor(n / venueIds.length) % 10) * 30;
  return {
    n,
    venueId: venueIds[n % venueIds.length]!,
    date: new Date(FIRST_DATE + Math.floor(n / perDay) * 86_400_000).toISOString().slice(0, 10),
    time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    partySize: 2,
    firstName: 'Soak',
    lastName: `Guest${n}`,
    phone: `+1917${String(n).padStart(7, '0')}`,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sevenrooms-mock-soak-'));
  const acked: Acked[] = [];
  const swallowed: Booking[] = [];
  let next = 0;
  let token = '';
  let venueIds: string[] = [];
  const readyTimes: number[] = [];
  const wallTimes: number[] = [];
  let problems: string[] = [];
  let checkedUnacked = 0;
  let presentUnacked = 0;
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      const { child, origin, readyMs, wallMs } = await launch(dir);
      if (round > 0) {
        readyTimes.push(readyMs);
        wallTimes.push(wallMs);
      }
      if (!token) {
        const auth = await call(origin, '/2_4/auth', { method: 'POST', ...form(CREDENTIALS) });
        token = (JSON.parse(auth.text) as { data: { token: string } }).data.token;
        const venues = await call(origin, '/2_4/venues', { headers: { authorization: token } });
        venueIds = (JSON.parse(venues.text) as { data: { results: { id: string }[] } }).data.results.map(
          (v) => v.id,
        );
      }
      // ---- check everything so far against the restored state ----
      const state = JSON.parse((await call(origin, '/_mock/state')).text) as {
        reservations: { id: string; phone: string | null; clientId: string }[];
        clients: { id: string; phone: string | null }[];
      };
      const byId = new Map(state.reservations.map((r) => [r.id, r]));
      const clientsByPhone = new Map(state.clients.map((c) => [c.phone, c]));
      const reservationsByPhone = new Map(state.reservations.map((r) => [r.phone, r]));
      for (const a of acked) {
        const r = byId.get(a.id);
        if (!r) {
          problems.push(`acknowledged ${a.id} (booking ${a.n}) is missing`);
          continue;
        }
        const shown = await call(origin, `/2_4/reservations/${a.id}`, { headers: { authorization: token } });
        const data = (JSON.parse(shown.text) as { data: Record<string, unknown> }).data;
        const expected = {
          date: a.date,
          max_guests: a.partySize,
          first_name: a.firstName,
          last_name: a.lastName,
          phone_number: a.phone,
        };
        for (const [k, v] of Object.entries(expected))
          if (data[k] !== v) problems.push(`${a.id}: ${k} is ${String(data[k])}, was booked as ${String(v)}`);
        if (!String(data.real_datetime_of_slot).startsWith(`${a.date} ${a.time}`))
          problems.push(`${a.id}: slot is ${String(data.real_datetime_of_slot)}, was booked for ${a.time}`);
        if (a.shown !== null && JSON.stringify(data) !== a.shown)
          problems.push(`${a.id}: differs from how it was shown before the crash`);
      }
      for (const b of swallowed.splice(0)) {
        checkedUnacked++;
        const r = reservationsByPhone.get(b.phone);
        const c = clientsByPhone.get(b.phone);
        if (r && c && r.clientId === c.id) presentUnacked++;
        else if (r || c)
          problems.push(`booking ${b.n} is half there (reservation ${Boolean(r)}, guest ${Boolean(c)})`);
      }
      if (problems.length > 0 || round === ROUNDS) {
        child.process.kill('SIGKILL');
        await child.exited;
        break;
      }
      // ---- book concurrently, then kill at a random instant ----
      let killed = false;
      const worker = async () => {
        while (!killed) {
          const b = bookingFor(next++, venueIds);
          try {
            const res = await call(origin, `/2_4/venues/${b.venueId}/book`, {
              method: 'PUT',
              headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({
                date: b.date,
                time: b.time,
                party_size: String(b.partySize),
                first_name: b.firstName,
                last_name: b.lastName,
                phone: b.phone,
              }).toString(),
            });
            if (res.status !== 200) {
              problems.push(`booking ${b.n} answered ${res.status}: ${res.text.slice(0, 200)}`);
              continue;
            }
            const id = (JSON.parse(res.text) as { data: { reservation_id: string } }).data.reservation_id;
            const entry: Acked = { ...b, id, shown: null };
            acked.push(entry);
            const shown = await call(origin, `/2_4/reservations/${id}`, {
              headers: { authorization: token },
            }).catch(() => null);
            // The envelope's request_id differs per request; the reservation itself must not.
            if (shown?.status === 200)
              entry.shown = JSON.stringify((JSON.parse(shown.text) as { data: unknown }).data);
          } catch (err) {
            if (process.env.SOAK_DEBUG) process.stdout.write(`booking ${b.n}: ${String(err)}\n`);
            if (!acked.some((a) => a.n === b.n)) swallowed.push(b);
            return;
          }
        }
      };
      const workers = Array.from({ length: CONNECTIONS }, worker);
      await new Promise((r) => setTimeout(r, MIN_MS + Math.floor(dice.next() * (MAX_MS - MIN_MS))));
      child.process.kill('SIGKILL');
      killed = true;
      await child.exited;
      await Promise.all(workers);
      process.stdout.write(
        `round ${round + 1}/${ROUNDS}: ${acked.length} acknowledged so far, ${swallowed.length} swallowed by the kill\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...readyTimes].sort((a, b) => a - b);
  const summary = {
    rounds: readyTimes.length,
    acknowledgedBookings: acked.length,
    comparedByteForByte: acked.filter((a) => a.shown !== null).length,
    swallowedByKill: checkedUnacked,
    swallowedButWhollyPresent: presentUnacked,
    losses: problems.filter((p) => p.includes('missing')).length,
    problems: problems.length,
    restoreMsMedian: sorted[Math.floor(sorted.length / 2)] ?? null,
    restoreMsMax: sorted.at(-1) ?? null,
    processStartMsMedian: [...wallTimes].sort((a, b) => a - b)[Math.floor(wallTimes.length / 2)] ?? null,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  const name = ROUNDS >= 30 ? 'crash-soak-results.json' : 'crash-soak-results.partial.json';
  writeFileSync(
    join(ROOT, 'bench', name),
    `${JSON.stringify({ date: new Date().toISOString(), connections: CONNECTIONS, killAfterMs: [MIN_MS, MAX_MS], ...summary }, null, 2)}\n`,
  );
  if (problems.length > 0) {
    process.stdout.write(`${problems.slice(0, 20).join('\n')}\n`);
    process.exitCode = 1;
  }
  problems = [];
}

await main();
