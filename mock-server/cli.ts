#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ctl, CTL_USAGE } from './cli/ctl.js';
import { serve, SERVE_USAGE } from './cli/serve.js';
import { UsageError } from './cli/usage-error.js';
import { RECEIVER_USAGE, ReceiverUsageError, runReceiverCli } from './webhooks/receiver-cli.js';

const HELP = `sevenrooms-mock — a stateful mock of the SevenRooms API

Commands:
  serve (default)   run the mock
  listen            receive, verify and print the mock's webhooks (like stripe listen)
  ctl               drive a running mock: clock, reset, venue actions, faults, webhooks

${SERVE_USAGE}
${RECEIVER_USAGE}
${CTL_USAGE}`;

/** Dispatches a command line; resolves to the exit code, or null while a server keeps running. */
export async function main(argv: string[]): Promise<number | null> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === 'listen') {
    const receiver = await runReceiverCli(rest);
    return receiver ? null : 0;
  }
  if (command === 'ctl') return ctl(rest);
  const close = await serve(command === 'serve' ? rest : argv);
  const stop = () => void close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return null;
}

const invokedDirectly =
  process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== null) process.exitCode = code;
    },
    (err: unknown) => {
      const usage =
        err instanceof UsageError ||
        err instanceof ReceiverUsageError ||
        (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      process.stderr.write(
        `sevenrooms-mock: ${err instanceof Error ? err.message : String(err)}\n${usage && !(err instanceof ReceiverUsageError) ? `Run sevenrooms-mock --help for usage.\n` : ''}`,
      );
      process.exit(usage ? 2 : 1);
    },
  );
}
