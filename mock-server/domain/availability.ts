/**
 * Availability = shifts × access rules × free tables × pacing − active reservations − live holds,
 * evaluated at "now". Pure: callers pass the venue, the query and the occupancy of that venue and
 * date (from the store's venue+date index), so the cost never depends on bookings elsewhere.
 */
import type { AccessRule, Channel, Shift, Table, Venue } from './model.js';
import { formatHHMM, venueLocal, weekdayOf } from './time.js';

/** Anything that takes tables and covers at a time: a reservation or a live hold. */
export interface Occupant {
  id: string;
  startMin: number;
  durationMin: number;
  partySize: number;
  tableIds: readonly string[];
}

export interface SlotQuery {
  venue: Venue;
  date: string;
  partySize: number;
  channel: Channel;
  nowMs: number;
  /** Overrides the shift's duration for the party size. */
  durationMin?: number;
  /** Occupants to ignore: the reservation being modified, the hold being converted. */
  ignoreIds?: ReadonlySet<string>;
}

export interface Slot {
  shift: Shift;
  rule: AccessRule;
  startMin: number;
  durationMin: number;
  /** Covers the slot's pacing still allows before this party. */
  coversRemaining: number;
  /** Some other party currently holds covers at this time. */
  isHeld: boolean;
  /** The best-fitting free table, or null when none fits (then the slot is not bookable). */
  table: Table | null;
}

export type SlotRefusal =
  | { reason: 'no_shift'; message: string }
  | { reason: 'no_access_rule'; message: string }
  | { reason: 'past'; message: string }
  | { reason: 'unavailable'; message: string };

export function shiftsOn(venue: Venue, date: string): Shift[] {
  const day = weekdayOf(date);
  return venue.shifts.filter((s) => s.days.includes(day));
}

/** The seating duration of a party in a shift: the exact size's entry, else the `-1` default. */
export function durationFor(shift: Shift, partySize: number): number {
  return shift.durationByPartySize[String(partySize)] ?? shift.durationByPartySize['-1'] ?? 90;
}

/** Covers allowed to start at `startMin` in a shift (custom pacing wins over the per-interval default). */
export function pacingCapacity(shift: Shift, startMin: number): number {
  return shift.customPacing[formatHHMM(startMin)] ?? shift.coversPerSeatingInterval;
}

/** The shift whose seating grid contains `startMin`, if any. */
export function shiftAt(venue: Venue, date: string, startMin: number): Shift | undefined {
  return shiftsOn(venue, date).find(
    (s) => startMin >= s.startMin && startMin < s.endMin && (startMin - s.startMin) % s.intervalMinutes === 0,
  );
}

function ruleFor(venue: Venue, shift: Shift, q: SlotQuery, startMin: number): AccessRule | undefined {
  return venue.accessRules.find(
    (r) =>
      r.shiftPersistentIds.includes(shift.persistentId) &&
      r.channels.includes(q.channel) &&
      q.partySize >= r.partySizeMin &&
      q.partySize <= r.partySizeMax &&
      startMin >= r.startMin &&
      startMin <= r.endMin,
  );
}

/** Precomputed occupancy of one venue and date: busy intervals per table and covers per start time. */
export class Occupancy {
  readonly #busy = new Map<string, [number, number][]>();
  readonly #covers = new Map<number, number>();
  readonly #heldTimes = new Set<number>();

  constructor(reservations: Iterable<Occupant>, holds: Iterable<Occupant>, ignoreIds?: ReadonlySet<string>) {
    for (const r of reservations) if (!ignoreIds?.has(r.id)) this.#add(r);
    for (const h of holds) {
      if (ignoreIds?.has(h.id)) continue;
      this.#add(h);
      this.#heldTimes.add(h.startMin);
    }
  }

  /** Counts one more occupant (the seeder books a whole day incrementally instead of rebuilding). */
  add(o: Occupant): void {
    this.#add(o);
  }

  #add(o: Occupant): void {
    this.#covers.set(o.startMin, (this.#covers.get(o.startMin) ?? 0) + o.partySize);
    for (const tableId of o.tableIds) {
      let list = this.#busy.get(tableId);
      if (!list) this.#busy.set(tableId, (list = []));
      list.push([o.startMin, o.startMin + o.durationMin]);
    }
  }

  coversAt(startMin: number): number {
    return this.#covers.get(startMin) ?? 0;
  }

  isHeldAt(startMin: number): boolean {
    return this.#heldTimes.has(startMin);
  }

  isTableFree(tableId: string, startMin: number, endMin: number): boolean {
    const list = this.#busy.get(tableId);
    if (!list) return true;
    for (const [s, e] of list) if (s < endMin && startMin < e) return false;
    return true;
  }

  /** The smallest table that seats the party and is free for the whole stay. */
  bestTable(
    tables: readonly Table[],
    partySize: number,
    startMin: number,
    durationMin: number,
  ): Table | null {
    let best: Table | null = null;
    for (const t of tables) {
      if (partySize < t.minCovers || partySize > t.maxCovers) continue;
      if (best && t.maxCovers >= best.maxCovers) continue;
      if (this.isTableFree(t.id, startMin, startMin + durationMin)) best = t;
    }
    return best;
  }
}

