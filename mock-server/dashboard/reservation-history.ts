/**
 * A reservation's story for the dashboard: the record as the API renders it, plus what happened to
 * it, oldest first — its creation, the changes seen while a dashboard watched (with the fields they
 * touched), the webhook deliveries that carried it, and the API requests in the journal that named it.
 */
import type { RequestJournal } from '../journal/journal.js';
import type { ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { WebhookService } from '../webhooks/webhook-service.js';
import type { RecordedChange } from './event-hub.js';

export interface HistoryItem {
  at: number;
  atIso: string;
  source: 'record' | 'change' | 'webhook' | 'request';
  title: string;
  detail: string | null;
  /** A delivery id or journal entry id, for the page to link to. */
  ref: string | null;
}

const short = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

export function reservationHistory(
  store: Store,
  record: ReservationRecord,
  sources: { changes: readonly RecordedChange[]; webhooks: WebhookService; journal: RequestJournal },
): { reservation: Record<string, unknown>; history: HistoryItem[] } {
  const items: HistoryItem[] = [];
  const push = (item: Omit<HistoryItem, 'atIso'>) =>
    items.push({ ...item, atIso: new Date(item.at).toISOString() });
  push({
    at: record.createdMs,
    source: 'record',
    title: record.reservationType === 'WALK_IN' ? 'Walked in' : 'Booked',
    detail: `by ${record.bookedBy}; party of ${record.partySize} on ${record.date}`,
    ref: null,
  });
  for (const change of sources.changes) {
    push({
      at: change.at,
      source: 'change',
      title: `reservation.${change.eventType}`,
      detail:
        change.updates.length === 0
          ? null
          : change.updates.map((u) => `${u.field}: ${short(u.previous)} → ${short(u.current)}`).join('; '),
      ref: null,
    });
  }
  for (const delivery of sources.webhooks.deliveries.list({ entityId: record.id, limit: 50 })) {
    const last = delivery.attempts[delivery.attempts.length - 1];
    push({
      at: delivery.createdAt,
      source: 'webhook',
      title: `webhook ${delivery.state}`,
      detail: `${delivery.events.map((e) => e.kind).join(', ')} → ${delivery.url}${
        last ? ` (attempt ${last.attempt}: ${last.status ?? last.error})` : ''
      }`,
      ref: delivery.id,
    });
  }
  for (const entry of sources.journal.query({})) {
    const named =
      entry.path.includes(record.id) ||
      entry.path.includes(record.referenceCode) ||
      (entry.method !== 'GET' && (entry.responseBody?.includes(record.id) ?? false));
    if (!named) continue;
    push({
      at: entry.at,
      source: 'request',
      title: `${entry.method} ${entry.path} → ${entry.status}`,
      detail: entry.credential ?? null,
      ref: String(entry.id),
    });
  }
  items.sort((a, b) => a.at - b.at);
  return { reservation: store.renderReservation(record), history: items };
}
