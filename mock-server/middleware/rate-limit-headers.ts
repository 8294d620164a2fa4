import type { Context } from 'hono';
import type { RateLimitHeaders } from './types.js';

export const LIMIT_HEADER = 'X-RateLimit-Limit' as const;
export const REMAINING_HEADER = 'X-RateLimit-Remaining' as const;
export const RESET_HEADER = 'X-RateLimit-Reset' as const;
export const RETRY_AFTER_HEADER = 'Retry-After';

/** Builds the record; literal keys keep every instance the same object shape (fast property access). */
export function rateLimitHeaders(limit: string, remaining: string, reset: string): RateLimitHeaders {
  return { 'X-RateLimit-Limit': limit, 'X-RateLimit-Remaining': remaining, 'X-RateLimit-Reset': reset };
}

/**
 * Adds the `X-RateLimit-*` headers to `c.res` unless it already carries them (a 429, injected or real,
 * brings its own, which must win). Headers of a Response built elsewhere may be immutable; then the
 * response is re-wrapped once, as Hono itself does.
 */
export function applyRateLimitHeaders(c: Context, h: RateLimitHeaders): void {
  let headers = c.res.headers;
  if (headers.has(LIMIT_HEADER)) return;
  try {
    headers.set(LIMIT_HEADER, h[LIMIT_HEADER]);
  } catch {
    c.res = new Response(c.res.body, c.res);
    headers = c.res.headers;
    headers.set(LIMIT_HEADER, h[LIMIT_HEADER]);
  }
  headers.set(REMAINING_HEADER, h[REMAINING_HEADER]);
  headers.set(RESET_HEADER, h[RESET_HEADER]);
}
