import type { Clock } from '../clock.js';
import type { IdFactory } from '../domain/ids.js';
import type { Catalog } from '../domain/model.js';
import { occupiesTable } from '../domain/status.js';
import { renderClient } from '../render/client.js';
import { renderReservation } from '../render/reservation.js';
import type { JsonText } from '../render/json-text.js';
import { ChangeFeed } from './change-feed.js';
import { Collections, type CollectionsSnapshot } from './collections.js';
import { RenderCache } from './render-cache.js';
import type {
  ChargeRecord,
  ClientRecord,
  HoldRecord,
  RequestRecord,
  ReservationRecord,
  TokenRecord,
  WaitlistRecord,
} from './records.js';
import { SeqList } from './seq-list.js';

/** Everything a snapshot holds: plain arrays of records, in creation order. */
export interface StoreSnapshot {
  version: 1;
  seq: number;
  clients: ClientRecord[];
  reservations: ReservationRecord[];
  holds: HoldRecord[];
  waitlist: WaitlistRecord[];
  charges: ChargeRecord[];
  requests: RequestRecord[];
  tokens: TokenRecord[];
  /** Feature state kept in named collections (payments, paylinks, upgrades...); absent in older snapshots. */
  collections?: CollectionsSnapshot;
}

export const venueDateKey = (venueId: string, date: string) => `${venueId}|${date}`;

/**
 * The mock's state: records plus the indexes the API needs to answer without scans —
 * reservations by id, reference code, venue group (creation order) and venue+date; clients by id,
 * phone and email. Every reservation and client change is published on {@link Store.feed}.
 */
export class Store {
  /** Shared across resets, so subscribers (webhooks, journal) survive a store being replaced. */
  readonly feed: ChangeFeed;
  readonly catalog: Catalog;
  readonly clock: Clock;
  readonly ids: IdFactory;
  /** Rendered JSON of unchanged state; every mutation below tells it what changed. */
  readonly renders = new RenderCache();

  #seq = 0;
  readonly reservations = new Map<string, ReservationRecord>();
  readonly #reservationsByRef = new Map<string, ReservationRecord>();
  readonly #reservationsByGroup = new Map<string, SeqList<ReservationRecord>>();
  readonly #reservationsByVenueDate = new Map<string, Set<ReservationRecord>>();
  /** Every reservation of a venue and date, whatever its status (the dashboard's day view). */
  readonly #allByVenueDate = new Map<string, Set<ReservationRecord>>();
  readonly #reservationsByConciergeGroup = new Map<string, SeqList<ReservationRecord>>();
  readonly clients = new Map<string, ClientRecord>();
  readonly #clientsByGroup = new Map<string, SeqList<ClientRecord>>();
  readonly #clientsByContact = new Map<string, ClientRecord>();
  readonly holds = new Map<string, HoldRecord>();
  readonly #holdsByVenueDate = new Map<string, Set<HoldRecord>>();
  readonly waitlist = new Map<string, WaitlistRecord>();
  readonly #waitlistByVenue = new Map<string, SeqList<WaitlistRecord>>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly #chargesByVenue = new Map<string, SeqList<ChargeRecord>>();
  readonly requests = new Map<string, RequestRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  /** Named record collections of features that need state of their own; snapshotted as they are. */
  readonly collections = new Collections();
  /**
   * Domain code calls this with a clock time at which something falls due (a paylink's auto-cancel
   * deadline); the server wires it to a clock timer so the deadline is acted on then. A no-op until wired.
   */
  wakeAt: (atMs: number) => void = () => {};

