/**
 * The store's change events. Every create, update and delete of a reservation or client is published
 * here with the entity's wire shape before and after; webhooks, the journal and anything else that
 * reacts to state subscribe. Route handlers never call those consumers directly.
 */
export type EntityType = 'reservation' | 'client';
export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface StoreChange {
  entityType: EntityType;
  eventType: ChangeKind;
  /** The tenant the entity belongs to; webhook endpoints filter on it. */
  venueGroupId: string;
  /** Set for reservations (and for clients, the venue the change came through, when known). */
  venueId: string | null;
  entityId: string;
  /** The entity as the API renders it before the change (`null` on create). */
  previous: Record<string, unknown> | null;
  /** The entity as the API renders it after the change (`null` on delete). */
  current: Record<string, unknown> | null;
  /** Clock time of the change, epoch ms. */
  at: number;
}

export type ChangeListener = (change: StoreChange) => void;

export class ChangeFeed {
  #listeners = new Set<ChangeListener>();

  /** Subscribes; returns the function that unsubscribes. */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** True when somebody listens, so publishers can skip rendering snapshots nobody reads. */
  get active(): boolean {
    return this.#listeners.size > 0;
  }

  publish(change: StoreChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
