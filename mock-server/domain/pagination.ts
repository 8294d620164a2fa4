import { badRequest } from '../errors.js';
import type { SeqList } from '../store/seq-list.js';

/** The real API's page size ceiling. */
export const MAX_LIMIT = 400;

/**
 * Opaque cursors that page on creation order. A cursor remembers the last record returned (its
 * `seq`) and a fingerprint of the query and tenant that minted it: a record created or updated
 * between pages can neither shift a page (no skips) nor move behind the cursor (no repeats), and a
 * cursor replayed against another query or tenant is refused with 400 instead of returning
 * someone else's position.
 */
export function encodeCursor(afterSeq: number, fingerprint: string): string {
  const position = afterSeq.toString(36);
  return Buffer.from(`v1.${position}.${fingerprint}.${seal(position, fingerprint)}`).toString('base64url');
}

/**
 * A check over position and fingerprint, so an edited cursor is refused instead of silently
 * skipping or repeating records (a sync that edits cursors has a bug worth hearing about). Not a
 * secret: cursors stay byte-identical across servers with the same seed.
 */
const seal = (position: string, fingerprint: string) => queryFingerprint(['cursor', position, fingerprint]);

/** The seq a cursor continues after (0 without a cursor); 400 "Invalid cursor" when malformed or foreign. */
export function decodeCursor(cursor: string | undefined, fingerprint: string): number {
  if (cursor === undefined || cursor === '') return 0;
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const m = /^v1\.([0-9a-z]{1,11})\.([0-9a-f]{8})\.([0-9a-f]{8})$/.exec(text);
  if (!m || m[3] !== seal(m[1]!, m[2]!))
    throw badRequest(
      'Invalid cursor: it is malformed or was altered; send back the cursor value of the previous page unchanged',
    );
  if (m[2] !== fingerprint) {
    throw badRequest(
      'Invalid cursor: it was issued for a different query or credential; restart without cursor',
    );
  }
  return parseInt(m[1]!, 36);
}

/** A short stable hash of the query parameters that shape a listing (everything but cursor and limit). */
export function queryFingerprint(parts: readonly unknown[]): string {
  const text = JSON.stringify(parts);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Clamps a requested page size: missing → the default, above {@link MAX_LIMIT} → MAX_LIMIT. */
export function pageLimit(requested: number | undefined, defaultLimit: number): number {
  if (requested === undefined) return defaultLimit;
  return Math.min(Math.max(1, Math.floor(requested)), MAX_LIMIT);
}

export interface Page<T> {
  items: T[];
  /** Present only when more matching records follow. */
  cursor?: string;
}

/** One page of the records after the cursor that pass `filter`; looks one record ahead to decide on a next cursor. */
export function paginate<T extends { seq: number }>(
  list: SeqList<T>,
  options: { cursor: string | undefined; limit: number; fingerprint: string; filter?: (item: T) => boolean },
): Page<T> {
  const after = decodeCursor(options.cursor, options.fingerprint);
  const items: T[] = [];
  for (const item of list.after(after)) {
    if (options.filter && !options.filter(item)) continue;
    if (items.length === options.limit) {
      return { items, cursor: encodeCursor(items[items.length - 1]!.seq, options.fingerprint) };
    }
    items.push(item);
  }
  return { items };
}

/** Pages a fixed array (venues: few, never changing at run time) with the same cursor format. */
export function paginateArray<T>(
  items: readonly T[],
  options: { cursor: string | undefined; limit: number; fingerprint: string },
): Page<T> {
  const start = decodeCursor(options.cursor, options.fingerprint);
  const page = items.slice(start, start + options.limit);
  const end = start + page.length;
  return end < items.length
    ? { items: page, cursor: encodeCursor(end, options.fingerprint) }
    : { items: page };
}