/** The earliest seating time still offered on `date` at `nowMs`: -1 for future dates, Infinity for past ones. */
function cutoffMinute(venue: Venue, date: string, nowMs: number): number {
  const local = venueLocal(nowMs, venue.timeZone);
  if (date < local.date) return Infinity;
  return date === local.date ? local.minutes : -1;
}

/**
 * Every bookable slot of the venue on the date within [fromMin, toMin] for the party, earliest first.
 */
export function availableSlots(q: SlotQuery, occupancy: Occupancy, fromMin: number, toMin: number): Slot[] {
  const cutoff = cutoffMinute(q.venue, q.date, q.nowMs);
  const slots: Slot[] = [];
  for (const shift of shiftsOn(q.venue, q.date)) {
    const durationMin = q.durationMin ?? durationFor(shift, q.partySize);
    for (let t = shift.startMin; t < shift.endMin; t += shift.intervalMinutes) {
      if (t < fromMin || t > toMin || t <= cutoff) continue;
      const slot = evaluate(q, occupancy, shift, t, durationMin);
      if (slot && slot.table && slot.coversRemaining >= q.partySize) slots.push(slot);
    }
  }
  return slots.sort((a, b) => a.startMin - b.startMin);
}

function evaluate(
  q: SlotQuery,
  occupancy: Occupancy,
  shift: Shift,
  t: number,
  durationMin: number,
): Slot | null {
  const rule = ruleFor(q.venue, shift, q, t);
  if (!rule) return null;
  return {
    shift,
    rule,
    startMin: t,
    durationMin,
    coversRemaining: Math.max(0, pacingCapacity(shift, t) - occupancy.coversAt(t)),
    isHeld: occupancy.isHeldAt(t),
    table: occupancy.bestTable(q.venue.tables, q.partySize, t, durationMin),
  };
}

/**
 * Checks one requested time for booking or holding. With `bypassAvailability` only the shift grid
 * is enforced (as SevenRooms' `bypass_availability` lets staff overbook); a free table is still
 * assigned when there is one.
 */
export function checkSlot(
  q: SlotQuery,
  occupancy: Occupancy,
  startMin: number,
  options: { accessPersistentId?: string | undefined; bypassAvailability?: boolean } = {},
): Slot | SlotRefusal {
  const shift = shiftAt(q.venue, q.date, startMin);
  if (!shift) return { reason: 'no_shift', message: 'No shift found for date and time' };
  const durationMin = q.durationMin ?? durationFor(shift, q.partySize);
  const slot = evaluate(q, occupancy, shift, startMin, durationMin);
  if (options.bypassAvailability) {
    const rule =
      slot?.rule ?? q.venue.accessRules.find((r) => r.shiftPersistentIds.includes(shift.persistentId));
    return {
      shift,
      rule: rule!,
      startMin,
      durationMin,
      coversRemaining: slot?.coversRemaining ?? 0,
      isHeld: slot?.isHeld ?? false,
      table: slot?.table ?? occupancy.bestTable(q.venue.tables, q.partySize, startMin, durationMin),
    };
  }
  if (!slot) {
    return {
      reason: 'no_access_rule',
      message: `No access rule allows a party of ${q.partySize} at ${formatHHMM(startMin)} on ${q.date}`,
    };
  }
  if (options.accessPersistentId && options.accessPersistentId !== slot.rule.persistentId) {
    return {
      reason: 'no_access_rule',
      message: `access_persistent_id ${options.accessPersistentId} does not apply to ${formatHHMM(startMin)} on ${q.date}`,
    };
  }
  if (startMin <= cutoffMinute(q.venue, q.date, q.nowMs)) {
    return { reason: 'past', message: `The time slot ${q.date} ${formatHHMM(startMin)} has already passed` };
  }
  if (!slot.table || slot.coversRemaining < q.partySize) {
    return {
      reason: 'unavailable',
      message: `The time slot ${q.date} ${formatHHMM(startMin)} is no longer available for a party of ${q.partySize}`,
    };
  }
  return slot;
}

export const isRefusal = (x: Slot | SlotRefusal): x is SlotRefusal => 'reason' in x;
