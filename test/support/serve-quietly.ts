import { afterEach, vi } from 'vitest';
import { serve } from '../../mock-server/cli/serve.js';

/** Flags that make `serve` start fast and silently on a free loopback port with an empty store. */
const QUIET = [
  '--port',
  '0',
  '--log-level',
  'silent',
  '--guests',
  '0',
  '--history-days',
  '0',
  '--days-ahead',
  '0',
];

/**
 * Runs `sevenrooms-mock serve` in-process with {@link QUIET} plus `args`, capturing what it prints;
 * returns the URL from its banner, the banner, and `stop`.
 */
export async function serveQuietly(
  args: string[],
): Promise<{ url: string; banner: string; stop: () => Promise<void> }> {
  let banner = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    banner += String(chunk);
    return true;
  });
  try {
    const stop = await serve([...QUIET, ...args], {});
    return { url: /listening on (http:\/\/\S+)/.exec(banner)![1]!, banner, stop };
  } finally {
    write.mockRestore();
  }
}

/**
 * For a test file: `start` runs {@link serveQuietly} and every server started (or handed to
 * `stopAfterTest`) is stopped after its test, with any stdout spies restored.
 */
export function serverPerTest(): {
  start: (args: string[]) => Promise<{ url: string; banner: string }>;
  stopAfterTest: (stop: () => Promise<void>) => void;
} {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    vi.restoreAllMocks();
  });
  return {
    start: async (args) => {
      const started = await serveQuietly(args);
      stops.push(started.stop);
      return started;
    },
    stopAfterTest: (stop) => {
      stops.push(stop);
    },
  };
}
