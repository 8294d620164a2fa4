import type { Target } from '../types.js';
import { buildRequest, joinUrl, readResponse } from './build-request.js';

export interface UrlTargetOptions {
  name?: string;
  /** `real` makes the suite read-only unless writes are allowed; default `mock`. */
  kind?: 'mock' | 'real';
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
}

/**
 * A target reached over HTTP with the global `fetch`. A base URL without a path gets `/2_4`;
 * `http://127.0.0.1:4010/api-ext/2_2` is used as given.
 */
export function createUrlTarget(baseUrl: string, options: UrlTargetOptions = {}): Target {
  const { kind = 'mock', timeoutMs = 30_000 } = options;
  const parsed = new URL(baseUrl);
  const base = parsed.pathname === '/' ? `${parsed.origin}/2_4` : baseUrl.replace(/\/+$/, '');
  return {
    name: options.name ?? base,
    kind,
    async fetch(method, path, request) {
      const { pathAndQuery, init } = buildRequest(method, path, request);
      const url = joinUrl(base, pathAndQuery);
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      return readResponse(response, url);
    },
  };
}
