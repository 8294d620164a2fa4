/**
 * The dashboard's live feed: one hub per control plane (per world) that turns what happens inside
 * the mock into small messages for the Server-Sent Events stream. Store changes are pushed as they
 * are published; the journal, the webhook pipeline and the clock have no listeners of their own, so
 * a 250 ms watcher compares cheap signatures of them. The hub subscribes to the change feed only
 * while a dashboard is connected: a subscribed feed makes the store render every change, a cost the
 * request path should pay only when somebody watches.
 */
import { ManualClock } from '../clock.js';
import type { ControlDeps } from '../control/context.js';
import type { StoreChange } from '../store/change-feed.js';
import { diffEntities } from '../webhooks/events.js';

export type HubMessage =
  | { type: 'change'; data: { changes: ChangeSummary[]; dropped: number } }
  | { type: 'journal'; data: { entries: JournalSummary[] } }
  | { type: 'webhooks'; data: WebhookPulse }
  | { type: 'clock'; data: ClockPulse }
  | { type: 'control'; data: { operationId: string; method: string; status: number } };

export interface ChangeSummary {
  entityType: string;
  eventType: string;
  entityId: string;
  venueId: string | null;
  referenceCode: string | null;
  status: string | null;
  fields: string[];
  at: number;
}

export interface JournalSummary {
  id: number;
  at: number;
  method: string;
  path: string;
  operationId: string | null;
  credential: string | null;
  status: number;
  durationMs: number;
}

export interface WebhookPulse {
  attempts: number;
  succeededDeliveries: number;
  failedAttempts: number;
  deadLetteredEvents: number;
  queuedEvents: number;
  inFlight: number;
  retrying: number;
  logSize: number;
}

export interface ClockPulse {
  now: string;
  epochMs: number;
  mode: 'frozen' | 'running';
}

/** A recorded store change, kept for a reservation's history in the dashboard. */
export interface RecordedChange {
  at: number;
  entityId: string;
  eventType: string;
  updates: { field: string; previous: unknown; current?: unknown }[];
}

type Listener = (message: HubMessage) => void;

const WATCH_MS = 250;
/** A running clock moves every tick; it is reported once a second of mock time has passed. */
const RUNNING_CLOCK_STEP_MS = 1000;
const MAX_CHANGES_PER_MESSAGE = 200;
const HISTORY_LIMIT = 5000;

export class EventHub {
  readonly #deps: ControlDeps;
  readonly #listeners = new Set<Listener>();
  #unsubscribe: (() => void) | null = null;
  #timer: NodeJS.Timeout | null = null;
  #pending: ChangeSummary[] = [];
  #dropped = 0;
  #flushScheduled = false;
  #lastJournalId = 0;
  #lastWebhooks = '';
  #lastClockMs = Number.NaN;
  /** Changes seen while somebody watched, newest last; bounded. */
  readonly #history: RecordedChange[] = [];

