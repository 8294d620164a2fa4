import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findFreePort } from './free-port.js';

export interface PrismProxyOptions {
  /** The OpenAPI document Prism validates against. */
  specPath: string;
  /** Where Prism forwards requests (its path is kept: `http://127.0.0.1:5000/2_4`). */
  upstream: string;
  /** Give up waiting for Prism after this long; default 60 s (it takes a few seconds to start). */
  startTimeoutMs?: number;
}

/** A running `prism proxy`; always `stop()` it. */
export interface PrismProxy {
  /** `http://127.0.0.1:<port>`; send spec paths (no version prefix) here. */
  url: string;
  /** Everything Prism printed, for diagnostics when it misbehaves. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `prism proxy <spec> <upstream> --errors` from the installed @stoplight/prism-cli on a free
 * loopback port and resolves once it listens. With `--errors`, Prism answers invalid requests itself
 * (422/401) and replaces invalid responses with a 500; either way it lists what it found in an
 * `sl-violations` response header.
 */
export async function startPrismProxy(options: PrismProxyOptions): Promise<PrismProxy> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [
      prismBin(),
      'proxy',
      options.specPath,
      options.upstream,
      '--errors',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitUntilListening(child, () => output, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

/** `--via-prism` without Prism: it is an optional peer dependency of this package. */
export class PrismNotInstalledError extends Error {
  override readonly name = 'PrismNotInstalledError';
  constructor() {
    super(
      '--via-prism needs Prism, an optional peer dependency: install it with `npm install --save-dev @stoplight/prism-cli@5`.',
    );
  }
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new PrismNotInstalledError();
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.prism;
  if (!bin) throw new Error('@stoplight/prism-cli declares no prism binary');
  return join(dirname(manifestPath), bin);
}

function waitUntilListening(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`Prism did not start within ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const poll = setInterval(() => {
      if (/Prism is listening/i.test(output())) finish();
    }, 100);
    const onExit = (code: number | null) =>
      finish(new Error(`Prism exited with code ${code} before listening:\n${output()}`));
    child.once('exit', onExit);
    function finish(error?: Error): void {
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
