/**
 * The delivery log: every batch sent (or given up on) with every attempt. Bounded like a ring buffer,
 * twice over — past `limit` records, or past `maxBytes` of retained bodies (100-event batches make
 * record counts a poor proxy for memory), the oldest *finished* record is dropped. A delivery still
 * pending or retrying is never dropped, so it can always be inspected (at most one per endpoint, plus
 * queued redeliveries, which the queue cap bounds).
 */
import type { Delivery, DeliveryDetail, DeliveryFilter, DeliveryState } from './types.js';

/** The log's own record: the public fields plus the body, built once from the event JSON parts. */
export interface DeliveryRecord extends Delivery {
  /** Wire JSON of each event, until the body is built. */
  parts: string[];
  body: string | null;
}

const TERMINAL: ReadonlySet<DeliveryState> = new Set(['succeeded', 'dead_lettered']);

export const isTerminal = (record: Delivery): boolean => TERMINAL.has(record.state);

/** The exact request body: a JSON array of the events. Built on first use, then the parts are released. */
export function recordBody(record: DeliveryRecord): string {
  if (record.body === null) {
    record.body = `[${record.parts.join(',')}]`;
    record.parts = [];
  }
  return record.body;
}

/** A copy of the public fields, so callers cannot disturb the pipeline. */
export function snapshot(record: DeliveryRecord): Delivery {
  return {
    id: record.id,
    eventId: record.eventId,
    endpointId: record.endpointId,
    url: record.url,
    events: record.events.map((e) => ({ ...e })),
    state: record.state,
    attempts: record.attempts.map((a) => ({ ...a })),
    createdAt: record.createdAt,
    nextAttemptAt: record.nextAttemptAt,
    completedAt: record.completedAt,
    deadLetterReason: record.deadLetterReason,
    redeliveryOf: record.redeliveryOf,
  };
}

function matches(record: DeliveryRecord, filter: DeliveryFilter): boolean {
  if (filter.endpointId !== undefined && record.endpointId !== filter.endpointId) return false;
  if (filter.state !== undefined && record.state !== filter.state) return false;
  if (filter.eventId !== undefined && !record.events.some((e) => e.id === filter.eventId)) return false;
  if (filter.entityId !== undefined && !record.events.some((e) => e.entityId === filter.entityId))
    return false;
  return true;
}

/** Characters of body (or of not-yet-joined parts) a record holds; JSON here is ASCII-heavy, so ≈ bytes. */
const weigh = (record: DeliveryRecord): number =>
  record.body !== null ? record.body.length : record.parts.reduce((n, p) => n + p.length + 1, 2);

export class DeliveryLog {
  readonly #limit: number;
  readonly #maxBytes: number;
  // A Map iterates in insertion order, which is creation order here: the front is the oldest.
  readonly #records = new Map<string, DeliveryRecord>();
  #bytes = 0;
  readonly #weights = new Map<string, number>();

  constructor(limit: number, maxBytes = Infinity) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError('DeliveryLog: limit must be a positive integer');
    this.#limit = limit;
    this.#maxBytes = maxBytes;
  }

  get size(): number {
    return this.#records.size;
  }

  /** Approximate bytes of bodies retained. */
  get bytes(): number {
    return this.#bytes;
  }

  add(record: DeliveryRecord): void {
    this.#records.set(record.id, record);
    this.#reweigh(record);
    this.#evict();
  }

  /** Call after a record's body or parts grew (overflow buckets collect events after being added). */
  reweigh(record: DeliveryRecord): void {
    if (this.#records.get(record.id) === record) this.#reweigh(record);
  }

  /** The live record, for the pipeline to update. */
  record(id: string): DeliveryRecord | undefined {
    return this.#records.get(id);
  }

  has(id: string): boolean {
    return this.#records.has(id);
  }

  /** Deliveries matching `filter`, newest first; copies, so callers cannot disturb the pipeline. */
  list(filter: DeliveryFilter = {}): Delivery[] {
    const out: Delivery[] = [];
    const limit = filter.limit ?? Infinity;
    const records = [...this.#records.values()];
    for (let i = records.length - 1; i >= 0 && out.length < limit; i--) {
      const record = records[i]!;
      if (matches(record, filter)) out.push(snapshot(record));
    }
    return out;
  }

  detail(id: string): DeliveryDetail | undefined {
    const record = this.#records.get(id);
    return record ? { ...snapshot(record), body: recordBody(record) } : undefined;
  }

  /** The pipeline calls this when records became terminal, so the bounds are enforced again. */
  settle(): void {
    this.#evict();
  }

  #reweigh(record: DeliveryRecord): void {
    const weight = weigh(record);
    this.#bytes += weight - (this.#weights.get(record.id) ?? 0);
    this.#weights.set(record.id, weight);
  }

  #over(): boolean {
    return this.#records.size > this.#limit || this.#bytes > this.#maxBytes;
  }

  #evict(): void {
    if (!this.#over()) return;
    for (const [id, record] of this.#records) {
      if (!this.#over()) break;
      if (!isTerminal(record)) continue;
      this.#records.delete(id);
      this.#bytes -= this.#weights.get(id) ?? 0;
      this.#weights.delete(id);
    }
  }
}
