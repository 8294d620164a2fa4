import { Command, Option } from 'commander';
import { LOG_LEVELS } from '../logger.js';
import { SEED_LOCALES } from '../seed/volume.js';

/**
 * The `serve` command's flags. Each has a config-file key: the flag's name in camelCase
 * (`--history-days` → `historyDays`); test/cli-config.test.ts holds the schema to that.
 */
export function serveCommand(): Command {
  const repeat = (value: string, previous: string[] = []) => [...previous, value];
  return new Command('serve')
    .description('run the mock (the default command)')
    .allowExcessArguments()
    .optionsGroup('Server:')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '4010')
    .option('--host <addr>', 'address to bind', '127.0.0.1')
    .option(
      '--config <file>',
      'JSON or YAML settings, one key per flag (schema: sevenrooms-mock/config.schema.json); flags win over it',
    )
    .addOption(
      new Option('--log-level <level>', '"info" logs one line per request')
        .choices(LOG_LEVELS)
        .default('info'),
    )
    .optionsGroup('Data:')
    .option(
      '--scenario <name>',
      'start from a named world (quiet-weekday, fully-booked-friday, large-group, new-venue) or a scenario file; it brings its own venues, frozen clock, seed and bookings unless flags override them',
    )
    .option('--seed <n>', "seed for every generated value (default: 1, or the scenario's)")
    .option('--venues <file>', 'venue fixture JSON (default: the embedded fixtures/venues/default.json)')
    .option(
      '--clock <when>',
      '"system" (the wall clock, adjustable via /_mock/clock) or an ISO instant to freeze time at (default: "system", or the scenario\'s)',
    )
    .option('--guests <n>', 'seeded guests per venue group', '400')
    .option('--history-days <n>', 'days of seeded reservation history', '21')
    .option('--days-ahead <n>', 'days of seeded future bookings', '14')
    .addOption(
      new Option('--locale <locale>', 'guest names, phones and addresses')
        .choices(SEED_LOCALES)
        .default('auto'),
    )
    .optionsGroup('Behaviour:')
    .option('--rate-limit <n/seconds>', 'budget per credential and operation class', '600/60')
    .option('--no-rate-limit', 'turn rate limiting off (the headers are still sent)')
    .option('--faults <file>', 'fault rules, a JSON array or {"rules": [...]} (see docs/decisions/0004)')
    .option('--webhook <url>', 'deliver webhooks to URL (repeatable)', repeat)
    .option(
      '--webhook-secret <secret>',
      'signing secret for the --webhook endpoints (default: generated, printed)',
    )
    .option(
      '--admin-token <token>',
      'lets non-loopback clients use the control API (X-Mock-Admin-Token); env SEVENROOMS_MOCK_ADMIN_TOKEN',
    )
    .option('--control-port <n>', 'serve the control API on its own port instead of under /_mock')
    .option('--journal-size <n>', 'requests the journal keeps, with bodies; 0 turns it off', '200')
    .option(
      '--data-dir <dir>',
      'keep state in DIR: restored from it on start, every change on disk before its response is sent',
    )
    .option('--max-worlds <n>', 'most worlds made on demand via POST /_mock/worlds', '64')
    .option(
      '--world-idle <seconds>',
      'end a world made on demand after this long without a request (0 = never)',
      '1800',
    )
    .option('--max-body <bytes>', 'largest API request body; bigger ones get 413', '1048576')
    .option('--max-import-body <bytes>', 'largest control-API body, e.g. a snapshot import', '268435456');
}

/** Flag values as commander hands them over (strings; `rateLimit` is false after --no-rate-limit). */
export interface ServeFlags {
  port?: string;
  host?: string;
  config?: string;
  logLevel?: string;
  scenario?: string;
  seed?: string;
  venues?: string;
  clock?: string;
  guests?: string;
  historyDays?: string;
  daysAhead?: string;
  locale?: string;
  rateLimit?: string | false;
  faults?: string;
  webhook?: string[];
  webhookSecret?: string;
  adminToken?: string;
  controlPort?: string;
  journalSize?: string;
  dataDir?: string;
  maxWorlds?: string;
  worldIdle?: string;
  maxBody?: string;
  maxImportBody?: string;
}

/** Only what the user typed: defaults stay out, so a config file (or a scenario) can supply them. */
export function givenFlags(cmd: Command): ServeFlags {
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cmd.opts())) {
    if (cmd.getOptionValueSource(key) === 'cli') given[key] = value;
  }
  return given as ServeFlags;
}
