/**
 * One readable line per webhook event, for `sevenrooms-mock listen`:
 *
 *   2025-05-01T19:02:11Z  reservation.updated  ahNzfn…  status: "CONFIRMED" → "SEATED", table_numbers: [] → ["12"]
 */
import type { WebhookEvent } from './types.js';

const MAX_VALUE_CHARS = 60;

function formatValue(value: unknown): string {
  const text = value === undefined ? '(removed)' : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** `2025-05-01T19:02:11Z` for epoch seconds. */
export function formatTimestamp(epochSec: number): string {
  return new Date(epochSec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The line for one event. `timestampSec` is the signature's `t` (the mock clock when it was sent), so
 * output lines up with the mock's own time even when that clock is frozen or set in the past.
 */
export function formatEventLine(event: WebhookEvent, timestampSec: number): string {
  const id = typeof event.entity.id === 'string' ? event.entity.id : '(no id)';
  const head = `${formatTimestamp(timestampSec)}  ${event.entity_type}.${event.event_type}  ${id}`;
  if (event.event_type !== 'updated') return head;
  if (event.updates.length === 0) return `${head}  (no field changes)`;
  const changes = event.updates.map(
    (u) => `${u.field}: ${formatValue(u.previous)} → ${formatValue(u.current)}`,
  );
  return `${head}  ${changes.join(', ')}`;
}

/** Rough shape check of a parsed body, so a malformed payload prints a warning rather than crashing. */
export function isWebhookEvent(value: unknown): value is WebhookEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.entity === 'object' &&
    v.entity !== null &&
    typeof v.entity_type === 'string' &&
    typeof v.event_type === 'string' &&
    Array.isArray(v.updates)
  );
}
