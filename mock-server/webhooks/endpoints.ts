/**
 * The endpoint registry: where events go and which ones each endpoint wants. Secrets and ids come
 * from the injected seeded Random, so a server started twice with the same seed prints the same secret.
 */
import { notFound } from '../errors.js';
import type { Random } from '../random.js';
import type { StoreChange } from '../store/change-feed.js';
import { assertEndpointConfig } from './config.js';
import { eventKind } from './events.js';
import type { EventKind, WebhookEndpoint, WebhookEndpointConfig, WebhookEndpointPatch } from './types.js';

export { parseWebhookConfig, WebhookConfigError } from './config.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** True when `kind` (`reservation.updated`) matches one of `patterns` (`reservation.*`, `*`, …). */
export function matchesEventKind(patterns: readonly string[], kind: EventKind): boolean {
  const [entity, change] = kind.split('.');
  return patterns.some((p) => {
    if (p === '*') return true;
    const [pe, pc] = p.split('.');
    return (pe === '*' || pe === entity) && (pc === '*' || pc === change);
  });
}

/** True when `endpoint` is enabled and its filters accept `change`. */
export function endpointWants(endpoint: WebhookEndpoint, change: StoreChange): boolean {
  if (!endpoint.enabled) return false;
  if (endpoint.venueGroupIds && !endpoint.venueGroupIds.includes(change.venueGroupId)) return false;
  return matchesEventKind(endpoint.events, eventKind(change));
}

export interface EndpointRegistryOptions {
  random: Random;
  now: () => number;
}

export class EndpointRegistry {
  readonly #random: Random;
  readonly #now: () => number;
  readonly #endpoints = new Map<string, WebhookEndpoint>();

  constructor({ random, now }: EndpointRegistryOptions) {
    this.#random = random;
    this.#now = now;
  }

  /** Validates and registers an endpoint; throws WebhookConfigError (a 400) on a bad config. */
  add(config: WebhookEndpointConfig): WebhookEndpoint {
    assertEndpointConfig(config);
    const endpoint: WebhookEndpoint = {
      id: `we_${this.#random.string(16, ALNUM)}`,
      url: config.url,
      // Stripe-style prefix so a secret is recognisable in logs and config files.
      secret: config.secret ?? `whsec_${this.#random.string(32, ALNUM)}`,
      venueGroupIds: config.venueGroupIds ? [...config.venueGroupIds] : null,
      events: config.events ? [...config.events] : ['*'],
      enabled: config.enabled ?? true,
      description: config.description ?? null,
      createdAt: this.#now(),
    };
    this.#endpoints.set(endpoint.id, endpoint);
    return endpoint;
  }

  /**
   * Changes an endpoint in place (`venueGroupIds: null` = every venue group again). Deliveries pick
   * up a new url or secret from their next attempt.
   */
  update(id: string, patch: WebhookEndpointPatch): WebhookEndpoint {
    const endpoint = this.#require(id);
    const merged: WebhookEndpointConfig = {
      url: patch.url ?? endpoint.url,
      secret: patch.secret ?? endpoint.secret,
      events: patch.events ?? endpoint.events,
      enabled: patch.enabled ?? endpoint.enabled,
    };
    const groups = patch.venueGroupIds === undefined ? endpoint.venueGroupIds : patch.venueGroupIds;
    if (groups !== null) merged.venueGroupIds = groups;
    const description = patch.description ?? endpoint.description;
    if (description !== null) merged.description = description;
    assertEndpointConfig(merged);
    endpoint.url = merged.url;
    endpoint.secret = patch.secret ?? endpoint.secret;
    endpoint.events = [...(merged.events ?? ['*'])];
    endpoint.enabled = merged.enabled ?? true;
    endpoint.venueGroupIds = groups ? [...groups] : null;
    endpoint.description = description;
    return endpoint;
  }

  /** Puts back an endpoint exactly as persisted (id and secret included). */
  restore(endpoint: WebhookEndpoint): WebhookEndpoint {
    const copy = { ...endpoint, events: [...endpoint.events] };
    this.#endpoints.set(copy.id, copy);
    return copy;
  }

  get(id: string): WebhookEndpoint | undefined {
    return this.#endpoints.get(id);
  }

  list(): WebhookEndpoint[] {
    return [...this.#endpoints.values()];
  }

  /** True when the endpoint existed. */
  remove(id: string): boolean {
    return this.#endpoints.delete(id);
  }

  get size(): number {
    return this.#endpoints.size;
  }

  #require(id: string): WebhookEndpoint {
    const endpoint = this.#endpoints.get(id);
    if (!endpoint) throw notFound(`Webhook endpoint ${id} does not exist.`);
    return endpoint;
  }
}
