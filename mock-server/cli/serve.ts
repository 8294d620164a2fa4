import { parseArgs } from 'node:util';
import { startupBanner } from '../banner.js';
import { ManualClock, SystemClock, type Clock } from '../clock.js';
import { isLoopback } from '../control/access.js';
import { listen } from '../listen.js';
import { createLogger, LOG_LEVELS, type LogLevel } from '../logger.js';
import { listScenarios, loadScenario, ScenarioError, type LoadedScenario } from '../seed/scenario.js';
import { parseVolume, VolumeError } from '../seed/volume.js';
import { createMockServer, type MockServerOptions } from '../server.js';
import type { WebhookEndpointConfig } from '../webhooks/types.js';
import { frozenClockBannerNote } from '../webhooks/frozen-clock.js';
import { readConfigFile, readFaultsFile } from './config-file.js';
import { UsageError, wholeNumber } from './usage-error.js';

export const SERVE_USAGE = `Usage: sevenrooms-mock [serve] [options]

Runs the mock. With no options it serves the embedded fixtures on http://127.0.0.1:4010.

Server:
  --port N                 port (default 4010; 0 picks a free one)
  --host ADDR              address to bind (default 127.0.0.1)
  --config FILE            JSON config: port, host, seed, clock, venues, volume, rateLimit,
                           faults, webhooks, adminToken (flags win over it)
  --log-level LEVEL        debug | info | warn | error | silent (default info)

Data:
  --scenario NAME          start from a named scenario (quiet-weekday, fully-booked-friday,
                           large-group, new-venue) or a scenario JSON file; it brings its own
                           venues, frozen clock, seed and bookings unless flags override them
  --seed N                 seed for every generated value (default 1)
  --venues FILE            venue fixture JSON (default fixtures/venues/default.json)
  --clock WHEN             "system" (default: wall clock, adjustable via /_mock/clock) or an
                           ISO instant to freeze time at, e.g. 2026-12-07T17:00:00Z
  --guests N               seeded guests per venue group
  --history-days N         days of seeded reservation history
  --days-ahead N           days of seeded future bookings
  --locale L               auto | en_US | en_GB (guest names, phones, addresses)

Behaviour:
  --rate-limit N/SECONDS   budget per credential and operation class (default 600/60)
  --no-rate-limit          turn rate limiting off (headers are still sent)
  --faults FILE            fault rules (JSON array or {"rules": [...]}, see docs/decisions/0004)
  --webhook URL            deliver webhooks to URL (repeatable)
  --webhook-secret SECRET  signing secret for the --webhook endpoints (default: generated, printed)
  --admin-token TOKEN      lets non-loopback clients use the control API (X-Mock-Admin-Token);
                           also read from SEVENROOMS_MOCK_ADMIN_TOKEN
  --control-port N         serve the control API on its own port instead of under /_mock
  --journal-size N         requests the journal keeps, with bodies (default 200; 0 turns it off)
  --max-body BYTES         largest API request body; bigger ones get 413 (default 1048576)
  --max-import-body BYTES  largest control-API body, e.g. a snapshot import (default 268435456)
`;

