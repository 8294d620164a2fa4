import { normalizeHeaders } from '../validate/headers.js';
import type { Exchange } from '../validate/types.js';

/** What replaces a secret in reports and recordings; non-empty so replays still see a credential. */
export const REDACTED = '<redacted>';

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie']);
const SECRET_FIELDS = ['client_secret', 'token'];

/**
 * A copy of an exchange without secrets: the `Authorization` header, `client_secret` in form
 * bodies and the auth token in responses. Recordings of the real API are written to disk and
 * uploaded as CI artifacts, so nothing secret may survive.
 */
export function redactExchange(exchange: Exchange): Exchange {
  return {
    ...exchange,
    requestHeaders: redactHeaders(exchange.requestHeaders),
    responseHeaders: redactHeaders(exchange.responseHeaders),
    requestBody: redactBody(exchange.requestBody),
    responseBody: redactBody(exchange.responseBody),
  };
}

function redactHeaders(headers: Exchange['requestHeaders']): Record<string, string> {
  const out = normalizeHeaders(headers);
  for (const name of Object.keys(out)) if (SECRET_HEADERS.has(name)) out[name] = REDACTED;
  return out;
}

function redactBody(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return body;
  if (/^\s*[[{]/.test(body)) {
    // A token keeps its length and alphabet (all zeros) so the redacted response still validates.
    return body.replace(
      /("(?:client_secret|token)"\s*:\s*)"([^"]*)"/g,
      (_, key: string, value: string) => `${key}"${value.replace(/[0-9A-Za-z]/g, '0')}"`,
    );
  }
  if (!SECRET_FIELDS.some((field) => body.includes(`${field}=`))) return body;
  const form = new URLSearchParams(body);
  for (const field of SECRET_FIELDS) if (form.has(field)) form.set(field, REDACTED);
  return form.toString();
}
