/**
 * Everything about a venue the generator needs per booking, computed once per venue instead of per
 * record: the seating grid of each weekday (shift, start time, pacing, which access rule admits each
 * party size), how popular each start time is, and how many parties a shift can seat.
 */
import { durationFor, pacingCapacity } from '../domain/availability.js';
import type { AccessRule, Channel, Shift, Venue } from '../domain/model.js';
import { dayNumber, venueLocal, WEEKDAYS } from '../domain/time.js';
import { cumulative, type WeightTable } from './dice.js';

/** Largest party the generator books; access rules decide which sizes a slot really admits. */
export const MAX_PARTY = 12;

export interface GridSlot {
  shift: Shift;
  startMin: number;
  pacing: number;
  /** Index = party size; the rule admitting that size on the API channel, else undefined. */
  apiRule: readonly (AccessRule | undefined)[];
  /** Same for the concierge channel. */
  conciergeRule: readonly (AccessRule | undefined)[];
  /** Index = party size; seating minutes. */
  duration: readonly number[];
}

export interface ShiftPlan {
  shift: Shift;
  slots: readonly GridSlot[];
  /** How popular each slot is (evenings peak around 19:00-20:00, lunch around 12:30-13:00). */
  popularity: WeightTable;
  /** Parties the shift seats when every table turns as often as its duration allows. */
  capacity: number;
}

export interface VenuePlan {
  venue: Venue;
  /** Index = weekday number (0 = Sunday), as `Date#getUTCDay`. */
  byWeekday: readonly (readonly ShiftPlan[])[];
}

/** Busy nights: Friday and Saturday full weight, early week about half. */
export const DAY_WEIGHT: readonly number[] = [0.65, 0.45, 0.5, 0.55, 0.75, 1, 1];

/** Share of a day's demand each kind of shift gets: dinner is the main event. */
const CATEGORY_WEIGHT: Readonly<Record<string, number>> = { DINNER: 1, LUNCH: 0.55, BRUNCH: 0.7 };
const PEAK_MIN: Readonly<Record<string, number>> = {
  DINNER: 19 * 60 + 15,
  LUNCH: 12 * 60 + 45,
  BRUNCH: 11 * 60 + 30,
};

export function categoryWeight(category: string): number {
  return CATEGORY_WEIGHT[category] ?? 0.6;
}

function rulesBySize(venue: Venue, shift: Shift, startMin: number, channel: Channel) {
  const out: (AccessRule | undefined)[] = [undefined];
  for (let p = 1; p <= MAX_PARTY; p++) {
    out.push(
      venue.accessRules.find(
        (r) =>
          r.shiftPersistentIds.includes(shift.persistentId) &&
          r.channels.includes(channel) &&
          p >= r.partySizeMin &&
          p <= r.partySizeMax &&
          startMin >= r.startMin &&
          startMin <= r.endMin,
      ),
    );
  }
  return out;
}

function planShift(venue: Venue, shift: Shift): ShiftPlan {
  const slots: GridSlot[] = [];
  const weights: number[] = [];
  const peak = PEAK_MIN[shift.category] ?? (shift.startMin + shift.endMin) / 2;
  const duration = [0];
  for (let p = 1; p <= MAX_PARTY; p++) duration.push(durationFor(shift, p));
  for (let t = shift.startMin; t < shift.endMin; t += shift.intervalMinutes) {
    slots.push({
      shift,
      startMin: t,
      pacing: pacingCapacity(shift, t),
      apiRule: rulesBySize(venue, shift, t, 'RESERVATIONS_API'),
      conciergeRule: rulesBySize(venue, shift, t, 'CONCIERGE'),
      duration,
    });
    weights.push(Math.max(0.12, 1 - Math.abs(t - peak) / 150));
  }
  const length = shift.endMin - shift.startMin;
  const capacity = Math.round(venue.tables.length * Math.max(1, length / (duration[2] ?? 90)));
  return { shift, slots, popularity: cumulative(weights), capacity };
}

/** Builds the per-weekday grids of a venue. */
export function planVenue(venue: Venue): VenuePlan {
  const shiftPlans = new Map(venue.shifts.map((s) => [s, planShift(venue, s)]));
  const byWeekday = WEEKDAYS.map((day) =>
    venue.shifts.filter((s) => s.days.includes(day)).map((s) => shiftPlans.get(s)!),
  );
  return { venue, byWeekday };
}

const DAY_MS = 86_400_000;

/**
 * Converts venue-local wall times of one date to UTC instants with a single Intl call per date
 * (the offset at local noon; DST switches happen at night, outside any shift).
 */
export class LocalDay {
  readonly date: string;
  readonly weekday: number;
  readonly #midnightUtc: number;
  readonly #offsetMin: number;

  constructor(date: string, timeZone: string) {
    this.date = date;
    const day = dayNumber(date)!;
    this.weekday = (((day + 4) % 7) + 7) % 7;
    this.#midnightUtc = day * DAY_MS;
    const local = venueLocal(this.#midnightUtc + 12 * 3_600_000, timeZone);
    this.#offsetMin = (dayNumber(local.date)! - day) * 1440 + local.minutes - 720;
  }

  /** The UTC epoch ms of `minutes` after local midnight (may exceed 1440 for after-midnight times). */
  utc(minutes: number): number {
    return this.#midnightUtc + (minutes - this.#offsetMin) * 60_000;
  }
}
