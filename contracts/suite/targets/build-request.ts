import type { ParamRecord, TargetRequest, TargetResponse } from '../types.js';

/** Encodes a query or form record, leaving out `undefined` values. */
export function encodeParams(params: ParamRecord | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined) search.append(key, String(value));
  }
  return search.toString();
}

/** Turns a suite request into a URL suffix and fetch init (form bodies encoded, content type set). */
export function buildRequest(
  method: string,
  path: string,
  request: TargetRequest = {},
): { pathAndQuery: string; init: RequestInit } {
  const query = encodeParams(request.query);
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  let body: string | undefined = request.body;
  if (body === undefined && request.form) {
    body = encodeParams(request.form);
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  return {
    pathAndQuery: query ? `${path}?${query}` : path,
    init: { method, headers, ...(body !== undefined ? { body } : {}) },
  };
}

/** Reads a fetch Response into the plain shape the suite records. */
export async function readResponse(response: Response, url: string): Promise<TargetResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, bodyText: await response.text(), url };
}

/** Joins a base URL (which may carry a path such as `/2_4`) and a path with query. */
export function joinUrl(base: string, pathAndQuery: string): string {
  return `${base.replace(/\/+$/, '')}${pathAndQuery}`;
}
