import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Target, TargetResponse } from '../suite/types.js';

/** The request header that ties a Prism-forwarded request to the suite step that sent it. */
export const EXCHANGE_ID_HEADER = 'x-contract-exchange-id';

const DROP_REQUEST = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'transfer-encoding',
  EXCHANGE_ID_HEADER,
]);
const DROP_RESPONSE = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

/** A loopback HTTP server between Prism and a target that keeps what the target really answered. */
export interface Tap {
  /** `http://127.0.0.1:<port>`: Prism's upstream. */
  url: string;
  /** The target's own response to the request carrying this exchange id, once. */
  take(id: string): TargetResponse | undefined;
  close(): Promise<void>;
}

/**
 * Starts the tap. Prism, with `--errors`, replaces an invalid upstream response by its own 500, so
 * the suite would never see (nor we validate) what the target said; the tap keeps it. Any target
 * works behind it, the in-process app included.
 */
export function startTap(target: Target): Promise<Tap> {
  const seen = new Map<string, TargetResponse>();
  const server = createServer((request, response) => {
    void forward(target, request, response, seen).catch((error: Error) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`contract tap: ${error.message}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        take(id) {
          const found = seen.get(id);
          seen.delete(id);
          return found;
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function forward(
  target: Target,
  request: IncomingMessage,
  response: ServerResponse,
  seen: Map<string, TargetResponse>,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || DROP_REQUEST.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const method = request.method ?? 'GET';
  const answer = await target.fetch(method, request.url ?? '/', {
    headers,
    ...(body && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
  });
  const id = request.headers[EXCHANGE_ID_HEADER];
  if (typeof id === 'string') seen.set(id, answer);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) if (!DROP_RESPONSE.has(name)) out[name] = value;
  response.writeHead(answer.status, out);
  response.end(answer.bodyText);
}
