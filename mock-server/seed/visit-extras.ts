/**
 * What a seeded reservation carries beyond its booking: who served the party, the POS checks of a
 * completed visit (linked a day and a half after the party left, as POS integrations batch them, so
 * the latest night has none yet), the payment totals those checks imply, the guest's rating, special
 * requests, custom fields and partner ids. Drawn from a stream of its own per venue, so adding or
 * changing these never moves the bookings, guests or ids the rest of the seed draws.
 */
import { posChecksOf, spendLevelCovering, sumChecks } from '../domain/pos-tickets.js';
import type { Venue } from '../domain/model.js';
import { serversOf } from '../domain/venue-staff.js';
import type { ReservationRecord } from '../store/records.js';
import { CustomFieldDraw, RESERVATION_FIELDS } from './custom-fields.js';
import { WeightedList, type Dice } from './dice.js';

/** A visit's POS checks are linked this long after the party left. */
export const POS_LINK_DELAY_MS = 36 * 3_600_000;

const RATING = new WeightedList<number>([
  [5, 52],
  [4, 29],
  [3, 11],
  [2, 5],
  [1, 3],
]);

const CLIENT_REQUESTS = [
  'Quiet table, please',
  'Celebrating an engagement',
  'Needs a high chair',
  'Wheelchair user; step-free table',
  'Birthday: candle on dessert',
  'Prefers booth seating',
  'Pescatarian menu for one guest',
];

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class VisitExtras {
  readonly #venue: Venue;
  readonly #dice: Dice;
  readonly #nowMs: number;
  readonly #servers: readonly string[];
  readonly #fields = new CustomFieldDraw(RESERVATION_FIELDS);

  constructor(venue: Venue, dice: Dice, nowMs: number) {
    this.#venue = venue;
    this.#dice = dice;
    this.#nowMs = nowMs;
    this.#servers = serversOf(venue);
  }

  /**
   * Dresses `r` (already stamped, deposit taken) and returns its gross spend — what its checks
   * came to with tax and tips — for the guest's statistics; `spendLevel` is the party's spend in
   * cents per cover, `leftUtc` when it left (UTC ms), for completed visits.
   */
  dress(r: ReservationRecord, spendLevel: number, leftUtc: number | null): number {
    const dice = this.#dice;
    if (r.seatedTime !== null) r.servedBy = dice.pick(this.#servers);
    if (dice.chance(0.06)) r.clientRequests = dice.pick(CLIENT_REQUESTS);
    r.customFields = this.#fields.draw(dice);
    if (r.bookedBy === 'Google Reserve') {
      // One flat string (see localNaiveIso): kept for as long as the server runs.
      r.externalId = ['reserve-', this.#code(12).toLowerCase()].join('');
      r.externalReferenceCode = `G-${this.#code(8)}`;
    } else if (dice.chance(0.05)) {
      r.externalId = `crm-${String(dice.int(100_000, 999_999))}`;
    }
    if (r.status !== 'COMPLETE') return 0;
    const prepaymentCents = Math.round((r.prepayment ?? 0) * 100);
    const linked = leftUtc !== null && leftUtc + POS_LINK_DELAY_MS <= this.#nowMs;
    const rating = dice.chance(0.32) ? RATING.draw(dice) : null;
    if (!linked) {
      r.totalPayment = prepaymentCents / 100;
      return r.totalPayment;
    }
    r.posSpend = spendLevelCovering(spendLevel, prepaymentCents, r.partySize);
    r.posCovers = r.partySize;
    r.rating = rating;
    const sums = sumChecks(posChecksOf(r, this.#venue));
    r.totalPayment = sums.subtotal / 100;
    return sums.total / 100;
  }

  #code(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += ALNUM[Math.floor(this.#dice.u() * ALNUM.length)];
    return s;
  }
}
