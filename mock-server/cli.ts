#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runMockCli } from './cli/program.js';

/**
 * The `sevenrooms-mock` binary. A running server stops cleanly on SIGINT or SIGTERM, says so, and
 * exits 0; a second signal, or a close that hangs, ends it at once.
 */
async function main(): Promise<void> {
  const outcome = await runMockCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  if ('code' in outcome) {
    process.exitCode = outcome.code;
    return;
  }
  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`sevenrooms-mock: ${signal} received, shutting down…\n`);
    process.once(signal, () => process.exit(130));
    setTimeout(() => {
      process.stderr.write('sevenrooms-mock: shutdown took over 5 s; exiting anyway.\n');
      process.exit(1);
    }, 5_000).unref();
    void outcome.close().then(() => {
      process.stdout.write('sevenrooms-mock: stopped.\n');
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly =
  process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) void main();
