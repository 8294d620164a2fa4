/** Defensive readers for response bodies: scenarios must not crash on a body that broke the contract. */

/** Follows keys and array indexes; `undefined` as soon as one is missing. */
export function dig(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** `dig` that only returns strings. */
export function digString(value: unknown, ...path: Array<string | number>): string | undefined {
  const found = dig(value, ...path);
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** `dig` that only returns arrays (of unknown items). */
export function digArray(value: unknown, ...path: Array<string | number>): unknown[] {
  const found = dig(value, ...path);
  return Array.isArray(found) ? found : [];
}

/** `YYYY-MM-DD` of a date, in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Encodes one path segment (ids are URL-safe already, but reference codes come from responses). */
export function enc(segment: string): string {
  return encodeURIComponent(segment);
}
