/**
 * Who books, and what that does to a guest's profile. Picks guests with a skew (regulars book
 * often, most guests rarely), remembers each guest's first booking and last status move, and
 * finally derives the profile fields that depend on history — `created` before the first booking,
 * `updated` at the last change, loyalty tier and rank, the `Loyalty:Regular` tag — so the profile
 * never contradicts the reservations.
 */
import type { ClientRecord, ReservationRecord } from '../store/records.js';
import type { Dice } from './dice.js';
import { REGULAR_TAG } from './guests.js';
import { SEED_MARGIN_MS } from './lifecycle.js';

const DAY = 86_400_000;

export class GuestLedger {
  readonly guests: readonly ClientRecord[];
  readonly #index = new Map<ClientRecord, number>();
  readonly #firstBooking: Float64Array;
  readonly #lastChange: Float64Array;

  constructor(guests: readonly ClientRecord[]) {
    this.guests = guests;
    guests.forEach((g, i) => this.#index.set(g, i));
    this.#firstBooking = new Float64Array(guests.length).fill(Infinity);
    this.#lastChange = new Float64Array(guests.length).fill(-Infinity);
  }

  /**
   * A guest: 45 % of bookings go to the regulars (the first tenth of the list), the rest to anyone,
   * so regulars book a few times a month and most guests a handful of times or never.
   */
  pick(dice: Dice): ClientRecord {
    const n = this.guests.length;
    const pool = dice.chance(0.45) ? Math.ceil(n / 10) : n;
    return this.guests[Math.floor(dice.u() * pool)]!;
  }

  /** Records that `guest` made `r`; a status that counts in the statistics also touches the profile. */
  touch(guest: ClientRecord, r: ReservationRecord): void {
    const i = this.#index.get(guest)!;
    if (r.createdMs < this.#firstBooking[i]!) this.#firstBooking[i] = r.createdMs;
    const counts = r.status === 'COMPLETE' || r.status === 'NO_SHOW' || r.status === 'CANCELED';
    const changed = counts ? r.updatedMs : r.createdMs;
    if (changed > this.#lastChange[i]!) this.#lastChange[i] = changed;
  }

  /**
   * Fills the history-derived fields. Guests without bookings were imported or lapsed: created up
   * to ~2.5 years before now. Most others were created by their first booking, a few earlier.
   */
  finish(dice: Dice, nowMs: number): void {
    const latest = nowMs - SEED_MARGIN_MS;
    const members: ClientRecord[] = [];
    this.guests.forEach((g, i) => {
      const first = this.#firstBooking[i]!;
      const created = Number.isFinite(first)
        ? dice.chance(0.65)
          ? first - dice.int(200, 5_000)
          : first - dice.int(1, 720) * DAY - dice.int(0, DAY - 1)
        : latest - dice.int(1, 900) * DAY - dice.int(0, DAY - 1);
      g.createdMs = created;
      g.marketingOptInMs = g.marketingOptIn ? created + dice.int(0, 120_000) : null;
      g.updatedMs = Math.min(latest, Math.max(created, g.marketingOptInMs ?? 0, this.#lastChange[i]!));
      const visits = totalVisits(g);
      if (visits >= 5) g.clientTags = [...g.clientTags, REGULAR_TAG];
      if (g.loyaltyId !== null) {
        g.loyaltyTier = visits >= 12 ? 'Platinum' : visits >= 6 ? 'Gold' : 'Silver';
        members.push(g);
      }
    });
    // Rank members by visits (then by profile order, for a stable tie-break).
    members
      .map((g, order) => ({ g, order, visits: totalVisits(g) }))
      .sort((a, b) => b.visits - a.visits || a.order - b.order)
      .forEach((m, rank) => (m.g.loyaltyRank = rank + 1));
  }
}

function totalVisits(g: ClientRecord): number {
  let n = 0;
  for (const s of Object.values(g.venueStats)) n += s.total_visits;
  return n;
}
