import type { Context } from 'hono';

/**
 * Sets headers on the response already in `c.res`. A Response built elsewhere (a fetch result, a
 * static file) may have immutable headers; it is then re-wrapped once, as Hono itself does.
 */
export function setResponseHeaders(c: Context, headers: Readonly<Record<string, string>>): void {
  let target = c.res.headers;
  for (const name in headers) {
    try {
      target.set(name, headers[name]!);
    } catch {
      c.res = new Response(c.res.body, c.res);
      target = c.res.headers;
      target.set(name, headers[name]!);
    }
  }
}
