import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { oneLine, unreachable, UsageError, wholeNumber } from './usage-error.js';

/** The ctl commands, listed under `ctl --help`. */
export const CTL_COMMANDS = `
Commands:
  health | reset | clock               show health, reset to the seed, show the clock
  clock set <ISO> | clock advance <D>  move time (D: 90, 90s, 15m, 2h, 1d)
  state > file.json | import <file>    export or import a state snapshot
  journal [--limit N] [--operation ID] [--status 5xx]
  status <venue_id> <reservation> <STATUS>     mark ARRIVED, SEATED, COMPLETE, NO_SHOW, ...
  seat <venue_id> <reservation> [--tables 12,14]
  tables <venue_id> <reservation> <12,14>
  walk-in <venue_id> --party N [--first-name A --last-name B --phone +1...]
  waitlist <venue_id> --party N --first-name A --last-name B [--wait MINUTES]
  requests <venue_id>                          the venue's reservation requests
  accept <venue_id> <request_id> [--time HH:MM] [--tables 12,14]   book a request (409 if the slot is gone)
  decline <venue_id> <request_id> [--reason TEXT]
  faults | fault-add <json> | faults-clear
  webhooks | webhook-add <url> | deliveries | redeliver <delivery_id>
  rate-limit <N/SECONDS>

Examples:
  sevenrooms-mock ctl clock advance 2h
  sevenrooms-mock ctl journal --status 5xx --limit 5
`;

/** The `ctl` command's arguments and flags (its action is attached by the caller). */
export function ctlCommand(): Command {
  return new Command('ctl')
    .description(
      'drive a running mock through its control API: clock, reset, venue actions, faults, webhooks',
    )
    .argument('<command>', 'what to do (listed below)')
    .argument('[args...]', "the command's arguments")
    .option('--url <url>', 'the mock to drive (env SEVENROOMS_MOCK_URL)', 'http://127.0.0.1:4010')
    .option('--admin-token <token>', 'for a mock beyond loopback (env SEVENROOMS_MOCK_ADMIN_TOKEN)')
    .option('--limit <n>', 'journal: how many entries')
    .option('--operation <id>', 'journal: only this operationId')
    .option('--status <status>', 'journal: only this status or class, e.g. 5xx')
    .option('--tables <list>', 'seat: table numbers, e.g. 12,14')
    .option('--party <n>', 'walk-in, waitlist: party size')
    .option('--first-name <name>', 'walk-in, waitlist: guest first name')
    .option('--last-name <name>', 'walk-in, waitlist: guest last name')
    .option('--phone <phone>', 'walk-in, waitlist: guest phone')
    .option('--wait <minutes>', 'waitlist: quoted wait')
    .option('--time <HH:MM>', 'accept: book the request at this time')
    .option('--reason <text>', 'decline: the reason given to the guest')
    .addHelpText('after', CTL_COMMANDS);
}

