import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError, wholeNumber } from './usage-error.js';

export const CTL_USAGE = `Usage: sevenrooms-mock ctl <command> [arguments] [--url URL] [--admin-token TOKEN]

Drives a running mock through its control API (default --url http://127.0.0.1:4010).

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
`;

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
      return { method: 'PUT', path: '/state', body: JSON.parse(readFileSync(need(1)[0]!, 'utf8')) };
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
      if (flags['first-name']) body.first_name = flags['first-name'];
      if (flags['last-name']) body.last_name = flags['last-name'];
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
      return { method: 'POST', path: '/faults', body: JSON.parse(need(1)[0]!) };
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

/** Sends one control request and prints the JSON answer; resolves to the process exit code. */
export async function ctl(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = (line) => void process.stdout.write(`${line}\n`),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string', default: env.SEVENROOMS_MOCK_URL ?? 'http://127.0.0.1:4010' },
      'admin-token': { type: 'string' },
      limit: { type: 'string' },
      operation: { type: 'string' },
      status: { type: 'string' },
      tables: { type: 'string' },
      party: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      phone: { type: 'string' },
      wait: { type: 'string' },
      time: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const request = ctlRequest(positionals, values);
  const token = values['admin-token'] ?? env.SEVENROOMS_MOCK_ADMIN_TOKEN;
  const res = await fetch(`${values.url.replace(/\/$/, '')}/_mock${request.path}`, {
    method: request.method,
    headers: { 'content-type': 'application/json', ...(token ? { 'x-mock-admin-token': token } : {}) },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  const text = await res.text();
  try {
    print(JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    print(text);
  }
  return res.ok ? 0 : 1;
}