/** `serve`: parses flags (over an optional config file), builds the mock, listens, prints the banner. */
export async function serve(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<() => Promise<void>> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      venues: { type: 'string' },
      clock: { type: 'string' },
      guests: { type: 'string' },
      'history-days': { type: 'string' },
      'days-ahead': { type: 'string' },
      locale: { type: 'string' },
      'rate-limit': { type: 'string' },
      'no-rate-limit': { type: 'boolean', default: false },
      faults: { type: 'string' },
      webhook: { type: 'string', multiple: true, default: [] },
      'webhook-secret': { type: 'string' },
      'admin-token': { type: 'string' },
      'control-port': { type: 'string' },
      'journal-size': { type: 'string' },
      'max-body': { type: 'string' },
      'max-import-body': { type: 'string' },
    },
  });
  const logLevel = values['log-level'] as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const { file, options: fromFile } = values.config
    ? readConfigFile(values.config)
    : { file: {}, options: {} };

  const options: MockServerOptions = { ...fromFile, logger: createLogger(logLevel) };
  const scenario = values.scenario === undefined ? undefined : scenarioOrUsage(values.scenario);
  if (scenario) options.scenario = scenario;
  // A scenario brings its own seed and (frozen) clock: only what the user gave overrides them.
  const seed =
    values.seed !== undefined
      ? wholeNumber('--seed', values.seed)
      : (file.seed ?? (scenario ? undefined : 1));
  if (seed !== undefined) options.seed = seed;
  const clockText = values.clock ?? file.clock ?? (scenario ? undefined : 'system');
  if (clockText !== undefined) options.clock = parseClock(clockText);
  const venues = values.venues ?? file.venues;
  if (venues) options.venuesPath = venues;
  options.volume = { ...fromFile.volume, ...volumeFlags(values) };

  if (values['no-rate-limit']) options.rateLimit = { enabled: false };
  else if (values['rate-limit'])
    options.rateLimit = { ...options.rateLimit, default: parseBudget(values['rate-limit']) };
  if (values.faults) options.faults = readFaultsFile(values.faults);
  const endpoints: WebhookEndpointConfig[] = [
    ...(options.webhooks?.endpoints ?? []),
    ...values.webhook.map((url) => ({
      url,
      ...(values['webhook-secret'] ? { secret: values['webhook-secret'] } : {}),
    })),
  ];
  options.webhooks = { ...options.webhooks, endpoints };
  const adminToken = values['admin-token'] ?? env.SEVENROOMS_MOCK_ADMIN_TOKEN ?? options.adminToken;
  if (adminToken !== undefined) {
    if (adminToken.length < 12) throw new UsageError('--admin-token must be at least 12 characters');
    options.adminToken = adminToken;
  }
  if (values['journal-size'] !== undefined) {
    const size = wholeNumber('--journal-size', values['journal-size']);
    options.journal = size === 0 ? { enabled: false } : { capacity: size };
  }
  if (values['max-body'] !== undefined || values['max-import-body'] !== undefined) {
    options.maxBody = {
      ...(values['max-body'] === undefined ? {} : { api: wholeNumber('--max-body', values['max-body']) }),
      ...(values['max-import-body'] === undefined
        ? {}
        : { control: wholeNumber('--max-import-body', values['max-import-body']) }),
    };
  }
  const controlPort =
    values['control-port'] === undefined ? undefined : wholeNumber('--control-port', values['control-port']);
  options.control = controlPort === undefined ? 'mounted' : 'separate';

  const host = values.host ?? file.host ?? '127.0.0.1';
  const port = values.port !== undefined ? wholeNumber('--port', values.port) : (file.port ?? 4010);
  const mock = createMockServer(options);
  const server = await listen(mock, { port, host });
  const extra: string[] = [];
  let controlServer: Awaited<ReturnType<typeof listen>> | undefined;
  if (controlPort !== undefined && mock.controlApp) {
    controlServer = await listen(
      { app: mock.controlApp, close: async () => {} },
      { port: controlPort, host },
    );
    extra.push(`Control API:  ${controlServer.url}/_mock  (spec: ${controlServer.url}/_mock/openapi.yaml)`);
  } else {
    extra.push(`Control API:  ${server.url}/_mock  (spec: ${server.url}/_mock/openapi.yaml)`);
  }
  if (mock.controlApp) extra.push(`Dashboard:    ${(controlServer ?? server).url}/_mock/ui/`);
  extra.push(
    `Clock:        ${new Date(mock.clock.now()).toISOString()} (${clockText ?? 'frozen by the scenario'})`,
  );
  if (scenario) extra.push(`Scenario:     ${scenario.name} — ${scenario.description}`);
  const frozenNote = frozenClockBannerNote(mock.clock);
  if (frozenNote) extra.push(frozenNote);
  for (const endpoint of mock.webhooks.endpoints.list())
    extra.push(`Webhook:      ${endpoint.url}  secret ${endpoint.secret}`);
  if (!isLoopback(host) && !options.adminToken) {
    extra.push(
      'Note:         listening beyond loopback without --admin-token: the control API answers loopback clients only',
    );
  }
  process.stdout.write(`${startupBanner(server.url, mock.catalog, extra)}\n`);
  return async () => {
    await controlServer?.close();
    await server.close();
  };
}

function volumeFlags(values: Record<string, unknown>): MockServerOptions['volume'] {
  const raw: Record<string, unknown> = {};
  if (values.guests !== undefined) raw.guests = wholeNumber('--guests', values.guests as string);
  if (values['history-days'] !== undefined)
    raw.daysOfHistory = wholeNumber('--history-days', values['history-days'] as string);
  if (values['days-ahead'] !== undefined)
    raw.daysAhead = wholeNumber('--days-ahead', values['days-ahead'] as string);
  if (values.locale !== undefined) raw.locale = values.locale;
  try {
    return parseVolume(raw, 'flags');
  } catch (err) {
    if (err instanceof VolumeError) throw new UsageError(err.message);
    throw err;
  }
}

function scenarioOrUsage(name: string): LoadedScenario {
  try {
    return loadScenario(name);
  } catch (err) {
    if (err instanceof ScenarioError)
      throw new UsageError(`${err.message} (shipped scenarios: ${listScenarios().join(', ')})`);
    throw err;
  }
}

/** `600/60` → 600 requests per 60 s. */
function parseBudget(text: string): { limit: number; windowSec: number } {
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0)
    throw new UsageError(`--rate-limit must look like 600/60 (requests/seconds); got ${text}`);
  return { limit: Number(m[1]), windowSec: Number(m[2]) };
}

function parseClock(value: string): Clock {
  if (value === 'system') return new SystemClock();
  const at = Date.parse(value);
  if (!Number.isFinite(at)) throw new UsageError(`--clock must be "system" or an ISO instant; got ${value}`);
  return new ManualClock(at);
}
