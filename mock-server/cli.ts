#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startupBanner } from './banner.js';
import { ManualClock, SystemClock, type Clock } from './clock.js';
import { listen } from './listen.js';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger.js';
import { createMockServer, type MockServerOptions } from './server.js';

const HELP = `sevenrooms-mock — a stateful mock of the SevenRooms API

Usage:
  sevenrooms-mock [serve] [options]

Options:
  --port N            port to listen on (default 4010; 0 picks a free one)
  --host ADDR         address to bind (default 127.0.0.1)
  --seed N            seed for all generated data (default 1)
  --venues FILE       venue fixture JSON (default: the embedded fixtures/venues/default.json)
  --clock WHEN        "system" (default: the wall clock) or an ISO instant to freeze time at,
                      e.g. 2026-12-07T17:00:00Z (then only the control API moves it)
  --guests N          seeded guests per venue group
  --history-days N    days of seeded reservation history
  --days-ahead N      days of seeded future bookings
  --log-level LEVEL   debug | info | warn | error | silent (default info)
  -h, --help          this text
`;

/** Parses flags, builds the mock, listens, prints the banner. Exported for tests. */
export async function main(argv: string[]): Promise<void> {
  const args = argv[0] === 'serve' ? argv.slice(1) : argv;
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      venues: { type: 'string' },
      clock: { type: 'string', default: 'system' },
      guests: { type: 'string' },
      'history-days': { type: 'string' },
      'days-ahead': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const logLevel = values['log-level'] as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const options: MockServerOptions = {
    seed: wholeNumber('--seed', values.seed),
    clock: parseClock(values.clock),
    logger: createLogger(logLevel),
  };
  if (values.venues) options.venuesPath = values.venues;
  const volume: NonNullable<MockServerOptions['volume']> = {};
  if (values.guests !== undefined) volume.guests = wholeNumber('--guests', values.guests);
  if (values['history-days'] !== undefined)
    volume.daysOfHistory = wholeNumber('--history-days', values['history-days']);
  if (values['days-ahead'] !== undefined)
    volume.daysAhead = wholeNumber('--days-ahead', values['days-ahead']);
  options.volume = volume;

  const mock = createMockServer(options);
  const server = await listen(mock, { port: wholeNumber('--port', values.port), host: values.host });
  process.stdout.write(`${startupBanner(server.url, mock.catalog)}\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

class UsageError extends Error {}

function wholeNumber(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number; got ${value}`);
  return n;
}

function parseClock(value: string | undefined): Clock {
  if (value === undefined || value === 'system') return new SystemClock();
  const at = new Date(value).getTime();
  if (!Number.isFinite(at)) throw new UsageError(`--clock must be "system" or an ISO instant; got ${value}`);
  return new ManualClock(at);
}

const invokedDirectly =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(
      `sevenrooms-mock: ${message}\n${err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? `\n${HELP}` : ''}`,
    );
    process.exit(1);
  });
}
