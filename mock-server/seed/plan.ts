/**
 * What a scenario asks of the seeder beyond volume: shifts filled to a set occupancy, specific
 * bookings, venues that opened recently. Days are given as a date or as an offset from the
 * venue-local "today" of the clock. {@link resolvePlan} turns venue keys and offsets into ids and
 * dates and reports every problem at once.
 */
import { shiftsOn } from '../domain/availability.js';
import type { Catalog, Venue } from '../domain/model.js';
import { isReservationStatus, type ReservationStatus } from '../domain/status.js';
import { addDays, dayNumber, parseTime, venueLocal } from '../domain/time.js';

/** A day: either an explicit `date` or `dayOffset` days after the venue-local today (0 = today). */
export interface DaySpec {
  date?: string | undefined;
  dayOffset?: number | undefined;
}

/** Book one shift category of a venue on a day to `occupancy` (0..1) of its tables; 1 = booked solid. */
export interface FillSpec extends DaySpec {
  venueKey: string;
  shiftCategory: string;
  occupancy: number;
}

/** One reservation that must exist (it must fit the venue's rules, or seeding fails). */
export interface BookingSpec extends DaySpec {
  venueKey: string;
  /** `HH:MM`, on the shift grid. */
  time: string;
  partySize: number;
  /** Default: what the slot's time implies (COMPLETE in the past, SEATED now, CONFIRMED ahead). */
  status?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  /** E.164. */
  phone?: string | undefined;
  email?: string | undefined;
  notes?: string | undefined;
  /** `"Group:Tag"` reservation tags. */
  tags?: readonly string[] | undefined;
  /** A table number (`"PR1"`); default the smallest free table that seats the party. */
  table?: string | undefined;
}

/** A venue that opened on a day: it has no reservations before it. */
export interface OpeningSpec extends DaySpec {
  venueKey: string;
}

export interface SeedPlan {
  fill?: readonly FillSpec[] | undefined;
  bookings?: readonly BookingSpec[] | undefined;
  openings?: readonly OpeningSpec[] | undefined;
}

export interface ResolvedBooking {
  spec: BookingSpec;
  startMin: number;
  status: ReservationStatus | undefined;
}

/** The plan keyed for the day loop: `venueId|date` → category → occupancy, and so on. */
export interface ResolvedPlan {
  fills: Map<string, Map<string, number>>;
  bookings: Map<string, ResolvedBooking[]>;
  openings: Map<string, string>;
  /** Dates per venue id that must be generated even outside the volume's window. */
  extraDates: Map<string, Set<string>>;
}

export class SeedPlanError extends Error {
  readonly code = 'invalid_seed_plan';

  constructor(problems: readonly string[]) {
    super(`Invalid scenario seeding plan:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SeedPlanError';
  }
}

const E164 = /^\+[1-9]\d{6,14}$/;

export const dayKey = (venueId: string, date: string) => `${venueId}|${date}`;

/** Resolves keys and offsets against the catalog and the clock's now; throws {@link SeedPlanError}. */
export function resolvePlan(catalog: Catalog, plan: SeedPlan, nowMs: number): ResolvedPlan {
  const problems: string[] = [];
  const byKey = new Map([...catalog.venues.values()].map((v) => [v.key, v]));
  const out: ResolvedPlan = {
    fills: new Map(),
    bookings: new Map(),
    openings: new Map(),
    extraDates: new Map(),
  };

  const locate = (what: string, spec: DaySpec & { venueKey: string }): [Venue, string] | null => {
    const venue = byKey.get(spec.venueKey);
    if (!venue) {
      problems.push(`${what}: unknown venue_key ${spec.venueKey}`);
      return null;
    }
    if ((spec.date === undefined) === (spec.dayOffset === undefined)) {
      problems.push(`${what}: give exactly one of date and day_offset`);
      return null;
    }
    if (spec.date !== undefined && dayNumber(spec.date) === null) {
      problems.push(`${what}: date ${spec.date} is not a real YYYY-MM-DD date`);
      return null;
    }
    const date = spec.date ?? addDays(venueLocal(nowMs, venue.timeZone).date, spec.dayOffset!);
    return [venue, date];
  };
  const extra = (venueId: string, date: string) => {
    let set = out.extraDates.get(venueId);
    if (!set) out.extraDates.set(venueId, (set = new Set()));
    set.add(date);
  };

  (plan.fill ?? []).forEach((f, i) => {
    const at = locate(`fill[${i}]`, f);
    if (!at) return;
    const [venue, date] = at;
    if (!(f.occupancy >= 0 && f.occupancy <= 1)) problems.push(`fill[${i}]: occupancy must be from 0 to 1`);
    if (!shiftsOn(venue, date).some((s) => s.category === f.shiftCategory)) {
      problems.push(`fill[${i}]: ${venue.key} has no ${f.shiftCategory} shift on ${date}`);
      return;
    }
    let day = out.fills.get(dayKey(venue.id, date));
    if (!day) out.fills.set(dayKey(venue.id, date), (day = new Map()));
    day.set(f.shiftCategory, f.occupancy);
    extra(venue.id, date);
  });

  (plan.bookings ?? []).forEach((b, i) => {
    const at = locate(`bookings[${i}]`, b);
    if (!at) return;
    const [venue, date] = at;
    const startMin = parseTime(b.time);
    if (startMin === null) problems.push(`bookings[${i}]: time must be HH:MM; got ${b.time}`);
    const status = b.status?.toUpperCase();
    if (status !== undefined && !isReservationStatus(status))
      problems.push(`bookings[${i}]: status ${b.status} is not a reservation status`);
    if (b.phone !== undefined && !E164.test(b.phone)) problems.push(`bookings[${i}]: phone must be E.164`);
    if (!(Number.isInteger(b.partySize) && b.partySize >= 1))
      problems.push(`bookings[${i}]: party_size must be a positive whole number`);
    if (b.table !== undefined && !venue.tables.some((t) => t.number === b.table))
      problems.push(`bookings[${i}]: ${venue.key} has no table ${b.table}`);
    if (startMin === null) return;
    let list = out.bookings.get(dayKey(venue.id, date));
    if (!list) out.bookings.set(dayKey(venue.id, date), (list = []));
    list.push({ spec: b, startMin, status: status as ReservationStatus | undefined });
    extra(venue.id, date);
  });

  (plan.openings ?? []).forEach((o, i) => {
    const at = locate(`openings[${i}]`, o);
    if (at) out.openings.set(at[0].id, at[1]);
  });

  if (problems.length > 0) throw new SeedPlanError(problems);
  return out;
}
