import type { Exchange, HeaderInput } from '../validate/types.js';

/**
 * A recorded request/response pair as one JSON file — the format `--record` writes and
 * `--recorded DIR` reads:
 *
 * ```json
 * { "request":  { "method": "GET", "url": "/2_4/venues?limit=5", "headers": {...}, "body": "..." },
 *   "response": { "status": 200, "headers": {...}, "body": "{\"status\":200,...}" } }
 * ```
 * Bodies may be raw text or parsed JSON. A flat {@link Exchange} object is accepted as well.
 */
export interface PairFile {
  request: { method: string; url: string; headers?: HeaderInput; body?: unknown };
  response: { status: number; headers?: HeaderInput; body?: unknown };
  /** Set on the suite's error cases: the request breaks the contract on purpose. */
  invalidRequestOnPurpose?: boolean;
}

/** Turns a pair file's content into an exchange; throws a sentence naming what is missing. */
export function pairToExchange(value: unknown, source: string): Exchange {
  const pair = value as Partial<PairFile> & Partial<Exchange>;
  if (pair.request && pair.response) {
    const { request, response } = pair;
    if (
      typeof request.method !== 'string' ||
      typeof request.url !== 'string' ||
      typeof response.status !== 'number'
    ) {
      throw new Error(`${source}: request.method, request.url and response.status are required`);
    }
    return {
      method: request.method,
      url: request.url,
      requestHeaders: request.headers,
      requestBody: request.body,
      status: response.status,
      responseHeaders: response.headers,
      responseBody: response.body,
    };
  }
  if (typeof pair.method === 'string' && typeof pair.url === 'string' && typeof pair.status === 'number') {
    return pair as Exchange;
  }
  throw new Error(`${source}: expected {request, response} or a flat exchange with method, url and status`);
}

/** The pair-file form of an exchange (headers as objects, bodies as recorded). */
export function exchangeToPair(exchange: Exchange, invalidRequestOnPurpose = false): PairFile {
  return {
    ...(invalidRequestOnPurpose ? { invalidRequestOnPurpose } : {}),
    request: {
      method: exchange.method,
      url: exchange.url,
      headers: exchange.requestHeaders ?? {},
      ...(exchange.requestBody !== undefined ? { body: exchange.requestBody } : {}),
    },
    response: {
      status: exchange.status,
      headers: exchange.responseHeaders ?? {},
      body: exchange.responseBody ?? '',
    },
  };
}
