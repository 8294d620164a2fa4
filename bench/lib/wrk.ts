/**
 * Load from `wrk` (C, one thread): a load generator that takes a small share of the two cores, so
 * the server being measured gets most of the machine. Used for the GET rows; autocannon stays for
 * the PUT row, whose every request needs a different body.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { memoryOf } from './processes.js';
import type { LoadFigures } from './load.js';

export interface WrkSettings {
  threads: number;
  connections: number;
  warmupSec: number;
  durationSec: number;
}

/** The wrk binary, installing Debian's package when missing and allowed (root); null when unavailable. */
export function findWrk(log: (line: string) => void): string | null {
  const which = () => spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
  let path = which();
  if (path) return path;
  if (process.getuid?.() === 0) {
    log('wrk is missing: installing Debian’s package (apt-get install -y wrk)…');
    try {
      execFileSync(
        'sh',
        [
          '-c',
          'apt-get install -y -qq wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)',
        ],
        {
          stdio: 'inherit',
          timeout: 180_000,
        },
      );
    } catch {
      // Reported below.
    }
    path = which();
    if (path) return path;
  }
  log(
    'wrk is not installed and could not be installed (run: sudo apt-get install -y wrk); GET rows use autocannon.',
  );
  return null;
}

/** Milliseconds from wrk's `1.23ms` / `456.00us` / `1.20s`. */
function toMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

function runWrk(
  wrk: string,
  url: string,
  headers: Record<string, string>,
  s: WrkSettings,
  durationSec: number,
): string {
  const args = [`-t${s.threads}`, `-c${s.connections}`, `-d${durationSec}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  const run = spawnSync(wrk, args, { encoding: 'utf8', timeout: (durationSec + 30) * 1000 });
  if (run.status !== 0) throw new Error(`wrk failed (${run.status}): ${run.stderr || run.stdout}`);
  return run.stdout;
}

/** Warm-up (discarded), then the measured run; `pid` is the server's, for VmRSS sampling. */
export async function measureWithWrk(
  wrk: string,
  url: string,
  headers: Record<string, string>,
  settings: WrkSettings,
  pid: number,
): Promise<LoadFigures> {
  let rssMax = 0;
  const sample = () => {
    const m = memoryOf(pid);
    if (m) rssMax = Math.max(rssMax, m.rssMb);
  };
  sample();
  if (settings.warmupSec > 0) runWrk(wrk, url, headers, settings, settings.warmupSec);
  const out = runWrk(wrk, url, headers, settings, settings.durationSec);
  sample();
  return parseWrk(out, rssMax);
}

/** Reads wrk's report (with --latency). */
export function parseWrk(out: string, rssMaxMb = 0): LoadFigures {
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const responses = num(/(\d+) requests in/);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errorsLine = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = errorsLine ? errorsLine.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  const latency = /Latency\s+(\S+)\s+(\S+)\s+(\S+)/.exec(out);
  const p = (q: string) => toMs(new RegExp(`^\\s+${q}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
  const transfer = /(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read/.exec(out);
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[transfer?.[3] ?? 'B'] ?? 1;
  const bytes = transfer ? Number(transfer[2]) * unit : 0;
  return {
    requestsPerSec: Math.round(num(/Requests\/sec:\s+([\d.]+)/)),
    latencyP50Ms: Math.round(p('50') * 100) / 100,
    latencyP99Ms: Math.round(p('99') * 100) / 100,
    latencyAvgMs: latency ? Math.round(toMs(latency[1]!) * 100) / 100 : NaN,
    responses,
    non2xx,
    errors,
    statusCodes: {},
    rssMaxMb: rssMaxMb > 0 ? rssMaxMb : null,
    bytesPerResponse: responses > 0 ? Math.round(bytes / responses) : 0,
  };
}
