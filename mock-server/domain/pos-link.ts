/**
 * Mock convention: what the venue's POS does when staff move a live reservation. A party seated
 * (or paid, or completed) gets a server; when its check is paid or the party leaves (PAID or
 * COMPLETE) the POS visit is linked at once — checks rung up from the venue menu at a spend level
 * drawn from the reservation id, so the same requests always ring up the same checks — and
 * `total_payment` becomes the checks' subtotal. Reservations made through the API start with no
 * POS data. (Seeded history links its visits with a delay instead; see seed/visit-extras.ts.)
 */
import type { ReservationRecord } from '../store/records.js';
import type { Venue } from './model.js';
import { posChecksOf, spendLevelCovering, spendLevelFor, sumChecks } from './pos-tickets.js';
import { hashSeed } from './record-dice.js';
import type { ReservationStatus } from './status.js';
import { serversOf } from './venue-staff.js';

const SERVED: ReadonlySet<ReservationStatus> = new Set(['SEATED', 'PAID', 'COMPLETE']);
const CHECK_CLOSED: ReadonlySet<ReservationStatus> = new Set(['PAID', 'COMPLETE']);

/**
 * Adds the POS side of moving `record` to `to` into `patch` (which may be the record itself, for a
 * reservation being created). Returns the visit's gross spend (tax and tips included) when the
 * move closes the check (PAID or COMPLETE; linked now or before), for the guest's statistics.
 */
export function linkPosVisit(
  venue: Venue | undefined,
  record: ReservationRecord,
  to: ReservationStatus,
  patch: Partial<ReservationRecord>,
): number | undefined {
  if (!venue || !SERVED.has(to)) return undefined;
  if ((patch.servedBy ?? record.servedBy ?? null) === null) {
    const team = serversOf(venue);
    patch.servedBy = team[hashSeed(record.id, 0x5e_4ed) % team.length]!;
  }
  if (!CHECK_CLOSED.has(to)) return undefined;
  if ((record.posSpend ?? null) === null) {
    const covers = patch.arrivedGuests ?? record.arrivedGuests ?? patch.partySize ?? record.partySize;
    const prepaymentCents = Math.round((record.prepayment ?? 0) * 100);
    patch.posSpend = spendLevelCovering(spendLevelFor(record.id), prepaymentCents, covers);
    patch.posCovers = covers;
  }
  const sums = sumChecks(posChecksOf({ ...record, ...patch }, venue));
  patch.totalPayment = sums.subtotal / 100;
  return sums.total / 100;
}
