import type { HeaderInput } from './types.js';

/** Lower-cases header names and joins repeated values with `, ` (as HTTP folds them). */
export function normalizeHeaders(input: HeaderInput | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!input) return out;
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${value}` : value;
  };
  if (typeof Headers !== 'undefined' && input instanceof Headers) {
    input.forEach((value, name) => add(name, value));
  } else if (Array.isArray(input)) {
    for (const [name, value] of input) add(name, value);
  } else {
    for (const [name, value] of Object.entries(input)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) add(name, one);
    }
  }
  return out;
}

/** The media type of a `Content-Type` value without parameters, lower-cased (`application/json`). */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}