/** `90`, `90s`, `15m`, `2h`, `1d` → seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!m) throw new UsageError(`a duration looks like 90, 90s, 15m, 2h or 1d; got ${text}`);
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
}

/** Maps a ctl command line to a control-API request. Exported for tests. */
export function ctlRequest(
  args: string[],
  flags: Record<string, string | undefined>,
): { method: string; path: string; body?: unknown } {
  const [command, ...rest] = args;
  const need = (n: number) => {
    if (rest.length < n) throw new UsageError(`ctl ${command} needs ${n} argument(s)`);
    return rest;
  };
  const tables = (list: string | undefined) =>
    list
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  switch (command) {
    case 'health':
      return { method: 'GET', path: '/health' };
    case 'reset':
      return { method: 'POST', path: '/reset' };
    case 'state':
      return { method: 'GET', path: '/state' };
    case 'import':
      return { method: 'PUT', path: '/state', body: readJson(need(1)[0]!) };
    case 'clock':
      if (rest[0] === 'set') return { method: 'PUT', path: '/clock', body: { now: need(2)[1] } };
      if (rest[0] === 'advance')
        return { method: 'POST', path: '/clock/advance', body: { seconds: parseDuration(need(2)[1]!) } };
      return { method: 'GET', path: '/clock' };
    case 'journal': {
      const q = new URLSearchParams();
      if (flags.limit) q.set('limit', String(wholeNumber('--limit', flags.limit)));
      if (flags.operation) q.set('operation_id', flags.operation);
      if (flags.status) q.set('status', flags.status);
      return { method: 'GET', path: `/journal${q.size ? `?${q}` : ''}` };
    }
    case 'status': {
      const [venue, reservation, status] = need(3);
      return {
        method: 'POST',
        path: `/venues/${venue}/reservations/${reservation}/status`,
        body: { status: status!.toUpperCase() },
      };
    }
    case 'seat': {
      const [venue, reservation] = need(2);
      return {
        method: 'POST',
        path: `/venues/${venue}/reservations/${reservation}/seat`,
        body: flags.tables ? { table_numbers: tables(flags.tables) } : {},
      };
    }
    case 'tables': {
      const [venue, reservation, list] = need(3);
      return {
        method: 'PUT',
        path: `/venues/${venue}/reservations/${reservation}/tables`,
        body: { table_numbers: tables(list) },
      };
    }
    case 'walk-in':
    case 'waitlist': {
      const [venue] = need(1);
      const body: Record<string, unknown> = { party_size: wholeNumber('--party', flags.party) };
      if (flags.firstName) body.first_name = flags.firstName;
      if (flags.lastName) body.last_name = flags.lastName;
      if (flags.phone) body.phone = flags.phone;
      if (command === 'waitlist' && flags.wait) body.quoted_wait_time = wholeNumber('--wait', flags.wait);
      return {
        method: 'POST',
        path: `/venues/${venue}/${command === 'walk-in' ? 'walk-ins' : 'waitlist'}`,
        body,
      };
    }
    case 'requests':
      return { method: 'GET', path: `/venues/${need(1)[0]}/requests` };
    case 'accept': {
      const [venue, request] = need(2);
      const body: Record<string, unknown> = {};
      if (flags.time) body.time = flags.time;
      if (flags.tables) body.table_numbers = tables(flags.tables);
      return { method: 'POST', path: `/venues/${venue}/requests/${request}/accept`, body };
    }
    case 'decline': {
      const [venue, request] = need(2);
      return {
        method: 'POST',
        path: `/venues/${venue}/requests/${request}/decline`,
        body: flags.reason ? { reason: flags.reason } : {},
      };
    }
    case 'faults':
      return { method: 'GET', path: '/faults' };
    case 'fault-add':
      return { method: 'POST', path: '/faults', body: parseJson('ctl fault-add', need(1)[0]!) };
    case 'faults-clear':
      return { method: 'DELETE', path: '/faults' };
    case 'webhooks':
      return { method: 'GET', path: '/webhooks/endpoints' };
    case 'webhook-add':
      return { method: 'POST', path: '/webhooks/endpoints', body: { url: need(1)[0] } };
    case 'deliveries':
      return { method: 'GET', path: '/webhooks/deliveries' };
    case 'redeliver':
      return { method: 'POST', path: `/webhooks/deliveries/${need(1)[0]}/redeliver` };
    case 'rate-limit': {
      const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(need(1)[0]!);
      if (!m) throw new UsageError('ctl rate-limit takes N/SECONDS, e.g. 5/60');
      return {
        method: 'PUT',
        path: '/rate-limits',
        body: { default: { limit: Number(m[1]), windowSec: Number(m[2]) } },
      };
    }
    default:
      throw new UsageError(command ? `unknown ctl command ${command}` : 'ctl needs a command');
  }
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(
      `ctl import: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  return parseJson(`ctl import ${path}`, text);
}

function parseJson(what: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} takes JSON: ${(err as Error).message}.`);
  }
}

/** Sends one control request and prints the JSON answer; resolves to the process exit code. */
export async function runCtl(
  positionals: string[],
  flags: Record<string, string | undefined>,
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = (line) => void process.stdout.write(`${line}\n`),
): Promise<number> {
  const request = ctlRequest(positionals, flags);
  const base = (flags.url ?? env.SEVENROOMS_MOCK_URL ?? 'http://127.0.0.1:4010').replace(/\/$/, '');
  if (!/^https?:\/\//.test(base)) throw new UsageError(`--url must be an http(s) URL; got ${base}.`);
  const token = flags.adminToken ?? env.SEVENROOMS_MOCK_ADMIN_TOKEN;
  let res: Response;
  try {
    res = await fetch(`${base}/_mock${request.path}`, {
      method: request.method,
      headers: { 'content-type': 'application/json', ...(token ? { 'x-mock-admin-token': token } : {}) },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw unreachable('the mock', base, err) ?? err;
  }
  const text = await res.text();
  try {
    print(JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    print(text);
  }
  return res.ok ? 0 : 1;
}

/** `ctl` from an argv (the arguments after `ctl`), for tests and scripts. */
export async function ctl(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  print?: (line: string) => void,
): Promise<number> {
  const cmd = ctlCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} });
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) throw new UsageError(oneLine(err.message.replace(/^error: /, '')));
    throw err;
  }
  return runCtl(cmd.processedArgs.flat() as string[], ctlFlags(cmd), env, print);
}

/** The flags the user gave (the URL default stays out, so SEVENROOMS_MOCK_URL can apply). */
export function ctlFlags(cmd: Command): Record<string, string | undefined> {
  const flags: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(cmd.opts<Record<string, string>>()))
    if (cmd.getOptionValueSource(key) === 'cli') flags[key] = value;
  return flags;
}
