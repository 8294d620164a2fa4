import type { ContractViolation, ViolationLocation } from './types.js';

/** The outcome of reading a body: the value to validate, or the reason it could not be read. */
export type ReadBody = { empty: true } | { empty: false; value: unknown } | { empty: false; error: string };

/** True for `undefined`, `null` and text that is empty or only whitespace. */
export function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null) return true;
  if (typeof body === 'string') return body.trim() === '';
  if (body instanceof Uint8Array) return body.byteLength === 0;
  return false;
}

/** Reads a JSON body given as raw text, bytes or an already parsed value. */
export function readJsonBody(body: unknown): ReadBody {
  if (isEmptyBody(body)) return { empty: true };
  const text = body instanceof Uint8Array ? new TextDecoder().decode(body) : body;
  if (typeof text !== 'string') return { empty: false, value: text };
  try {
    return { empty: false, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { empty: false, error: `is not valid JSON (${(error as Error).message})` };
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` body into an object of strings. Repeated keys become
 * arrays only where `arrayFields` says the schema expects one; otherwise the last value wins, as the
 * real API's form parser does.
 */
export function readFormBody(body: unknown, arrayFields: ReadonlySet<string> = new Set()): ReadBody {
  if (isEmptyBody(body)) return { empty: true };
  if (typeof body !== 'string' && !(body instanceof Uint8Array) && !(body instanceof URLSearchParams)) {
    return { empty: false, value: body };
  }
  const params =
    body instanceof URLSearchParams
      ? body
      : new URLSearchParams(body instanceof Uint8Array ? new TextDecoder().decode(body) : body);
  const value: Record<string, string | string[]> = {};
  for (const [key, item] of params) {
    if (arrayFields.has(key)) {
      const list = value[key];
      if (Array.isArray(list)) list.push(item);
      else value[key] = [item];
    } else {
      value[key] = item;
    }
  }
  return { empty: false, value };
}

/** Builds a violation; kept in one place so every violation carries its operation. */
export function violation(
  operationId: string | null,
  where: ViolationLocation,
  pointer: string,
  message: string,
): ContractViolation {
  return { operationId, in: where, pointer, message };
}

/** Escapes one JSON-pointer token (RFC 6901). */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
