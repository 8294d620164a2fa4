/**
 * `sevenrooms-mock listen …` — the command-line face of the receiver (receiver.ts):
 *
 *   sevenrooms-mock listen --secret whsec_… [--port 4242] [--forward-to http://localhost:3000/hooks]
 */
import { parseArgs } from 'node:util';
import { type ReceiverHandle, startReceiver } from './receiver.js';
import { DEFAULT_TOLERANCE_SEC } from './signing.js';

export const RECEIVER_USAGE = `Usage: sevenrooms-mock listen [options]

Receives the mock's webhooks, verifies their signatures and prints one line per event.

Options:
  --secret <whsec_…>     signing secret of the endpoint (or env SEVENROOMS_MOCK_WEBHOOK_SECRET)
  --port <n>             port to listen on (default 4242; 0 = any free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --forward-to <url>     also POST each verified payload, with its signing headers, to this URL
  --tolerance <s|off>    accepted clock skew of the signature timestamp (default 300; "off" for a frozen mock clock)
  --skip-verify          accept unsigned requests (no secret needed)
  -h, --help             show this help`;

/** A command-line mistake, one sentence; the main CLI prints it and exits with status 2. */
export class ReceiverUsageError extends Error {
  readonly code = 'usage';

  constructor(message: string) {
    super(message);
    this.name = 'ReceiverUsageError';
  }
}

export interface ReceiverCliIo {
  print?: (line: string) => void;
  env?: Record<string, string | undefined>;
  /** Close on SIGINT/SIGTERM. Default true; tests turn it off. */
  handleSignals?: boolean;
}

/**
 * `sevenrooms-mock listen …`: parses `argv` (the arguments after `listen`), starts the receiver and
 * resolves with its handle once it listens (null after `--help`). Throws {@link ReceiverUsageError}.
 */
export async function runReceiverCli(
  argv: readonly string[],
  io: ReceiverCliIo = {},
): Promise<ReceiverHandle | null> {
  const print = io.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const env = io.env ?? process.env;
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        secret: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'forward-to': { type: 'string' },
        tolerance: { type: 'string' },
        'skip-verify': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new ReceiverUsageError((err as Error).message);
  }
  if (values.help) {
    print(RECEIVER_USAGE);
    return null;
  }
  const secret = values.secret ?? env.SEVENROOMS_MOCK_WEBHOOK_SECRET ?? null;
  if (secret === null && !values['skip-verify']) {
    throw new ReceiverUsageError(
      'A signing secret is required: pass --secret (or set SEVENROOMS_MOCK_WEBHOOK_SECRET), or --skip-verify.',
    );
  }
  const port = values.port === undefined ? 4242 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ReceiverUsageError(`--port must be 0–65535, not "${values.port}".`);
  const tolerance = values.tolerance;
  const toleranceSec =
    tolerance === undefined ? DEFAULT_TOLERANCE_SEC : tolerance === 'off' ? Infinity : Number(tolerance);
  if (!(toleranceSec >= 0))
    throw new ReceiverUsageError(`--tolerance must be a number of seconds or "off", not "${tolerance}".`);
  const forwardTo = values['forward-to'];
  if (forwardTo !== undefined && !/^https?:\/\//.test(forwardTo)) {
    throw new ReceiverUsageError(`--forward-to must be an http(s) URL, not "${forwardTo}".`);
  }

  const handle = await startReceiver({
    port,
    host: values.host ?? '127.0.0.1',
    secret: values['skip-verify'] ? null : secret,
    toleranceSec,
    print,
    ...(forwardTo ? { forwardTo } : {}),
  });
  const verifying = values['skip-verify']
    ? 'NOT verifying signatures'
    : `verifying signatures (secret ${String(secret).slice(0, 10)}…, tolerance ${tolerance === 'off' ? 'off' : `${toleranceSec} s`})`;
  print(`Ready! Listening on ${handle.url}, ${verifying}.${forwardTo ? ` Forwarding to ${forwardTo}.` : ''}`);
  if (io.handleSignals ?? true) {
    const stop = () => void handle.close().then(() => print('Stopped.'));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return handle;
}
