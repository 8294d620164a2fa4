import { parseArgs } from 'node:util';

export type OutputFormat = 'console' | 'json' | 'junit';

/** Parsed command line of `npm run contracts`. */
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
  help: boolean;
}

export const USAGE = `Usage: npm run contracts -- [options]

Runs the SevenRooms contract suite against a target and validates every exchange against the spec,
or validates recorded traffic offline. Exits non-zero on any violation.

  --target inproc|real|<url>  inproc: the mock in this process (default); real: the SevenRooms API
                              from SEVENROOMS_BASE_URL/_CLIENT_ID/_CLIENT_SECRET (read-only unless
                              --allow-writes); <url>: any server, e.g. http://127.0.0.1:4010/2_4
  --allow-writes              let a real target run the steps that book, hold and cancel
  --via-prism                 run through \`prism proxy --errors\` and report where Prism disagrees
  --fail-on-disagreement      with --via-prism: exit non-zero when Prism and we disagree
  --har FILE                  validate the exchanges of a HAR file instead of running the suite
  --recorded DIR              validate a folder of recorded request/response pair JSON files
  --record DIR                save every exchange of the run as pair files in DIR (secrets redacted)
  --format console|json|junit output format (default console)
  --out FILE                  write the report to FILE (a console summary still goes to stderr)
  --spec FILE                 the OpenAPI document (default openapi/sevenrooms.yaml)
  --verbose                   list passing steps too
  -h, --help                  this text`;

/** Parses argv; throws a usage message on anything unknown or malformed. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      target: { type: 'string', default: 'inproc' },
      format: { type: 'string', default: 'console' },
      out: { type: 'string' },
      'allow-writes': { type: 'boolean', default: false },
      'via-prism': { type: 'boolean', default: false },
      'fail-on-disagreement': { type: 'boolean', default: false },
      har: { type: 'string' },
      recorded: { type: 'string' },
      record: { type: 'string' },
      spec: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const format = values.format as string;
  if (!['console', 'json', 'junit'].includes(format))
    throw new Error(`--format must be console, json or junit, not ${format}`);
  if (values.har && values.recorded) throw new Error('use either --har or --recorded, not both');
  if ((values.har || values.recorded) && (values['via-prism'] || values.record)) {
    throw new Error(
      '--har/--recorded validate recordings offline; --via-prism and --record need a suite run',
    );
  }
  const target = values.target as string;
  if (!['inproc', 'real'].includes(target) && !/^https?:\/\//.test(target)) {
    throw new Error(`--target must be inproc, real or an http(s) URL, not ${target}`);
  }
  return {
    target,
    format: format as OutputFormat,
    allowWrites: values['allow-writes'] as boolean,
    viaPrism: values['via-prism'] as boolean,
    failOnDisagreement: values['fail-on-disagreement'] as boolean,
    verbose: values.verbose as boolean,
    help: values.help as boolean,
    ...(values.out ? { out: values.out } : {}),
    ...(values.har ? { har: values.har } : {}),
    ...(values.recorded ? { recorded: values.recorded } : {}),
    ...(values.record ? { record: values.record } : {}),
    ...(values.spec ? { spec: values.spec } : {}),
  };
}
