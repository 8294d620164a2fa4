import type { Target } from '../types.js';
import { buildRequest, joinUrl, readResponse } from './build-request.js';

/** Anything with Hono's `app.request(url, init)`. */
export interface RequestableApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

export interface InProcessTargetOptions {
  /** Version prefix to call under; default `/2_4`. */
  prefix?: string;
  name?: string;
}

/**
 * A target that calls a Hono app in-process (`app.request`), no port needed.
 *
 * @example
 * const { app } = createMockServer();
 * await runContractSuite({ target: createInProcessTarget(app), validator, credentials });
 */
export function createInProcessTarget(app: RequestableApp, options: InProcessTargetOptions = {}): Target {
  const { prefix = '/2_4', name = 'in-process mock' } = options;
  const base = `http://localhost${prefix}`;
  return {
    name,
    kind: 'mock',
    async fetch(method, path, request) {
      const { pathAndQuery, init } = buildRequest(method, path, request);
      const url = joinUrl(base, pathAndQuery);
      return readResponse(await app.request(url, init), url);
    },
  };
}
