/**
 * The ceiling for this stack: Hono on @hono/node-server, no middleware, each route answering fixed,
 * pre-serialised bytes. The bodies are the mock's own answers to the same requests, as the text it
 * sent (captured by bench/run.ts), so both servers put the same bytes on the wire and the ratio
 * measures only the mock's own work — not a second `JSON.stringify` of 23 KB on every request.
 *
 *   node <compiled>/bench/bare-hono.js --port 0 [--bodies bodies.json]
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, bodies: { type: 'string' } },
});

/** Route (Hono syntax) → the JSON text it answers. */
const fallback = '{"status":200,"data":{"message":"ok"}}';
const bodies = values.bodies
  ? (JSON.parse(readFileSync(values.bodies, 'utf8')) as Record<string, string>)
  : { '/2_4/auth': fallback };

const app = new Hono();
for (const [route, text] of Object.entries(bodies)) {
  app.on(['GET', 'PUT', 'POST'], route, (c) => c.body(text, 200, { 'content-type': 'application/json' }));
}

serve({ fetch: app.fetch, port: Number(values.port), hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`bare-hono listening on http://127.0.0.1:${info.port}\n`);
});
// Exit at once: a graceful close would wait on the load generator's keep-alive sockets.
process.once('SIGINT', () => process.exit(0));
process.once('SIGTERM', () => process.exit(0));
