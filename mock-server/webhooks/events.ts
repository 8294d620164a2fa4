/**
 * Turns a store change into the webhook event SevenRooms sends (shared/reference §7):
 * `{entity, entity_type, event_type, updates}`.
 */
import type { StoreChange } from '../store/change-feed.js';
import type { EventKind, FieldUpdate, WebhookEvent } from './types.js';

/**
 * Fields left out of `updates`. `updated` changes on every write, so listing it would make every
 * event look alike and bury the field a receiver acts on (`status`, `table_numbers`); it is still in
 * `entity`.
 */
export const IGNORED_UPDATE_FIELDS: ReadonlySet<string> = new Set(['updated']);

/** `reservation.updated`, `client.created`, … */
export function eventKind(change: Pick<StoreChange, 'entityType' | 'eventType'>): EventKind {
  return `${change.entityType}.${change.eventType}`;
}

/**
 * Builds the wire event for one change. `entity` is the object after the change (before it, for
 * `deleted`). `updates` lists each changed top-level field for `updated`, and is `[]` for `created`
 * and `deleted` — there is no "previous" to compare with on create, and on delete the whole object is
 * the news.
 *
 * @example
 * buildWebhookEvent(change).updates // [{ field: 'status', previous: 'CONFIRMED', current: 'SEATED' }]
 */
export function buildWebhookEvent(change: StoreChange): WebhookEvent {
  const entity = change.eventType === 'deleted' ? change.previous : change.current;
  if (entity === null) {
    throw new TypeError(
      `A ${eventKind(change)} change for ${change.entityId} has no ${change.eventType === 'deleted' ? 'previous' : 'current'} entity.`,
    );
  }
  return {
    entity,
    entity_type: change.entityType,
    event_type: change.eventType,
    updates: change.eventType === 'updated' ? diffEntities(change.previous ?? {}, entity) : [],
  };
}

/**
 * The top-level fields whose values differ (deep comparison), in the order of `current`'s keys, then
 * fields that disappeared (those carry no `current`, as the reference's `current?` allows).
 */
export function diffEntities(
  previous: Record<string, unknown>,
  current: Record<string, unknown>,
  ignore: ReadonlySet<string> = IGNORED_UPDATE_FIELDS,
): FieldUpdate[] {
  const updates: FieldUpdate[] = [];
  for (const field of Object.keys(current)) {
    if (ignore.has(field)) continue;
    const before = Object.hasOwn(previous, field) ? previous[field] : null;
    if (!deepEqual(before, current[field]))
      updates.push({ field, previous: before, current: current[field] });
  }
  for (const field of Object.keys(previous)) {
    if (ignore.has(field) || Object.hasOwn(current, field)) continue;
    updates.push({ field, previous: previous[field] });
  }
  return updates;
}

/** Structural equality for JSON values; key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every((k) => Object.hasOwn(rb, k) && deepEqual(ra[k], rb[k]));
}
