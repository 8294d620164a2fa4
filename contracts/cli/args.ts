import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../../mock-server/version.js';

export type OutputFormat = 'console' | 'json' | 'junit';

/** Parsed command line of `sevenrooms-contracts` (`npm run contracts`). */
export interface CliArgs {
  /** `inproc`, `real`, or a base URL. */
  target: string;
  format: OutputFormat;
  out?: string;
  allowWrites: boolean;
  viaPrism: boolean;
  failOnDisagreement: boolean;
  har?: string;
  recorded?: string;
  record?: string;
  spec?: string;
  verbose: boolean;
  debug: boolean;
  help: boolean;
  version: boolean;
}

/** The command's flags; help and errors are rendered by commander. */
export function contractsCommand(): Command {
  return new Command('sevenrooms-contracts')
    .description(
      'Runs the SevenRooms contract suite against a target and validates every exchange against the spec, or validates recorded traffic offline. Exits non-zero on any violation.',
    )
    .option(
      '--target <target>',
      'inproc: the mock in this process; real: the SevenRooms API from SEVENROOMS_BASE_URL/_CLIENT_ID/_CLIENT_SECRET (read-only unless --allow-writes); <url>: any server, e.g. http://127.0.0.1:4010/2_4',
      'inproc',
    )
    .option('--allow-writes', 'let a real target run the steps that book, hold and cancel')
    .option(
      '--via-prism',
      'run through `prism proxy --errors` and report where Prism disagrees (needs @stoplight/prism-cli)',
    )
    .option('--fail-on-disagreement', 'with --via-prism: exit non-zero when Prism and we disagree')
    .option('--har <file>', 'validate the exchanges of a HAR file instead of running the suite')
    .option('--recorded <dir>', 'validate a folder of recorded request/response pair JSON files')
    .option('--record <dir>', 'save every exchange of the run as pair files in DIR (secrets redacted)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['console', 'json', 'junit'])
        .default('console'),
    )
    .option('--out <file>', 'write the report to FILE (a console summary still goes to stderr)')
    .option('--spec <file>', 'the OpenAPI document (default: the packaged openapi/sevenrooms.yaml)')
    .option('--verbose', 'list passing steps too')
    .option('--debug', 'print stack traces with errors')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
}

/** The help text (`--help`). */
export const USAGE = contractsCommand().helpInformation().trimEnd();

/** Parses argv; throws an Error with one sentence on anything unknown or malformed. */
export function parseCliArgs(argv: string[]): CliArgs {
  const cmd = contractsCommand();
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed') return { ...defaults(), help: true };
      if (err.code === 'commander.version') return { ...defaults(), version: true };
      throw new Error(
        err.message
          .replace(/^error: /, '')
          .split('\n')
          .map((l) => l.trim())
          .join(' '),
        { cause: err },
      );
    }
    throw err;
  }
  const values = cmd.opts<Record<string, string | boolean | undefined>>();
  if (values.har && values.recorded) throw new Error('use either --har or --recorded, not both');
  if ((values.har || values.recorded) && (values.viaPrism || values.record)) {
    throw new Error(
      '--har/--recorded validate recordings offline; --via-prism and --record need a suite run',
    );
  }
  const target = values.target as string;
  if (!['inproc', 'real'].includes(target) && !/^https?:\/\/[^/]/.test(target)) {
    throw new Error(`--target must be inproc, real or an http(s) URL, not ${target}`);
  }
  const string = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const optional = {
    out: string(values.out),
    har: string(values.har),
    recorded: string(values.recorded),
    record: string(values.record),
    spec: string(values.spec),
  };
  return {
    target,
    format: values.format as OutputFormat,
    allowWrites: values.allowWrites === true,
    viaPrism: values.viaPrism === true,
    failOnDisagreement: values.failOnDisagreement === true,
    verbose: values.verbose === true,
    debug: values.debug === true,
    help: false,
    version: false,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

function defaults(): CliArgs {
  return {
    target: 'inproc',
    format: 'console',
    allowWrites: false,
    viaPrism: false,
    failOnDisagreement: false,
    verbose: false,
    debug: false,
    help: false,
    version: false,
  };
}
