/**
 * The query of a request URL as URLSearchParams, without parsing the whole URL: `new URL()` per
 * request was a measurable share of a read's cost. Same decoding as `new URL(url).searchParams`
 * (the fragment, which clients never send to a server, is dropped likewise).
 */
export function searchParamsOf(url: string): URLSearchParams {
  const q = url.indexOf('?');
  if (q === -1) return new URLSearchParams();
  const hash = url.indexOf('#', q);
  return new URLSearchParams(hash === -1 ? url.slice(q + 1) : url.slice(q + 1, hash));
}
