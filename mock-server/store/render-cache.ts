import type { Venue } from '../domain/model.js';
import { JsonText } from '../render/json-text.js';
import type { ClientRecord, ReservationRecord } from './records.js';

interface CachedReservation {
  json: JsonText;
  /** The client's version the text was rendered with (-1: no client record). */
  clientVersion: number;
}

interface CachedAnswer {
  json: JsonText;
  version: number;
  /** The clock instant it was computed at: a clock moved back to before it does not reuse it. */
  validFromMs: number;
  /** The clock instant from which the text may be out of date (a hold expiring, a minute passing). */
  validUntilMs: number;
}

/** Most availability answers kept per store; the oldest is dropped first. */
const MAX_ANSWERS = 2_000;

/**
 * Rendered JSON texts of unchanged state, so repeat reads skip rendering and `JSON.stringify`.
 * Owned by the {@link Store}, which reports every change that can alter a rendering: a reservation
 * updated or deleted, a client updated (reservations embed client fields), the occupancy of a venue
 * on a date changed (reservations and holds). A text is served only while what it was rendered from
 * is unchanged, so a cached answer is byte-identical to a fresh one (test/render-cache.test.ts).
 */
export class RenderCache {
  #reservations = new WeakMap<ReservationRecord, CachedReservation>();
  #clientVersions = new WeakMap<ClientRecord, number>();
  #venues = new WeakMap<Venue, JsonText>();
  #venueDateVersions = new Map<string, number>();
  #answers = new Map<string, CachedAnswer>();

  /** A reservation's JSON, rendered by `render` unless the record and its client are unchanged. */
  reservationJson(
    record: ReservationRecord,
    client: ClientRecord | undefined,
    render: () => unknown,
  ): JsonText {
    const clientVersion = client ? (this.#clientVersions.get(client) ?? 0) : -1;
    const hit = this.#reservations.get(record);
    if (hit && hit.clientVersion === clientVersion) return hit.json;
    const json = new JsonText(JSON.stringify(render()));
    this.#reservations.set(record, { json, clientVersion });
    return json;
  }

  /** A venue's JSON: venues come from the catalog and never change while the store lives. */
  venueJson(venue: Venue, render: (venue: Venue) => unknown): JsonText {
    let json = this.#venues.get(venue);
    if (json === undefined) this.#venues.set(venue, (json = new JsonText(JSON.stringify(render(venue)))));
    return json;
  }

  /**
   * An answer that depends on one venue's occupancy on one date and on the clock: served from the
   * cache while that occupancy is unchanged and `nowMs` lies between the instant it was computed
   * and the instant `compute` said it holds until.
   */
  venueDateAnswer(
    key: string,
    venueDate: string,
    nowMs: number,
    compute: () => { text: string; validUntilMs: number },
  ): JsonText {
    const version = this.#venueDateVersions.get(venueDate) ?? 0;
    const hit = this.#answers.get(key);
    if (hit && hit.version === version && nowMs >= hit.validFromMs && nowMs < hit.validUntilMs)
      return hit.json;
    const { text, validUntilMs } = compute();
    const json = new JsonText(text);
    if (hit) this.#answers.delete(key);
    else if (this.#answers.size >= MAX_ANSWERS) this.#answers.delete(this.#answers.keys().next().value!);
    this.#answers.set(key, { json, version, validFromMs: nowMs, validUntilMs });
    return json;
  }

  reservationChanged(record: ReservationRecord): void {
    this.#reservations.delete(record);
  }

  clientChanged(client: ClientRecord): void {
    this.#clientVersions.set(client, (this.#clientVersions.get(client) ?? 0) + 1);
  }

  occupancyChanged(venueDate: string): void {
    this.#venueDateVersions.set(venueDate, (this.#venueDateVersions.get(venueDate) ?? 0) + 1);
  }

  /** Forgets everything (the store's records were replaced wholesale). */
  clear(): void {
    this.#reservations = new WeakMap();
    this.#clientVersions = new WeakMap();
    this.#venueDateVersions.clear();
    this.#answers.clear();
  }
}
