import type { Context } from 'hono';

/**
 * Thrown for a dropped connection when there is no socket to drop (in-process `app.request`). The
 * server's `onError` must rethrow it, so `app.request(...)` rejects the way `fetch` rejects on a
 * network error; it is never rendered as an HTTP response.
 */
export class ConnectionDroppedError extends Error {
  readonly code = 'connection_dropped';

  constructor(by: string) {
    super(`Connection dropped by fault injection (${by}); no response was sent.`);
    this.name = 'ConnectionDroppedError';
  }
}

/** Recognises the error across module copies (e.g. tsx vs dist), where `instanceof` can fail. */
export function isConnectionDropped(err: unknown): err is ConnectionDroppedError {
  return err instanceof Error && (err as { code?: unknown }).code === 'connection_dropped';
}

/** @hono/node-server's marker (its `RESPONSE_ALREADY_SENT`): the adapter writes nothing for such a response. */
const ALREADY_SENT_HEADER = 'x-hono-already-sent';

interface NodeSocketEnv {
  incoming?: { socket?: { destroy(): void; destroyed?: boolean } };
}

/**
 * Drops the connection: with @hono/node-server, destroys the client socket and returns the adapter's
 * "already sent" response so nothing is written; the client sees `socket hang up` / ECONNRESET.
 * Without a socket, throws {@link ConnectionDroppedError}.
 */
export function dropConnection(c: Context, by: string): Response {
  const socket = (c.env as NodeSocketEnv | undefined)?.incoming?.socket;
  if (socket === undefined || typeof socket.destroy !== 'function') throw new ConnectionDroppedError(by);
  socket.destroy();
  const marker = new Response(null, { headers: { [ALREADY_SENT_HEADER]: 'true' } });
  droppedResponses.add(marker);
  return marker;
}

/**
 * The markers {@link dropConnection} returned. Remembered by identity: asking every response for a
 * header would make @hono/node-server build an undici `Headers` object for each one, a measurable
 * share of a read's cost.
 */
const droppedResponses = new WeakSet<Response>();

/** Whether a response is the marker returned by {@link dropConnection}. */
export function isDroppedResponse(res: Response): boolean {
  return droppedResponses.has(res);
}
