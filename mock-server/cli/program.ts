import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { ReceiverUsageError, runReceiverCli } from '../webhooks/receiver-cli.js';
import { ctlCommand, ctlFlags, runCtl } from './ctl.js';
import { startServing } from './serve.js';
import { serveCommand } from './serve-options.js';
import { oneLine, UsageError } from './usage-error.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** What a command line ended in: an exit code, or a server that runs until stopped. */
export type CliOutcome = { code: number } | { close: () => Promise<void> };

/**
 * `sevenrooms-mock [serve|ctl|listen] …`. Every mistake is one sentence on stderr and a non-zero
 * exit (2 for usage, 1 for failures); stack traces only with --debug.
 */
export async function runMockCli(argv: string[], io: CliIo): Promise<CliOutcome> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const fail = (err: unknown): CliOutcome => {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`sevenrooms-mock: ${oneLine(message)}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return { code: err instanceof UsageError || err instanceof ReceiverUsageError ? 2 : 1 };
  };
  // `listen` keeps its own parser (it is also a library function: runReceiverCli).
  if (args[0] === 'listen') {
    try {
      const receiver = await runReceiverCli(args.slice(1), {
        print: (line) => void io.stdout.write(`${line}\n`),
        env: io.env,
        handleSignals: false,
      });
      return receiver ? { close: () => receiver.close() } : { code: 0 };
    } catch (err) {
      return fail(err);
    }
  }

  let outcome: CliOutcome = { code: 0 };
  const configure = (cmd: Command) =>
    cmd
      .exitOverride()
      .showSuggestionAfterError(true)
      .configureOutput({
        writeOut: (text) => void io.stdout.write(text),
        writeErr: (text) => void io.stderr.write(text),
        outputError: (text, write) => write(`sevenrooms-mock: ${oneLine(text.replace(/^error: /, ''))}\n`),
      });
  const serve = configure(serveCommand()).action(async (_options, cmd: Command) => {
    outcome = { close: await startServing(cmd, io) };
  });
  const ctl = configure(ctlCommand()).action(
    async (command: string, rest: string[], _options, cmd: Command) => {
      outcome = {
        code: await runCtl(
          [command, ...rest],
          ctlFlags(cmd),
          io.env,
          (line) => void io.stdout.write(`${line}\n`),
        ),
      };
    },
  );
  const listen = new Command('listen')
    .description("receive, verify and print the mock's webhooks, like stripe listen (see listen --help)")
    .helpOption(false);
  const program = configure(new Command('sevenrooms-mock'))
    .description('A stateful mock of the SevenRooms API, with a contract-testing toolkit.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces with errors')
    .addCommand(serve, { isDefault: true })
    .addCommand(ctl)
    .addCommand(listen)
    .addHelpText(
      'after',
      () =>
        `\nOptions of serve (the default command):\n${serve.helpInformation().split('\n').slice(3).join('\n')}`,
    );
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return { code: err.exitCode === 0 ? 0 : 2 };
    return fail(err);
  }
  return outcome;
}