  constructor(deps: ControlDeps) {
    this.#deps = deps;
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  /** Starts watching on the first listener, stops on the last; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stop();
    };
  }

  /** The control API reports each write it answered (reset, import, faults, clock, venue actions...). */
  controlWrite(operationId: string, method: string, status: number): void {
    if (this.#listeners.size === 0) return;
    this.#emit({ type: 'control', data: { operationId, method, status } });
    // A clock move is visible at once, not at the next tick.
    this.#watch();
  }

  clockPulse(): ClockPulse {
    const epochMs = this.#deps.clock.now();
    return {
      now: new Date(epochMs).toISOString(),
      epochMs,
      mode: this.#deps.clock instanceof ManualClock ? 'frozen' : 'running',
    };
  }

  /** Recorded changes of one entity, oldest first. */
  historyOf(entityId: string): RecordedChange[] {
    return this.#history.filter((h) => h.entityId === entityId);
  }

  #start(): void {
    const journalTop = this.#deps.journal.query({ limit: 1 })[0];
    this.#lastJournalId = journalTop?.id ?? 0;
    this.#lastWebhooks = JSON.stringify(this.#webhookPulse());
    this.#lastClockMs = this.#deps.clock.now();
    this.#unsubscribe = this.#deps.store.feed.subscribe((change) => this.#onChange(change));
    this.#timer = setInterval(() => this.#watch(), WATCH_MS);
    this.#timer.unref();
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#pending = [];
    this.#dropped = 0;
  }

  #emit(message: HubMessage): void {
    for (const listener of this.#listeners) listener(message);
  }

  #onChange(change: StoreChange): void {
    const entity = change.current ?? change.previous ?? {};
    const updates =
      change.eventType === 'updated' && change.previous && change.current
        ? diffEntities(change.previous, change.current)
        : [];
    this.#history.push({ at: change.at, entityId: change.entityId, eventType: change.eventType, updates });
    // Trimmed in chunks, so a burst of writes does not shift the whole array on every change.
    if (this.#history.length > HISTORY_LIMIT * 1.25)
      this.#history.splice(0, this.#history.length - HISTORY_LIMIT);
    if (this.#pending.length >= MAX_CHANGES_PER_MESSAGE) {
      this.#dropped++;
    } else {
      this.#pending.push({
        entityType: change.entityType,
        eventType: change.eventType,
        entityId: change.entityId,
        venueId: change.venueId,
        referenceCode: typeof entity.reference_code === 'string' ? entity.reference_code : null,
        status: typeof entity.status === 'string' ? entity.status : null,
        fields: updates.map((u) => u.field),
        at: change.at,
      });
    }
    // Changes published in one burst (a booking touches a reservation and its guest) go out together.
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setTimeout(() => this.#flushChanges(), 20).unref();
    }
  }

  #flushChanges(): void {
    this.#flushScheduled = false;
    if (this.#pending.length === 0) return;
    const data = { changes: this.#pending, dropped: this.#dropped };
    this.#pending = [];
    this.#dropped = 0;
    this.#emit({ type: 'change', data });
  }

  #webhookPulse(): WebhookPulse {
    const s = this.#deps.webhooks.stats();
    return {
      attempts: s.attempts,
      succeededDeliveries: s.succeededDeliveries,
      failedAttempts: s.failedAttempts,
      deadLetteredEvents: s.deadLetteredEvents,
      queuedEvents: s.queuedEvents,
      inFlight: s.inFlight,
      retrying: s.retrying,
      logSize: s.logSize,
    };
  }

  #watch(): void {
    const fresh = this.#deps.journal
      .query({ limit: 100 })
      .filter((e) => e.id > this.#lastJournalId)
      .reverse();
    if (fresh.length > 0) {
      this.#lastJournalId = fresh[fresh.length - 1]!.id;
      this.#emit({
        type: 'journal',
        data: {
          entries: fresh.map((e) => ({
            id: e.id,
            at: e.at,
            method: e.method,
            path: e.path,
            operationId: e.operationId ?? null,
            credential: e.credential ?? null,
            status: e.status,
            durationMs: e.durationMs,
          })),
        },
      });
    }
    const pulse = this.#webhookPulse();
    const signature = JSON.stringify(pulse);
    if (signature !== this.#lastWebhooks) {
      this.#lastWebhooks = signature;
      this.#emit({ type: 'webhooks', data: pulse });
    }
    const clock = this.clockPulse();
    const moved = clock.epochMs - this.#lastClockMs;
    if (moved !== 0 && (clock.mode === 'frozen' || Math.abs(moved) >= RUNNING_CLOCK_STEP_MS)) {
      this.#lastClockMs = clock.epochMs;
      this.#emit({ type: 'clock', data: clock });
    }
  }
}

const hubs = new WeakMap<ControlDeps, EventHub>();

/** The hub of one control plane, made on first use. */
export function eventHubFor(deps: ControlDeps): EventHub {
  let hub = hubs.get(deps);
  if (!hub) hubs.set(deps, (hub = new EventHub(deps)));
  return hub;
}