  constructor(catalog: Catalog, clock: Clock, ids: IdFactory, feed: ChangeFeed = new ChangeFeed()) {
    this.feed = feed;
    this.catalog = catalog;
    this.clock = clock;
    this.ids = ids;
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  // ---- reservations -------------------------------------------------------------------------

  findReservation(idOrReferenceCode: string): ReservationRecord | undefined {
    return this.reservations.get(idOrReferenceCode) ?? this.#reservationsByRef.get(idOrReferenceCode);
  }

  /** Reservations of a venue group in creation order (the order cursors page on). */
  reservationsOfGroup(venueGroupId: string): SeqList<ReservationRecord> {
    return this.#reservationsByGroup.get(venueGroupId) ?? SeqList.EMPTY;
  }

  /** Reservations booked by any concierge of a concierge group, in creation order. */
  reservationsOfConciergeGroup(conciergeGroupId: string): SeqList<ReservationRecord> {
    return this.#reservationsByConciergeGroup.get(conciergeGroupId) ?? SeqList.EMPTY;
  }

  /** Reservations that hold a table at a venue on a date: the availability engine's only input from state. */
  occupyingReservations(venueId: string, date: string): Iterable<ReservationRecord> {
    return this.#reservationsByVenueDate.get(venueDateKey(venueId, date)) ?? [];
  }

  /** Every reservation of a venue on a date, whatever its status, in no particular order. */
  reservationsOnDate(venueId: string, date: string): Iterable<ReservationRecord> {
    return this.#allByVenueDate.get(venueDateKey(venueId, date)) ?? [];
  }

  insertReservation(record: ReservationRecord): void {
    this.reservations.set(record.id, record);
    this.#reservationsByRef.set(record.referenceCode, record);
    this.#indexLists(record);
    this.#publishReservation('created', null, record);
  }

  /** Applies `patch`, stamps `updated`, keeps indexes true and publishes the change with before/after. */
  updateReservation(record: ReservationRecord, patch: Partial<ReservationRecord>): void {
    const previous = this.feed.active ? this.renderReservation(record) : null;
    this.#unindexOccupancy(record);
    this.#allByVenueDate.get(venueDateKey(record.venueId, record.date))?.delete(record);
    Object.assign(record, patch, { updatedMs: this.clock.now() });
    this.renders.reservationChanged(record);
    this.#indexOccupancy(record);
    setFor(this.#allByVenueDate, venueDateKey(record.venueId, record.date)).add(record);
    this.#publishReservation('updated', previous, record);
  }

  /** Hard delete: the record is gone from every index; a `deleted` event carries its last shape. */
  deleteReservation(record: ReservationRecord): void {
    const previous = this.feed.active ? this.renderReservation(record) : null;
    this.reservations.delete(record.id);
    this.renders.reservationChanged(record);
    this.#reservationsByRef.delete(record.referenceCode);
    this.#reservationsByGroup.get(record.venueGroupId)?.remove(record);
    const conciergeGroupId = this.#conciergeGroupOf(record);
    if (conciergeGroupId) this.#reservationsByConciergeGroup.get(conciergeGroupId)?.remove(record);
    this.#unindexOccupancy(record);
    this.#allByVenueDate.get(venueDateKey(record.venueId, record.date))?.delete(record);
    if (previous) {
      this.feed.publish({
        entityType: 'reservation',
        eventType: 'deleted',
        venueGroupId: record.venueGroupId,
        venueId: record.venueId,
        entityId: record.id,
        previous,
        current: null,
        at: this.clock.now(),
      });
    }
  }

  renderReservation(record: ReservationRecord): Record<string, unknown> {
    return renderReservation(record, this.catalog, this.clients.get(record.clientId));
  }

  /** `JSON.stringify(renderReservation(record))`, from the render cache when nothing it shows changed. */
  reservationJson(record: ReservationRecord): JsonText {
    const client = this.clients.get(record.clientId);
    return this.renders.reservationJson(record, client, () =>
      renderReservation(record, this.catalog, client),
    );
  }

  #conciergeGroupOf(record: ReservationRecord): string | undefined {
    return record.conciergeId ? this.catalog.concierges.get(record.conciergeId)?.conciergeGroupId : undefined;
  }

  #indexLists(record: ReservationRecord): void {
    listFor(this.#reservationsByGroup, record.venueGroupId).push(record);
    const conciergeGroupId = this.#conciergeGroupOf(record);
    if (conciergeGroupId) listFor(this.#reservationsByConciergeGroup, conciergeGroupId).push(record);
    this.#indexOccupancy(record);
    setFor(this.#allByVenueDate, venueDateKey(record.venueId, record.date)).add(record);
  }

  #indexOccupancy(record: ReservationRecord): void {
    if (!occupiesTable(record.status)) return;
    const key = venueDateKey(record.venueId, record.date);
    setFor(this.#reservationsByVenueDate, key).add(record);
    this.renders.occupancyChanged(key);
  }

  #unindexOccupancy(record: ReservationRecord): void {
    const key = venueDateKey(record.venueId, record.date);
    if (this.#reservationsByVenueDate.get(key)?.delete(record)) this.renders.occupancyChanged(key);
  }

  #publishReservation(
    kind: 'created' | 'updated',
    previous: Record<string, unknown> | null,
    record: ReservationRecord,
  ) {
    if (!this.feed.active) return;
    this.feed.publish({
      entityType: 'reservation',
      eventType: kind,
      venueGroupId: record.venueGroupId,
      venueId: record.venueId,
      entityId: record.id,
      previous,
      current: this.renderReservation(record),
      at: this.clock.now(),
    });
  }

  // ---- clients ------------------------------------------------------------------------------

  clientsOfGroup(venueGroupId: string): SeqList<ClientRecord> {
    return this.#clientsByGroup.get(venueGroupId) ?? SeqList.EMPTY;
  }

  /** Finds a venue group's client by E.164 phone or (case-insensitive) email. */
  findClientByContact(
    venueGroupId: string,
    phone: string | null,
    email: string | null,
  ): ClientRecord | undefined {
    return (
      (phone ? this.#clientsByContact.get(`${venueGroupId}|p|${phone}`) : undefined) ??
      (email ? this.#clientsByContact.get(`${venueGroupId}|e|${email.toLowerCase()}`) : undefined)
    );
  }

  insertClient(record: ClientRecord, venueId: string | null = null): void {
    this.clients.set(record.id, record);
    listFor(this.#clientsByGroup, record.venueGroupId).push(record);
    this.#indexContact(record);
    this.#publishClient('created', null, record, venueId);
  }

  updateClient(record: ClientRecord, patch: Partial<ClientRecord>, venueId: string | null = null): void {
    const previous = this.feed.active ? renderClient(record) : null;
    this.#unindexContact(record);
    Object.assign(record, patch, { updatedMs: this.clock.now() });
    this.renders.clientChanged(record);
    this.#indexContact(record);
    this.#publishClient('updated', previous, record, venueId);
  }

  #indexContact(c: ClientRecord): void {
    if (c.phone) this.#clientsByContact.set(`${c.venueGroupId}|p|${c.phone}`, c);
    if (c.email) this.#clientsByContact.set(`${c.venueGroupId}|e|${c.email.toLowerCase()}`, c);
  }

  #unindexContact(c: ClientRecord): void {
    if (c.phone && this.#clientsByContact.get(`${c.venueGroupId}|p|${c.phone}`) === c)
      this.#clientsByContact.delete(`${c.venueGroupId}|p|${c.phone}`);
    if (c.email && this.#clientsByContact.get(`${c.venueGroupId}|e|${c.email.toLowerCase()}`) === c)
      this.#clientsByContact.delete(`${c.venueGroupId}|e|${c.email.toLowerCase()}`);
  }

  #publishClient(
    kind: 'created' | 'updated',
    previous: Record<string, unknown> | null,
    record: ClientRecord,
    venueId: string | null,
  ) {
    if (!this.feed.active) return;
    this.feed.publish({
      entityType: 'client',
      eventType: kind,
      venueGroupId: record.venueGroupId,
      venueId,
      entityId: record.id,
      previous,
      current: renderClient(record),
      at: this.clock.now(),
    });
  }

  // ---- holds --------------------------------------------------------------------------------

  /** Holds at a venue on a date that are still live at the clock's now. Expired ones are dropped on the way. */
  liveHolds(venueId: string, date: string): HoldRecord[] {
    const set = this.#holdsByVenueDate.get(venueDateKey(venueId, date));
    if (!set) return [];
    const now = this.clock.now();
    const live: HoldRecord[] = [];
    for (const hold of set) {
      if (hold.state === 'live' && hold.expiresMs > now) live.push(hold);
      else set.delete(hold);
    }
    return live;
  }

  insertHold(hold: HoldRecord): void {
    this.holds.set(hold.id, hold);
    const key = venueDateKey(hold.venueId, hold.date);
    setFor(this.#holdsByVenueDate, key).add(hold);
    this.renders.occupancyChanged(key);
  }

  endHold(hold: HoldRecord, state: 'released' | 'converted'): void {
    hold.state = state;
    const key = venueDateKey(hold.venueId, hold.date);
    this.#holdsByVenueDate.get(key)?.delete(hold);
    this.renders.occupancyChanged(key);
  }

  /** The instant the first live hold at a venue on a date expires (Infinity when none does). */
  nextHoldExpiry(venueId: string, date: string): number {
    let first = Infinity;
    for (const hold of this.liveHolds(venueId, date)) first = Math.min(first, hold.expiresMs);
    return first;
  }

  /** Forgets holds that ended or expired more than an hour ago, so a long soak does not grow memory. */
  pruneHolds(): void {
    const cutoff = this.clock.now() - 3_600_000;
    for (const [id, hold] of this.holds) if (hold.expiresMs < cutoff) this.holds.delete(id);
  }

  // ---- waitlist, charges, requests ------------------------------------------------------------

  waitlistOfVenue(venueId: string): SeqList<WaitlistRecord> {
    return this.#waitlistByVenue.get(venueId) ?? SeqList.EMPTY;
  }

  insertWaitlist(entry: WaitlistRecord): void {
    this.waitlist.set(entry.id, entry);
    listFor(this.#waitlistByVenue, entry.venueId).push(entry);
  }

  updateWaitlist(entry: WaitlistRecord, patch: Partial<WaitlistRecord>): void {
    Object.assign(entry, patch, { updatedMs: this.clock.now() });
  }

  chargesOfVenue(venueId: string): SeqList<ChargeRecord> {
    return this.#chargesByVenue.get(venueId) ?? SeqList.EMPTY;
  }

  insertCharge(charge: ChargeRecord): void {
    this.charges.set(charge.id, charge);
    listFor(this.#chargesByVenue, charge.venueId).push(charge);
  }

  // ---- snapshots ----------------------------------------------------------------------------

  snapshot(): StoreSnapshot {
    const bySeq = <T extends { seq: number }>(items: Iterable<T>) => [...items].sort((a, b) => a.seq - b.seq);
    return structuredClone({
      version: 1 as const,
      seq: this.#seq,
      clients: bySeq(this.clients.values()),
      reservations: bySeq(this.reservations.values()),
      holds: [...this.holds.values()],
      waitlist: bySeq(this.waitlist.values()),
      charges: bySeq(this.charges.values()),
      requests: [...this.requests.values()],
      tokens: [...this.tokens.values()],
      collections: this.collections.snapshot(),
    });
  }

  /** Replaces all state with a snapshot's, rebuilding every index. Publishes no events: nothing "happened". */
  restore(snapshot: StoreSnapshot): void {
    this.adopt(structuredClone(snapshot));
    // Deadlines in the imported state must be watched from now on.
    this.wakeAt(this.clock.now());
  }

  /**
   * Like {@link Store.restore}, but takes ownership of the snapshot's records instead of copying them:
   * the seeder builds hundreds of thousands of fresh records and a deep copy would double time and
   * memory. The caller must not touch `data` afterwards. Publishes no events.
   */
  adopt(data: StoreSnapshot): void {
    for (const map of [
      this.reservations,
      this.#reservationsByRef,
      this.#reservationsByGroup,
      this.#reservationsByVenueDate,
      this.#allByVenueDate,
      this.#reservationsByConciergeGroup,
      this.clients,
      this.#clientsByGroup,
      this.#clientsByContact,
      this.holds,
      this.#holdsByVenueDate,
      this.waitlist,
      this.#waitlistByVenue,
      this.charges,
      this.#chargesByVenue,
      this.requests,
      this.tokens,
    ] as Map<unknown, unknown>[]) {
      map.clear();
    }
    this.renders.clear();
    this.#seq = data.seq;
    for (const c of data.clients) {
      this.clients.set(c.id, c);
      listFor(this.#clientsByGroup, c.venueGroupId).push(c);
      this.#indexContact(c);
    }
    for (const r of data.reservations) {
      this.reservations.set(r.id, r);
      this.#reservationsByRef.set(r.referenceCode, r);
      this.#indexLists(r);
    }
    for (const h of data.holds) {
      this.holds.set(h.id, h);
      if (h.state === 'live') setFor(this.#holdsByVenueDate, venueDateKey(h.venueId, h.date)).add(h);
    }
    for (const w of data.waitlist) this.insertWaitlist(w);
    for (const c of data.charges) this.insertCharge(c);
    for (const r of data.requests) this.requests.set(r.id, r);
    for (const t of data.tokens) this.tokens.set(t.token, t);
    this.collections.adopt(data.collections);
  }
}

function listFor<T extends { seq: number }>(map: Map<string, SeqList<T>>, key: string): SeqList<T> {
  let list = map.get(key);
  if (!list) map.set(key, (list = new SeqList<T>()));
  return list;
}

function setFor<T>(map: Map<string, Set<T>>, key: string): Set<T> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set<T>()));
  return set;
}
