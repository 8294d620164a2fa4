import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommanderError, type Command } from 'commander';
import { ManualClock, SystemClock, type Clock } from '../clock.js';
import { listen, type ListeningServer } from '../listen.js';
import { createLogger, LOG_LEVELS, type LogLevel } from '../logger.js';
import { parseFaultConfig } from '../middleware/fault-rules.js';
import { parseRateLimitConfig } from '../middleware/rate-limit-config.js';
import { listScenarios, loadScenario, ScenarioError, type LoadedScenario } from '../seed/scenario.js';
import { parseVolume, VolumeError } from '../seed/volume.js';
import { ConfigError } from '../config-error.js';
import { FixtureError } from '../fixtures/load-venues.js';
import { DataDirError } from '../persist/data-dir.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../server.js';
import { parseWebhookConfig } from '../webhooks/config.js';
import type { WebhookEndpointConfig } from '../webhooks/types.js';
import { readConfigFile, readFaultsFile, type ConfigFile } from './config-file.js';
import { serveBanner } from './serve-banner.js';
import { givenFlags, serveCommand, type ServeFlags } from './serve-options.js';
import { seedProgressCounter } from './seed-progress.js';
import { oneLine, portNumber, UsageError, wholeNumber } from './usage-error.js';

export interface ServeIo {
  env?: NodeJS.ProcessEnv;
  stdout?: { write(text: string): unknown };
  /** Where the seeding counter goes; it is shown only when this is a TTY. */
  stderr?: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * `sevenrooms-mock [serve] …` from an argv (the arguments after `serve`): parses, starts, prints the
 * banner and resolves to a function that stops the server. Throws {@link UsageError} on bad input.
 */
export async function serve(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<() => Promise<void>> {
  const cmd = serveCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} });
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) throw new UsageError(oneLine(err.message.replace(/^error: /, '')));
    throw err;
  }
  return startServing(cmd, { env });
}

