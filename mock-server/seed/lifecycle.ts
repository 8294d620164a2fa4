/**
 * Where a seeded reservation is in its life at the clock's "now", and the timestamps that go with
 * it. Every instant is strictly before now (a seed never writes the future), `created` comes days
 * before the slot, and `updated` is when the last status move happened.
 */
import type { ReservationStatus } from '../domain/status.js';
import { addDays, formatHHMM } from '../domain/time.js';
import type { Dice } from './dice.js';

/** Nothing seeded is stamped later than this before now, so `updated_since=<now>` starts empty. */
export const SEED_MARGIN_MS = 1_000;

const MINUTE = 60_000;
const DAY = 86_400_000;

export type Phase = 'past' | 'seated' | 'upcoming';

/** Past once the party has surely left; seated once it surely sat down; else still upcoming. */
export function phaseOf(nowMs: number, startUtc: number, durationMin: number): Phase {
  const latest = nowMs - SEED_MARGIN_MS;
  if (startUtc + (durationMin + 15) * MINUTE <= latest) return 'past';
  if (startUtc + 12 * MINUTE <= latest) return 'seated';
  return 'upcoming';
}

/** Past: ~87 % complete, 5 % no-show, 8 % cancelled. Upcoming: ~6 % cancelled. */
export function drawStatus(dice: Dice, phase: Phase, allowCancel: boolean): ReservationStatus {
  const x = dice.u();
  if (phase === 'past') {
    if (x < 0.05) return 'NO_SHOW';
    if (allowCancel && x < 0.13) return 'CANCELED';
    return 'COMPLETE';
  }
  if (allowCancel && x < (phase === 'seated' ? 0.08 : 0.06)) return 'CANCELED';
  return phase === 'seated' ? 'SEATED' : 'CONFIRMED';
}

/** Booking lead time in ms: some same-day, most a few days out, a few weeks ahead. */
export function drawLeadMs(dice: Dice): number {
  const x = dice.u();
  if (x < 0.15) return dice.int(30, 6 * 60) * MINUTE;
  if (x < 0.5) return dice.int(1, 3) * DAY + dice.int(0, 1439) * MINUTE;
  if (x < 0.85) return dice.int(3, 14) * DAY + dice.int(0, 1439) * MINUTE;
  return dice.int(14, 45) * DAY + dice.int(0, 1439) * MINUTE;
}

export interface Stamps {
  createdMs: number;
  updatedMs: number;
  /** Venue-local minutes after the date's midnight (may pass 1440) and the seconds, when seated. */
  seatedMin: number | null;
  leftMin: number | null;
}

/**
 * Timestamps for a reservation on a slot starting at `startUtc` (UTC ms) / `startMin` (local).
 * `created` is a lead time before the slot but never later than now; `updated` is the moment of
 * the status it ended in.
 */
export function drawStamps(
  dice: Dice,
  nowMs: number,
  status: ReservationStatus,
  startUtc: number,
  startMin: number,
  durationMin: number,
): Stamps {
  const latest = nowMs - SEED_MARGIN_MS;
  let createdMs = startUtc - drawLeadMs(dice) - dice.int(0, 59_999);
  if (createdMs > latest - MINUTE) createdMs = latest - MINUTE - dice.int(0, 3 * DAY);
  const clamp = (ms: number) => Math.max(createdMs, Math.min(ms, latest));
  switch (status) {
    case 'COMPLETE': {
      const seatedMin = startMin + dice.int(0, 12);
      const leftMin = startMin + durationMin + dice.int(-15, 15);
      return { createdMs, updatedMs: clamp(startUtc + (leftMin - startMin) * MINUTE), seatedMin, leftMin };
    }
    case 'SEATED': {
      const seatedMin = startMin + dice.int(0, 12);
      return {
        createdMs,
        updatedMs: clamp(startUtc + (seatedMin - startMin) * MINUTE),
        seatedMin,
        leftMin: null,
      };
    }
    case 'NO_SHOW':
      return { createdMs, updatedMs: clamp(startUtc + 30 * MINUTE), seatedMin: null, leftMin: null };
    case 'CANCELED': {
      const until = Math.min(startUtc, latest);
      return {
        createdMs,
        updatedMs: clamp(createdMs + Math.floor(dice.u() * (until - createdMs))),
        seatedMin: null,
        leftMin: null,
      };
    }
    default:
      // Some confirmed bookings were edited since (notes, party details): updated moves, status does not.
      return {
        createdMs,
        updatedMs: dice.chance(0.15)
          ? clamp(createdMs + Math.floor(dice.u() * (latest - createdMs)))
          : createdMs,
        seatedMin: null,
        leftMin: null,
      };
  }
}

/** `2026-12-04T19:07:00.000000` for local minutes after `date`'s midnight (rolls past midnight). */
export function localNaiveIso(date: string, minutes: number): string {
  const day = minutes >= 1440 ? addDays(date, Math.floor(minutes / 1440)) : date;
  // One flat string (see flatJoin): a reservation keeps two of these for as long as the server runs.
  return [day, 'T', formatHHMM(minutes % 1440), ':00.000000'].join('');
}
