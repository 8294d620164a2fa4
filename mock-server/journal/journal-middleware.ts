import type { MiddlewareHandler, Next } from 'hono';
import type { Clock } from '../clock.js';
import { isConnectionDropped, isDroppedResponse } from '../middleware/drop.js';
import type { MiddlewareContext, MiddlewareEnv } from '../middleware/types.js';
import { capText, readCapped, redactBody } from './capture.js';
import { type NewJournalEntry, type PendingJournalEntry, type RequestJournal } from './journal.js';

export interface JournalMiddlewareOptions {
  journal: RequestJournal;
  /** Gives `at`: entries are stamped in mock time, like everything else the mock records. */
  clock: Clock;
  /** Wall-clock milliseconds for `durationMs`. Default `performance.now()`; tests may inject. */
  timer?: () => number;
  /** Default `c.get('operationId')`, read after the rest of the chain has run. */
  operationId?: (c: MiddlewareContext) => string | undefined;
  /** Default `c.get('credentialKey')`, read after the rest of the chain has run. */
  credential?: (c: MiddlewareContext) => string | undefined;
}

const REDACTED = '[redacted]';

/**
 * Records every request in the journal. Mount it outermost, so 429s, injected faults and dropped
 * connections are recorded too. When the journal is disabled it costs one property read. The
 * response body is captured from a clone while it streams to the client, never delaying it.
 */
export function journalRequests({
  journal,
  clock,
  timer = () => performance.now(),
  operationId = (c) => c.get('operationId'),
  credential = (c) => c.get('credentialKey'),
}: JournalMiddlewareOptions): MiddlewareHandler<MiddlewareEnv> {
  return async function journalRequests(c: MiddlewareContext, next: Next): Promise<void> {
    if (!journal.enabled) return next();
    const started = timer();
    const at = clock.now();
    const raw = c.req.raw;
    const requestHeaders = requestHeaderReader(c);
    // Read through Hono's body cache, so the handler's own read is served from it: no stream tee.
    // (`raw.body` is not even looked at: on @hono/node-server that builds a full undici Request.)
    const text = raw.method === 'GET' || raw.method === 'HEAD' ? '' : await c.req.text();
    const reqBody = text === '' ? null : capText(text, journal.maxBodyBytes);

    let failure: unknown;
    try {
      await next();
    } catch (err) {
      failure = err;
    }
    const res = failure === undefined && !isDroppedResponse(c.res) ? c.res : undefined;
    const url = raw.url;
    // The server's JSON renderer leaves the text it sent on the context; only other bodies need a clone.
    const sent = res ? c.get('responseText') : undefined;
    const maxBytes = journal.maxBodyBytes;
    // A text that may be over the cap is cut now, so an entry never keeps more than the cap alive
    // (an 800 KB export page 200 times over); shorter ones are kept as they are, read when asked.
    const sentText = typeof sent === 'string' && sent.length * 4 > maxBytes ? capText(sent, maxBytes) : sent;
    const sentHeaders = res ? c.get('responseHeaders') : undefined;
    // The thunk below must not hold the Response of an answer the server rendered: 200 entries
    // keeping 23 KB bodies alive put them in the old generation, and the garbage collector's
    // work there cost a third of GET availability's throughput.
    const keptResponse = sentHeaders === undefined ? res : undefined;
    const entry = journal.record({
      id: 0,
      at,
      atIso: '',
      method: raw.method,
      path: c.req.path,
      query: '',
      operationId: operationId(c),
      credential: credential(c),
      status: res?.status ?? 0,
      durationMs: Math.round((timer() - started) * 1000) / 1000,
      requestHeaders: {},
      requestBody: reqBody === null ? null : redactBody(reqBody.text),
      requestBodyTruncated: reqBody?.truncated ?? false,
      responseHeaders: {},
      responseBody: null,
      responseBodyTruncated: false,
      faults: c.get('injectedFaults') ?? [],
      // A plain property, not a conditional spread: a spread (or a computed key) in this literal
      // makes V8 build every entry field by field instead of from one template. (`undefined` is
      // left out when the entry is serialised.)
      error: res ? undefined : describeFailure(failure),
      // Everything else is built when the journal is read (one closure per request instead).
      derive: () => {
        const q = url.indexOf('?');
        const derived: Partial<NewJournalEntry> = {
          atIso: new Date(at).toISOString(),
          query: q === -1 ? '' : redactBody(url.slice(q + 1)),
          requestHeaders: requestHeaders(),
          responseHeaders: sentHeaders
            ? Object.fromEntries(new Headers(sentHeaders))
            : keptResponse
              ? Object.fromEntries(keptResponse.headers)
              : {},
        };
        if (sentText !== undefined) {
          // The text sent (often a cached rendering, so keeping it costs no copy), capped and
          // with any secret redacted; scanning 23 KB twice per request did cost.
          const captured =
            typeof sentText === 'object'
              ? sentText
              : capText(typeof sentText === 'function' ? sentText() : sentText, maxBytes);
          derived.responseBody = captured.text.includes('_secret')
            ? redactBody(captured.text)
            : captured.text;
          derived.responseBodyTruncated = captured.truncated;
        }
        return derived;
      },
    });
    if (res && sentText === undefined && res.status !== 204 && res.body) {
      // Only for bodies the server did not render itself (touching `res.body` costs the fast path).
      journal.track(captureResponse(entry, res.clone(), maxBytes));
    }
    if (failure !== undefined) throw failure;
  };
}

/**
 * Returns a reader of the request's headers (lower-case names, authorization redacted) for later.
 * On Node it keeps the socket's raw header list, so nothing is built per request: walking
 * `Request.headers` makes @hono/node-server materialise a full undici Headers object.
 */
function requestHeaderReader(c: MiddlewareContext): () => Record<string, string> {
  const rawList = (c.env as { incoming?: { rawHeaders?: string[] } } | undefined)?.incoming?.rawHeaders;
  if (rawList) {
    return () => {
      const out: Record<string, string> = {};
      for (let i = 0; i + 1 < rawList.length; i += 2) {
        const name = rawList[i]!.toLowerCase();
        const value = name === 'authorization' ? REDACTED : rawList[i + 1]!;
        out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
      }
      return out;
    };
  }
  const headers = c.req.raw.headers;
  return () => {
    const out: Record<string, string> = {};
    headers.forEach((value, name) => {
      out[name] = name === 'authorization' ? REDACTED : value;
    });
    return out;
  };
}

async function captureResponse(entry: PendingJournalEntry, clone: Response, maxBytes: number): Promise<void> {
  try {
    const body = await readCapped(clone.body!, maxBytes);
    entry.responseBody = body.text;
    entry.responseBodyTruncated = body.truncated;
  } catch (err) {
    // The client went away or the stream failed; keep the entry, say what happened.
    entry.responseBody = `[body unavailable: ${err instanceof Error ? err.message : String(err)}]`;
  }
}

function describeFailure(err: unknown): string {
  if (err === undefined || isConnectionDropped(err)) return 'connection dropped (fault injection)';
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