/** Starts the mock from a parsed `serve` command. */
export async function startServing(cmd: Command, io: ServeIo = {}): Promise<() => Promise<void>> {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  if (cmd.args.length > 0)
    throw new UsageError(`unknown command '${cmd.args[0]}' (commands: serve, ctl, listen; see --help).`);
  const flags = givenFlags(cmd);
  const file: ConfigFile = flags.config ? readConfigFile(flags.config) : {};
  const at = (key: string) => (flags.config ? `${key} in ${flags.config}` : key);

  const logLevel = (flags.logLevel ?? file.logLevel ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}.`);
  const options: MockServerOptions = { logger: createLogger(logLevel) };

  const scenarioName = flags.scenario ?? file.scenario;
  const scenario = scenarioName === undefined ? undefined : scenarioOrUsage(scenarioName);
  if (scenario) options.scenario = scenario;
  // A scenario brings its own seed and (frozen) clock: only what the user gave overrides them.
  const seed =
    flags.seed !== undefined ? wholeNumber('--seed', flags.seed) : (file.seed ?? (scenario ? undefined : 1));
  if (seed !== undefined) options.seed = seed;
  const clockText = flags.clock ?? file.clock ?? (scenario ? undefined : 'system');
  if (clockText !== undefined) options.clock = parseClock(clockText);
  const venues = flags.venues ?? file.venues;
  if (venues) {
    if (!existsSync(venues)) throw new UsageError(`--venues ${venues}: no such file.`);
    options.venuesPath = resolve(venues);
  }
  options.volume = volumeFrom(flags, file);

  const rateLimit = rateLimitFrom(flags, file, at('rateLimit'));
  if (rateLimit) options.rateLimit = rateLimit;
  if (flags.faults) options.faults = readFaultsFile(flags.faults);
  else if (typeof file.faults === 'string') options.faults = readFaultsFile(file.faults);
  else if (file.faults !== undefined)
    options.faults = configSection(at('faults'), () => parseFaultConfig(file.faults));
  const secret = flags.webhookSecret ?? file.webhookSecret;
  const byUrl = (url: string): WebhookEndpointConfig => ({ url, ...(secret ? { secret } : {}) });
  const fromFile = Array.isArray(file.webhooks)
    ? file.webhooks.map((entry) =>
        typeof entry === 'string'
          ? byUrl(entry)
          : configSection(at('webhooks'), () => parseWebhookConfig([entry])[0]!),
      )
    : file.webhooks === undefined
      ? []
      : configSection(at('webhooks'), () => parseWebhookConfig(file.webhooks));
  options.webhooks = { endpoints: [...fromFile, ...(flags.webhook ?? []).map(byUrl)] };
  const adminToken = flags.adminToken ?? env.SEVENROOMS_MOCK_ADMIN_TOKEN ?? file.adminToken;
  if (adminToken !== undefined) {
    if (adminToken.length < 12) throw new UsageError('--admin-token must be at least 12 characters.');
    options.adminToken = adminToken;
  }
  const journalSize =
    flags.journalSize !== undefined
      ? wholeNumber('--journal-size', flags.journalSize, 10_000)
      : file.journalSize;
  if (journalSize !== undefined)
    options.journal = journalSize === 0 ? { enabled: false } : { capacity: journalSize };
  const dataDir = flags.dataDir ?? file.dataDir;
  if (dataDir !== undefined) options.dataDir = resolve(dataDir);
  const maxWorlds =
    flags.maxWorlds !== undefined ? wholeNumber('--max-worlds', flags.maxWorlds) : file.maxWorlds;
  if (maxWorlds !== undefined) options.maxWorlds = maxWorlds;
  const worldIdle =
    flags.worldIdle !== undefined ? wholeNumber('--world-idle', flags.worldIdle) : file.worldIdle;
  if (worldIdle !== undefined) options.worldIdleMs = worldIdle * 1000;
  const maxBody = flags.maxBody !== undefined ? wholeNumber('--max-body', flags.maxBody) : file.maxBody;
  const maxImport =
    flags.maxImportBody !== undefined
      ? wholeNumber('--max-import-body', flags.maxImportBody)
      : file.maxImportBody;
  if (maxBody !== undefined || maxImport !== undefined)
    options.maxBody = {
      ...(maxBody === undefined ? {} : { api: maxBody }),
      ...(maxImport === undefined ? {} : { control: maxImport }),
    };
  const controlPort =
    flags.controlPort !== undefined ? portNumber('--control-port', flags.controlPort) : file.controlPort;
  options.control = controlPort === undefined ? 'mounted' : 'separate';

  const host = flags.host ?? file.host ?? '127.0.0.1';
  const port = flags.port !== undefined ? portNumber('--port', flags.port) : (file.port ?? 4010);
  const counter = stderr.isTTY ? seedProgressCounter(stderr) : undefined;
  if (counter) options.onSeedProgress = counter.update;
  let mock: MockServer;
  try {
    mock = createMockServer(options);
  } catch (err) {
    // A fixture or webhook list the user supplied: their mistake, said in one line.
    if (err instanceof FixtureError || err instanceof ConfigError || err instanceof DataDirError)
      throw new UsageError(oneLine(err.message));
    throw err;
  } finally {
    counter?.done();
  }
  const restoring = performance.now();
  await mock.ready.catch((err: unknown) => {
    throw err instanceof DataDirError ? new UsageError(oneLine(err.message)) : err;
  });
  const readyMs = Math.round(performance.now() - restoring);
  const server = await bind(() => listen(mock, { port, host }), port, host, '--port');
  let controlServer: ListeningServer | undefined;
  if (controlPort !== undefined && mock.controlApp) {
    const controlApp = mock.controlApp;
    controlServer = await bind(
      () => listen({ app: controlApp, close: async () => {} }, { port: controlPort, host }),
      controlPort,
      host,
      '--control-port',
    ).catch(async (err: unknown) => {
      await server.close();
      throw err;
    });
  }
  stdout.write(
    `${serveBanner({ url: server.url, controlUrl: controlServer?.url ?? server.url, mock, clockText, scenario, options, host, readyMs })}\n`,
  );
  return async () => {
    await controlServer?.close();
    await server.close();
  };
}

/** Listens, turning "port in use" and "cannot bind" into one plain sentence. */
async function bind(
  start: () => Promise<ListeningServer>,
  port: number,
  host: string,
  flag: string,
): Promise<ListeningServer> {
  try {
    return await start();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(
        `port ${port} on ${host} is already in use (another mock still running?); stop it or choose another with ${flag} (0 picks a free one).`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError(`cannot listen on ${host}: no such address on this machine; check --host.`);
    if (code === 'EACCES')
      throw new UsageError(
        `not allowed to listen on port ${port}; ports below 1024 need privileges, pick another with ${flag}.`,
      );
    throw err;
  }
}

function volumeFrom(flags: ServeFlags, file: ConfigFile): MockServerOptions['volume'] {
  const raw: Record<string, unknown> = { ...file.volume };
  if (file.guests !== undefined) raw.guests = file.guests;
  if (file.historyDays !== undefined) raw.daysOfHistory = file.historyDays;
  if (file.daysAhead !== undefined) raw.daysAhead = file.daysAhead;
  if (file.locale !== undefined) raw.locale = file.locale;
  if (flags.guests !== undefined) raw.guests = wholeNumber('--guests', flags.guests);
  if (flags.historyDays !== undefined) raw.daysOfHistory = wholeNumber('--history-days', flags.historyDays);
  if (flags.daysAhead !== undefined) raw.daysAhead = wholeNumber('--days-ahead', flags.daysAhead);
  if (flags.locale !== undefined) raw.locale = flags.locale;
  try {
    return parseVolume(raw, 'flags');
  } catch (err) {
    if (err instanceof VolumeError) throw new UsageError(oneLine(err.problems.join('; ')));
    throw err;
  }
}

function rateLimitFrom(flags: ServeFlags, file: ConfigFile, where: string): MockServerOptions['rateLimit'] {
  if (flags.rateLimit === false) return { enabled: false };
  if (typeof flags.rateLimit === 'string') return { default: parseBudget('--rate-limit', flags.rateLimit) };
  if (file.rateLimit === false) return { enabled: false };
  if (typeof file.rateLimit === 'string') return { default: parseBudget(where, file.rateLimit) };
  if (file.rateLimit !== undefined) return configSection(where, () => parseRateLimitConfig(file.rateLimit));
  return undefined;
}

/** Runs a section parser of the control API on a config-file section; its error becomes one usage sentence. */
function configSection<T>(where: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError(`${where}: ${oneLine((err as Error).message)}`);
  }
}

function scenarioOrUsage(name: string): LoadedScenario {
  try {
    return loadScenario(name);
  } catch (err) {
    if (err instanceof ScenarioError)
      throw new UsageError(
        oneLine(
          err.message.includes('known:')
            ? err.message
            : `${err.message} (shipped scenarios: ${listScenarios().join(', ')})`,
        ),
      );
    throw err;
  }
}

/** `600/60` → 600 requests per 60 s. */
function parseBudget(what: string, text: string): { limit: number; windowSec: number } {
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0)
    throw new UsageError(`${what} must look like 600/60 (requests/seconds); got ${text}.`);
  return { limit: Number(m[1]), windowSec: Number(m[2]) };
}

function parseClock(value: string): Clock {
  if (value === 'system') return new SystemClock();
  const at = Date.parse(value);
  if (!Number.isFinite(at)) throw new UsageError(`--clock must be "system" or an ISO instant; got ${value}.`);
  return new ManualClock(at);
}
