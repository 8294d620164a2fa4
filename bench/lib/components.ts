/**
 * The component benches other parts of the project ship, each run as a child process (bounded) and
 * its printed figures folded into the results. A missing bench is reported as skipped, a failing one
 * with the tail of its output; neither stops the rest.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from './processes.js';

export interface ComponentResult {
  name: string;
  command: string;
  status: 'ok' | 'failed' | 'skipped';
  ms?: number;
  /** Figures parsed from the bench's output. */
  figures?: Record<string, unknown>;
  /** The bench's output (trimmed) when it could not be parsed or failed. */
  note?: string;
}

const tail = (s: string, lines = 25) => s.trim().split('\n').slice(-lines).join('\n');

/** The last JSON object or array printed (whole stdout first, then line by line from the end). */
function lastJson(stdout: string): unknown {
  try {
    return JSON.parse(stdout) as unknown;
  } catch {
    // fall through
  }
  const lines = stdout.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith('{') && !line.startsWith('[')) continue;
    try {
      return JSON.parse(line) as unknown;
    } catch {
      // keep looking
    }
  }
  // A pretty-printed document at the end: from the last line that opens one.
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i] !== '{' && lines[i] !== '[') continue;
    try {
      return JSON.parse(lines.slice(i).join('\n')) as unknown;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

async function runTs(
  root: string,
  name: string,
  file: string,
  args: string[],
  nodeFlags: string[],
  timeoutMs: number,
  parse: (stdout: string) => Record<string, unknown> | undefined,
): Promise<ComponentResult> {
  const command = `node ${[...nodeFlags, '--import', 'tsx', file, ...args].join(' ')}`;
  if (!existsSync(join(root, file))) return { name, command, status: 'skipped', note: `${file} not found` };
  const run = await runToEnd(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], timeoutMs, {
    cwd: root,
  });
  if (run.code !== 0 || run.timedOut) {
    return {
      name,
      command,
      status: 'failed',
      ms: run.ms,
      note: `${run.timedOut ? `timed out after ${timeoutMs} ms` : `exit code ${run.code}`}\n${tail(run.output)}`,
    };
  }
  const figures = parse(run.stdout);
  return figures
    ? { name, command, status: 'ok', ms: run.ms, figures }
    : { name, command, status: 'ok', ms: run.ms, note: tail(run.stdout) };
}

/** contracts/bench-validate.ts: median µs to validate one 30-reservation page (parsed / raw). */
export function validationBench(root: string): Promise<ComponentResult> {
  return runTs(
    root,
    'contract validation',
    'contracts/bench-validate.ts',
    ['10000', '30'],
    [],
    120_000,
    (out) => {
      const parsed = /validateResponse \(parsed[^)]*\): median ([\d.]+) µs over (\d+)/.exec(out);
      const raw = /validateResponse \(raw[^)]*\): median ([\d.]+) µs/.exec(out);
      const page = /page: (\d+) reservations, (\d+) bytes/.exec(out);
      if (!parsed) return undefined;
      return {
        medianUsParsed: Number(parsed[1]),
        medianUsRawText: raw ? Number(raw[1]) : null,
        iterations: Number(parsed[2]),
        pageReservations: page ? Number(page[1]) : null,
        pageBytes: page ? Number(page[2]) : null,
        targetUs: 50,
      };
    },
  );
}

/** mock-server/webhooks/bench-delivery.ts (`runDeliveryBenches(n)` behind its --json flag). */
export function deliveryBench(root: string, events: number): Promise<ComponentResult> {
  return runTs(
    root,
    'webhook delivery',
    'mock-server/webhooks/bench-delivery.ts',
    ['--events', String(events), '--json'],
    ['--expose-gc'],
    180_000,
    (out) => {
      const json = lastJson(out);
      return Array.isArray(json) ? { events, runs: json as unknown[] } : undefined;
    },
  );
}

/**
 * bench/seed-bench.ts (owned by the seed generator's engineer): seeding 100k guests / 200k
 * reservations. Its output format is its own: a printed JSON document is taken as is; otherwise the
 * lines with figures are kept verbatim.
 */
export function seedBench(root: string): Promise<ComponentResult> {
  return runTs(root, 'seeding', 'bench/seed-bench.ts', [], ['--expose-gc'], 240_000, (out) => {
    const json = lastJson(out);
    if (json && typeof json === 'object') return { report: json };
    const generated = /generated (\d+) guests, (\d+) reservations/.exec(out);
    const time = /time ([\d.]+) s/.exec(out);
    const rss = /RSS (\d+) MB before, (\d+) MB after, (\d+) MB peak/.exec(out);
    if (generated && time && rss) {
      return {
        guests: Number(generated[1]),
        reservations: Number(generated[2]),
        seconds: Number(time[1]),
        rssBeforeMb: Number(rss[1]),
        rssAfterMb: Number(rss[2]),
        rssPeakMb: Number(rss[3]),
        withinBudget: /within budget/.test(out),
        budget: '10 s, 500 MB',
      };
    }
    const lines = out
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /\d/.test(l));
    return lines.length > 0 ? { lines } : undefined;
  });
}

/** The dashboard's first paint of the floor and the timeline on a 100k-guest world (bench/dashboard-bench.ts). */
export function dashboardBench(root: string): Promise<ComponentResult> {
  return runTs(root, 'dashboard first paint', 'bench/dashboard-bench.ts', [], [], 300_000, (out) => {
    const json = lastJson(out);
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  });
}
