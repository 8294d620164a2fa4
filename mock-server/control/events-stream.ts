/**
 * `GET /_mock/events`: the dashboard's live feed as Server-Sent Events. Each connection gets a
 * `hello` with the clock, then the hub's messages (`change`, `journal`, `webhooks`, `clock`,
 * `control`) as they happen, and a comment every 15 s so proxies keep the connection open. The page
 * reads it with fetch, not EventSource, because EventSource cannot send X-Mock-Admin-Token.
 */
import { streamSSE } from 'hono/streaming';
import { eventHubFor, type HubMessage } from '../dashboard/event-hub.js';
import type { ControlHandler } from './context.js';

const HEARTBEAT_MS = 15_000;

export const streamEvents: ControlHandler = ({ c, deps }) =>
  streamSSE(c, async (stream) => {
    const hub = eventHubFor(deps);
    let id = 0;
    const send = (message: HubMessage) =>
      void stream
        .writeSSE({ event: message.type, data: JSON.stringify(message.data), id: String(++id) })
        .catch(() => undefined);
    await stream.writeSSE({ event: 'hello', data: JSON.stringify({ clock: hub.clockPulse() }), id: '0' });
    const unsubscribe = hub.subscribe(send);
    const heartbeat = setInterval(
      () => void stream.write(': keep-alive\n\n').catch(() => undefined),
      HEARTBEAT_MS,
    );
    heartbeat.unref();
    await new Promise<void>((resolve) => stream.onAbort(resolve));
    clearInterval(heartbeat);
    unsubscribe();
  });
