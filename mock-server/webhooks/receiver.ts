/**
 * A webhook receiver in the spirit of `stripe listen`, and the pattern SevenRooms recommends for
 * receivers: answer 200 at once, then process the payload asynchronously from a queue.
 *
 * It verifies each request's signature (401 when it fails), prints one line per event, and can forward
 * the untouched body and signing headers to your application. The command line is in receiver-cli.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SystemClock } from '../clock.js';
import { formatEventLine, isWebhookEvent } from './format-event.js';
import {
  DEFAULT_TOLERANCE_SEC,
  DELIVERY_ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  parseSignatureHeader,
  verifyWebhookSignature,
} from './signing.js';

export interface ReceiverOptions {
  /** Default 0: any free port (the CLI defaults to 4242). */
  port?: number;
  /** Default 127.0.0.1: only this machine can post to it. */
  host?: string;
  /** Verifies signatures with it; `null` accepts unsigned requests (`--skip-verify`). */
  secret: string | null;
  /** Forwards every verified body, with its signing headers, to this URL. */
  forwardTo?: string;
  /** Where output lines go. Default: stdout. */
  print?: (line: string) => void;
  /** Replay window in seconds (default 300); `Infinity` accepts any timestamp — handy with a frozen mock clock. */
  toleranceSec?: number;
  /** The receiver's clock, epoch ms. Default: the wall clock. */
  now?: () => number;
  fetch?: typeof fetch;
  /** Bodies larger than this get a 413. Default 10 MiB. */
  maxBodyBytes?: number;
}

export interface ReceiverStats {
  accepted: number;
  rejected: number;
  events: number;
  forwarded: number;
  forwardFailed: number;
}

export interface ReceiverHandle {
  url: string;
  port: number;
  stats(): ReceiverStats;
  /** Resolves once every queued payload has been printed and forwarded. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Runs jobs one after another, in arrival order, off the request path. */
class SerialQueue {
  #tail: Promise<void> = Promise.resolve();
  readonly #onError: (err: unknown) => void;

  constructor(onError: (err: unknown) => void) {
    this.#onError = onError;
  }

  push(job: () => Promise<void> | void): void {
    this.#tail = this.#tail.then(job).catch(this.#onError);
  }

  idle(): Promise<void> {
    return this.#tail;
  }
}

interface Payload {
  rawBody: Buffer;
  events: unknown[];
  timestampSec: number;
  headers: Record<string, string>;
}

const FORWARDED_HEADERS = [SIGNATURE_HEADER, EVENT_ID_HEADER, DELIVERY_ATTEMPT_HEADER];
const WALL_CLOCK = new SystemClock();

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLargeError());
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Starts the receiver and resolves once it listens.
 *
 * @example
 * const receiver = await startReceiver({ secret: 'whsec_…', port: 4242, forwardTo: 'http://localhost:3000/hooks' });
 * // … later
 * await receiver.close();
 */
export async function startReceiver(options: ReceiverOptions): Promise<ReceiverHandle> {
  const {
    port = 0,
    host = '127.0.0.1',
    secret,
    forwardTo,
    print = (line: string) => process.stdout.write(`${line}\n`),
    toleranceSec = DEFAULT_TOLERANCE_SEC,
    now = () => WALL_CLOCK.now(),
    fetch: fetchFn = (input, init) => fetch(input, init),
    maxBodyBytes = 10 * 1024 * 1024,
  } = options;
  const stats: ReceiverStats = { accepted: 0, rejected: 0, events: 0, forwarded: 0, forwardFailed: 0 };
  const work = new SerialQueue((err) => print(`! error while processing a payload: ${String(err)}`));

  /** The slow part, run from the queue after the sender already has its 200. */
  async function processPayload({ rawBody, events, timestampSec, headers }: Payload): Promise<void> {
    for (const event of events) {
      stats.events++;
      print(
        isWebhookEvent(event)
          ? formatEventLine(event, timestampSec)
          : `! not a webhook event: ${JSON.stringify(event)}`,
      );
    }
    if (!forwardTo) return;
    try {
      const res = await fetchFn(forwardTo, { method: 'POST', body: rawBody, headers });
      await res.arrayBuffer();
      if (res.ok) stats.forwarded++;
      else stats.forwardFailed++;
      print(`  → forwarded to ${forwardTo}: ${res.status}`);
    } catch (err) {
      stats.forwardFailed++;
      print(`  → forwarding to ${forwardTo} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, { error: 'method_not_allowed', message: 'Webhooks are POSTed.' });
    }
    let rawBody: Buffer;
    try {
      rawBody = await readBody(req, maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) reply(res, 413, { error: 'payload_too_large' });
      return;
    }
    const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
    const signature = Array.isArray(header) ? header[0] : header;
    let timestampSec = Math.floor(now() / 1000);
    if (secret !== null) {
      const result = verifyWebhookSignature({ rawBody, header: signature, secret, now: now(), toleranceSec });
      if (!result.ok) {
        stats.rejected++;
        print(`✗ rejected (401): ${result.message}`);
        return reply(res, 401, { error: result.reason, message: result.message });
      }
      timestampSec = result.timestampSec;
    } else if (signature) {
      timestampSec = parseSignatureHeader(signature)?.timestampSec ?? timestampSec;
    }
    let events: unknown;
    try {
      events = JSON.parse(rawBody.toString('utf8'));
    } catch {
      events = null;
    }
    if (!Array.isArray(events)) {
      stats.rejected++;
      print('✗ rejected (400): the body is not a JSON array of events');
      return reply(res, 400, { error: 'invalid_body', message: 'The body must be a JSON array of events.' });
    }
    // Answer before doing any work: the sender's timeout never depends on how slow processing is.
    stats.accepted++;
    reply(res, 200, { received: events.length });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name.toLowerCase()];
      if (typeof value === 'string') headers[name] = value;
    }
    work.push(() => processPayload({ rawBody, events, timestampSec, headers }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      print(`! receiver error: ${String(err)}`);
      if (!res.headersSent) reply(res, 500, { error: 'internal' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    stats: () => ({ ...stats }),
    idle: () => work.idle(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await work.idle();
    },
  };
}
