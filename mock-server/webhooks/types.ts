/**
 * Types shared by the webhook pipeline: the wire event, endpoints, and the delivery records the log
 * keeps. The wire shapes follow shared/reference §7 exactly; everything else is mock bookkeeping.
 */
import type { ChangeKind, EntityType } from '../store/change-feed.js';

/** One entry of `updates`: a top-level field that changed. `current` is absent when the field was removed. */
export interface FieldUpdate {
  field: string;
  previous: unknown;
  current?: unknown;
}

/** One webhook event as SevenRooms sends it; a request body is a JSON array of these. */
export interface WebhookEvent {
  entity: Record<string, unknown>;
  entity_type: EntityType;
  event_type: ChangeKind;
  updates: FieldUpdate[];
}

/** `reservation.created`, `client.updated`, … — what endpoint filters match on. */
export type EventKind = `${EntityType}.${ChangeKind}`;

/** How an endpoint is configured: from `--webhook URL`, a config file, or the control API. */
export interface WebhookEndpointConfig {
  /** Absolute http(s) URL the events are POSTed to. */
  url: string;
  /** Signing secret; one is generated (`whsec_…`, from the seeded random) when absent. */
  secret?: string;
  /** Only changes in these venue groups; absent = every venue group. */
  venueGroupIds?: string[];
  /** Event kinds or patterns: `reservation.created`, `client.*`, `*.deleted`, `*`. Absent = `['*']`. */
  events?: string[];
  /** A disabled endpoint receives no new events (what is already queued still drains). Default true. */
  enabled?: boolean;
  /** Free text shown in listings. */
  description?: string;
}

/** A registered endpoint, every default filled in. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  venueGroupIds: string[] | null;
  events: string[];
  enabled: boolean;
  description: string | null;
  /** Clock time it was added, epoch ms. */
  createdAt: number;
}

/** What an endpoint may change after it was added; `venueGroupIds: null` widens it to every venue group. */
export interface WebhookEndpointPatch {
  url?: string;
  secret?: string;
  venueGroupIds?: string[] | null;
  events?: string[];
  enabled?: boolean;
  description?: string;
}

/**
 * pending: waiting for its first attempt · in_flight: a request is open · retrying: waiting on the
 * retry schedule · succeeded: a 2xx was received · dead_lettered: given up (see `deadLetterReason`).
 */
export type DeliveryState = 'pending' | 'in_flight' | 'retrying' | 'succeeded' | 'dead_lettered';

export type DeadLetterReason = 'retries_exhausted' | 'queue_overflow' | 'endpoint_removed';

/** One HTTP attempt of a delivery. */
export interface DeliveryAttempt {
  /** 1-based; the value of `X-SevenRooms-Mock-Delivery-Attempt`. */
  attempt: number;
  /** Clock time the attempt started, epoch ms. */
  at: number;
  /** HTTP status, or null when no response arrived (network error, timeout). */
  status: number | null;
  /** Why the attempt failed (`HTTP 503`, `timeout after 5000 ms`, `ECONNREFUSED`), null on success. */
  error: string | null;
  /** Wall-clock milliseconds the request took; real time, not the mock clock. */
  latencyMs: number;
  ok: boolean;
}

/** The identity of one event inside a delivery (the wire event carries no id; the log does). */
export interface EventSummary {
  id: string;
  kind: EventKind;
  entityId: string;
  venueGroupId: string;
}

/** One batch of events to one endpoint, with every attempt made. */
export interface Delivery {
  id: string;
  /** Batch id sent as `X-SevenRooms-Mock-Event-Id`; stable across retries and redeliveries, for dedupe. */
  eventId: string;
  endpointId: string;
  url: string;
  events: EventSummary[];
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  /** Clock time the batch was formed, epoch ms. */
  createdAt: number;
  /** Clock time of the next scheduled attempt while `retrying`, else null. */
  nextAttemptAt: number | null;
  /** Clock time it succeeded or was dead-lettered, else null. */
  completedAt: number | null;
  deadLetterReason: DeadLetterReason | null;
  /** The delivery this one re-sends, when created by `redeliver`. */
  redeliveryOf: string | null;
}

/** A delivery with the exact body sent (a JSON array of {@link WebhookEvent}). */
export interface DeliveryDetail extends Delivery {
  body: string;
}

export interface DeliveryFilter {
  endpointId?: string;
  state?: DeliveryState;
  /** Deliveries containing this event id. */
  eventId?: string;
  /** Deliveries containing an event about this reservation or client. */
  entityId?: string;
  /** At most this many, newest first. */
  limit?: number;
}
