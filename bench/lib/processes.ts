/**
 * Child processes for the bench: each server runs in its own process group so stopping it also
 * stops anything it spawned; every child is registered and killed on exit, also on failure or Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Last resort: synchronous SIGKILL of every child still running (process 'exit' handlers cannot wait). */
export function killAllChildren(): void {
  for (const child of live) killGroup(child, 'SIGKILL');
  live.clear();
}

process.once('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

export interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  stdout(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/** Spawns `command args` in a new process group with stdout/stderr captured (and always drained). */
export function start(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  live.add(child);
  let out = '';
  let all = '';
  const cap = (s: string) => (s.length > 2_000_000 ? s.slice(-1_000_000) : s);
  child.stdout!.on('data', (chunk: Buffer) => {
    out = cap(out + chunk.toString());
    all = cap(all + chunk.toString());
  });
  child.stderr!.on('data', (chunk: Buffer) => (all = cap(all + chunk.toString())));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      live.delete(child);
      resolve(code);
    }),
  );
  return {
    process: child,
    pid: child.pid,
    output: () => all,
    stdout: () => out,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            finish(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}:\n${all.slice(-2000)}`)),
          timeoutMs,
        );
        const check = () => {
          const m = pattern.exec(out);
          if (m) finish(undefined, m);
        };
        const onExit = (code: number | null) =>
          finish(new Error(`${command} exited (${code}) before printing ${pattern}:\n${all.slice(-2000)}`));
        child.stdout!.on('data', check);
        child.once('exit', onExit);
        check();
        function finish(error?: Error, match?: RegExpExecArray) {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve(match!);
        }
      });
    },
    async stop(graceMs = 3_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Anything the child left behind in its group goes too.
      killGroup(child, 'SIGKILL');
    },
  };
}

/** Runs a command to completion (bounded), returning its exit code and output. */
export async function runToEnd(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; stdout: string; output: string; ms: number; timedOut: boolean }> {
  const started = performance.now();
  const child = start(command, args, options);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void child.stop(1_000);
  }, timeoutMs);
  try {
    const code = await child.exited;
    return {
      code,
      stdout: child.stdout(),
      output: child.output(),
      ms: Math.round(performance.now() - started),
      timedOut,
    };
  } finally {
    clearTimeout(timer);
    await child.stop(500);
  }
}

/** A free loopback port (there is a small race between closing it and the server binding it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface MemoryStatus {
  /** Peak resident set size over the process's life (VmHWM), MB. */
  peakRssMb: number;
  /** Current resident set size (VmRSS), MB. */
  rssMb: number;
}

/** Reads VmHWM and VmRSS from /proc/<pid>/status (Linux); null when unavailable. */
export function memoryOf(pid: number): MemoryStatus | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const hwm = kb('VmHWM');
    const rss = kb('VmRSS');
    if (!Number.isFinite(hwm)) return null;
    return { peakRssMb: round1(hwm / 1024), rssMb: round1(rss / 1024) };
  } catch {
    return null;
  }
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Polls `url` until it answers 200 (each attempt bounded), returning when it did. Used for cold start:
 * the time from spawning the process to the first 200.
 */
export async function waitFor200(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  child?: Child,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child && (child.process.exitCode !== null || child.process.signalCode !== null))
      throw new Error(`server exited before answering:\n${child.output().slice(-2000)}`);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
