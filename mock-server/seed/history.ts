/**
 * Reservation history and future bookings of one venue, day by day, obeying the venue's own rules:
 * only shift-grid start times, only party sizes an access rule admits, a free table picked by the
 * availability engine's {@link Occupancy.bestTable}, and a slot's pacing never exceeded. Every
 * party that kept its booking (anything but CANCELED) holds its table for its whole duration, so
 * no table is ever double-booked and no slot overbooked — the seed tests recompute both.
 */
import { Occupancy } from '../domain/availability.js';
import { emptyVenueStats, statsAfterStatusChange } from '../domain/client-stats.js';
import type { IdFactory } from '../domain/ids.js';
import type { AccessRule, Concierge, Table, Venue } from '../domain/model.js';
import type { ReservationStatus } from '../domain/status.js';
import { makeTag } from '../domain/tags.js';
import type { ChargeRecord, ClientRecord, CustomField, ReservationRecord, Tag } from '../store/records.js';
import { addPrepayment } from './charges.js';
import { WeightedList, type Dice } from './dice.js';
import { drawStamps, drawStatus, localNaiveIso, phaseOf } from './lifecycle.js';
import type { GuestLedger } from './ledger.js';
import { VIP_TAG } from './guests.js';
import type { VisitExtras } from './visit-extras.js';
import {
  categoryWeight,
  DAY_WEIGHT,
  MAX_PARTY,
  type GridSlot,
  type LocalDay,
  type ShiftPlan,
  type VenuePlan,
} from './venue-plan.js';

/** Parties of 2 dominate, then 4; big groups are rare. */
const PARTY_SIZE = new WeightedList<number>([
  [1, 5],
  [2, 44],
  [3, 12],
  [4, 22],
  [5, 5],
  [6, 5],
  [7, 1.5],
  [8, 2],
  [9, 0.5],
  [10, 0.8],
  [11, 0.2],
  [12, 0.5],
]);

const BOOKED_BY = new WeightedList<string>([
  ['Online Widget', 45],
  ['Reservation Line', 20],
  ['Google Reserve', 15],
  ['Host Stand', 10],
  ['Instagram', 5],
]);

const OCCASION_TAGS = [
  'Occasion:Birthday',
  'Occasion:Anniversary',
  'Occasion:Business Dinner',
  'Occasion:Date Night',
].map((s) => Object.freeze(makeTag(s)));

/**
 * Shared, frozen lists for the common cases. Seeded records are read far more than written and the
 * store's writers always assign fresh arrays (never push into a record's), so 200k reservations
 * need not carry 400k tiny arrays; a stray in-place mutation would throw instead of corrupting others.
 */
const NO_TAGS = Object.freeze([]) as unknown as Tag[];
const VIP_ONLY = Object.freeze([VIP_TAG]) as Tag[];
const NO_TABLES = Object.freeze([]) as unknown as string[];
const NO_FIELDS = Object.freeze([]) as unknown as CustomField[];

const RESERVATION_NOTES = [
  'Celebrating a birthday; candle on dessert please',
  'High chair needed',
  'Would love a table by the window',
  'Running 10 minutes late',
  'One guest is vegetarian',
  'Allergic to tree nuts',
];

/** A booking the caller insists on (scenario `bookings`): where, who, and optionally how it ended. */
export interface ForcedBooking {
  startMin: number;
  partySize: number;
  status?: ReservationStatus | undefined;
  guest?: ClientRecord | undefined;
  notes?: string | null | undefined;
  tags?: readonly Tag[] | undefined;
  /** Table number; default the smallest free table that fits. */
  table?: string | undefined;
}

/** Everything a day's bookings are written into; one per venue group. */
export interface HistorySink {
  reservations: ReservationRecord[];
  charges: ChargeRecord[];
}

/** Books the days of one venue; holds the per-venue constants so the per-record path allocates little. */
export class VenueHistory {
  readonly #plan: VenuePlan;
  readonly #venue: Venue;
  readonly #dice: Dice;
  readonly #ids: IdFactory;
  readonly #nowMs: number;
  readonly #ledger: GuestLedger;
  readonly #concierges: readonly Concierge[];
  readonly #sink: HistorySink;
  readonly #occupancy: number;
  readonly #extras: VisitExtras;
  readonly #tableIdLists = new Map<Table, string[]>();

  constructor(o: {
    plan: VenuePlan;
    dice: Dice;
    ids: IdFactory;
    nowMs: number;
    ledger: GuestLedger;
    concierges: readonly Concierge[];
    sink: HistorySink;
    occupancy: number;
    extras: VisitExtras;
  }) {
    this.#plan = o.plan;
    this.#venue = o.plan.venue;
    this.#dice = o.dice;
    this.#ids = o.ids;
    this.#nowMs = o.nowMs;
    this.#ledger = o.ledger;
    this.#concierges = o.concierges;
    this.#sink = o.sink;
    this.#occupancy = o.occupancy;
    this.#extras = o.extras;
  }

  /**
   * Books one local day: forced bookings first (they must fit, or this throws), then each shift —
   * at the scenario's `fill` occupancy when one is given for its category, else organically
   * (`organic` false: forced bookings only, for a group without guests).
   */
  bookDay(
    day: LocalDay,
    fills: ReadonlyMap<string, number>,
    forced: readonly ForcedBooking[],
    organic = true,
  ): void {
    const occupancy = new Occupancy([], []);
    const shifts = this.#plan.byWeekday[day.weekday] ?? [];
    for (const booking of forced) this.#bookForced(day, occupancy, shifts, booking);
    if (!organic) return;
    for (const sp of shifts) {
      const fill = fills.get(sp.shift.category);
      if (fill !== undefined) this.#fillShift(day, occupancy, sp, fill);
      else this.#organicShift(day, occupancy, sp);
    }
  }

  /** Demand follows the weekday and the shift. */
  #organicShift(day: LocalDay, occupancy: Occupancy, sp: ShiftPlan): void {
    const weight = (DAY_WEIGHT[day.weekday] ?? 1) * categoryWeight(sp.shift.category);
    const target = Math.round(this.#occupancy * weight * sp.capacity * (0.8 + 0.4 * this.#dice.u()));
    this.#demand(day, occupancy, sp, target, true);
  }

  /**
   * Requests for popular times until `target` parties hold a table; requests for taken times
   * simply fail, as real ones do. Cancelled bookings do not count: they gave their table back.
   */
  #demand(day: LocalDay, occupancy: Occupancy, sp: ShiftPlan, target: number, cancellations: boolean): void {
    const dice = this.#dice;
    let seated = 0;
    for (let attempt = 0; seated < target && attempt < target * 3; attempt++) {
      const slot = sp.slots[dice.weighted(sp.popularity)]!;
      const size = PARTY_SIZE.draw(dice);
      const concierge = this.#concierges.length > 0 && dice.chance(0.07) ? dice.pick(this.#concierges) : null;
      const rule = (concierge ? slot.conciergeRule : slot.apiRule)[size];
      if (!rule) continue;
      const duration = slot.duration[size]!;
      const startUtc = day.utc(slot.startMin);
      const status = drawStatus(dice, phaseOf(this.#nowMs, startUtc, duration), cancellations);
      const table = occupancy.bestTable(this.#venue.tables, size, slot.startMin, duration);
      if (status !== 'CANCELED') {
        if (!table || occupancy.coversAt(slot.startMin) + size > slot.pacing) continue;
        seated++;
      }
      const record = this.#record(day, slot, rule, size, table, status, this.#ledger.pick(dice), concierge);
      if (status !== 'CANCELED') occupancy.add(record);
    }
  }

  /**
   * Books a shift to a set share of what it can hold. Below 1: organic demand aimed at that share
   * of the shift's capacity, whatever the weekday, with no cancellations. At 1 it is booked solid:
   * at every start time every table that could still seat a party gets one (the party size drawn
   * within what the table seats, else the largest that fits), so no party of any size finds a table.
   */
  #fillShift(day: LocalDay, occupancy: Occupancy, sp: ShiftPlan, share: number): void {
    const dice = this.#dice;
    if (share < 1) {
      this.#demand(day, occupancy, sp, Math.round(share * sp.capacity), false);
      return;
    }
    for (const slot of sp.slots) {
      for (const table of this.#venue.tables) {
        const size = this.#fittingSize(occupancy, slot, table);
        if (size === 0) continue;
        const startUtc = day.utc(slot.startMin);
        const status = drawStatus(dice, phaseOf(this.#nowMs, startUtc, slot.duration[size]!), false);
        const guest = this.#ledger.pick(dice);
        const record = this.#record(day, slot, slot.apiRule[size]!, size, table, status, guest, null);
        occupancy.add(record);
      }
    }
  }

  /** A party size the table seats, the slot's rules admit, pacing allows and the table is free for; 0 if none. */
  #fittingSize(occupancy: Occupancy, slot: GridSlot, table: Table): number {
    const remaining = slot.pacing - occupancy.coversAt(slot.startMin);
    const max = Math.min(table.maxCovers, MAX_PARTY, remaining);
    const fits = (p: number) =>
      slot.apiRule[p] !== undefined &&
      occupancy.isTableFree(table.id, slot.startMin, slot.startMin + slot.duration[p]!);
    if (max < table.minCovers) return 0;
    const preferred = this.#dice.int(table.minCovers, max);
    if (fits(preferred)) return preferred;
    for (let p = max; p >= table.minCovers; p--) if (fits(p)) return p;
    return 0;
  }

  #bookForced(day: LocalDay, occupancy: Occupancy, shifts: readonly ShiftPlan[], b: ForcedBooking): void {
    const where = `${this.#venue.key} on ${day.date} at ${String(Math.floor(b.startMin / 60)).padStart(2, '0')}:${String(b.startMin % 60).padStart(2, '0')}`;
    const slot = shifts.flatMap((s) => s.slots).find((s) => s.startMin === b.startMin);
    if (!slot) throw new Error(`Scenario booking ${where}: no shift has that start time on that day`);
    const rule = slot.apiRule[b.partySize];
    if (!rule) throw new Error(`Scenario booking ${where}: no access rule admits a party of ${b.partySize}`);
    const duration = slot.duration[b.partySize]!;
    const candidates = b.table ? this.#venue.tables.filter((t) => t.number === b.table) : this.#venue.tables;
    const table = occupancy.bestTable(candidates, b.partySize, b.startMin, duration);
    if (!table || occupancy.coversAt(b.startMin) + b.partySize > slot.pacing)
      throw new Error(
        `Scenario booking ${where}: no free table${b.table ? ` ${b.table}` : ''} seating ${b.partySize}, or no pacing left`,
      );
    const status =
      b.status ?? drawStatus(this.#dice, phaseOf(this.#nowMs, day.utc(b.startMin), duration), false);
    const guest = b.guest ?? this.#ledger.pick(this.#dice);
    const record = this.#record(day, slot, rule, b.partySize, table, status, guest, null);
    if (b.notes !== undefined) record.notes = b.notes;
    if (b.tags?.length) record.tags = [...record.tags, ...b.tags];
    if (status !== 'CANCELED') occupancy.add(record);
  }

  /** One frozen `[table.id]` per table, shared by every reservation at it (see {@link NO_TABLES}). */
  #tableIds(table: Table): string[] {
    let ids = this.#tableIdLists.get(table);
    if (!ids) this.#tableIdLists.set(table, (ids = Object.freeze([table.id]) as string[]));
    return ids;
  }

  /** Writes one reservation, its charges and its effect on the guest's statistics. */
  #record(
    day: LocalDay,
    slot: GridSlot,
    rule: AccessRule,
    size: number,
    table: Table | null,
    status: ReservationStatus,
    guest: ClientRecord,
    concierge: Concierge | null,
  ): ReservationRecord {
    const dice = this.#dice;
    const duration = slot.duration[size]!;
    const startUtc = day.utc(slot.startMin);
    const stamps = drawStamps(dice, this.#nowMs, status, startUtc, slot.startMin, duration);
    const occasion = dice.chance(0.08) ? dice.pick(OCCASION_TAGS) : null;
    const tags = occasion
      ? guest.isVip
        ? [VIP_TAG, occasion]
        : [occasion]
      : guest.isVip
        ? VIP_ONLY
        : NO_TAGS;
    // Drawn in the order the fields used to be, so the booking stream stays as it was.
    const notes = dice.chance(0.05) ? dice.pick(RESERVATION_NOTES) : null;
    const bookedBy = concierge?.name ?? BOOKED_BY.draw(dice);
    // What the party spent per cover: its POS checks are rung up at this level (visit-extras.ts).
    const spendLevel = status === 'COMPLETE' ? dice.int(4_500, 12_000) : 0;
    const record: ReservationRecord = {
      seq: 0,
      id: this.#ids.key('nightloop_ReservationActual'),
      referenceCode: this.#ids.referenceCode(),
      venueId: this.#venue.id,
      venueGroupId: this.#venue.venueGroupId,
      clientId: guest.id,
      conciergeId: concierge?.id ?? null,
      date: day.date,
      startMin: slot.startMin,
      durationMin: duration,
      partySize: size,
      shiftPersistentId: slot.shift.persistentId,
      accessPersistentId: rule.persistentId,
      shiftCategory: slot.shift.category,
      tableIds: table ? this.#tableIds(table) : NO_TABLES,
      seatingAreaId: table?.seatingAreaId ?? null,
      status,
      reservationType: 'RESERVATION',
      firstName: guest.firstName,
      lastName: guest.lastName,
      email: guest.email,
      phone: guest.phone,
      notes,
      clientRequests: null,
      externalId: null,
      externalUserId: null,
      tags,
      mfRatioMale: 0,
      mfRatioFemale: 0,
      arrivedGuests: stamps.seatedMin === null ? null : size,
      seatedTime: stamps.seatedMin === null ? null : localNaiveIso(day.date, stamps.seatedMin),
      leftTime: stamps.leftMin === null ? null : localNaiveIso(day.date, stamps.leftMin),
      bookedBy,
      costOption: null,
      prepayment: null,
      // Set by the visit extras from the POS checks: the statistics' spend comes from here, so both agree.
      totalPayment: null,
      posSpend: null,
      posCovers: null,
      servedBy: null,
      rating: null,
      customFields: NO_FIELDS,
      externalReferenceCode: null,
      createdMs: stamps.createdMs,
      updatedMs: stamps.updatedMs,
    };
    if (rule.requiresCreditCard || dice.chance(0.03)) {
      addPrepayment(dice, record, rule.requiresCreditCard ? 25 : 40, this.#sink.charges, this.#ids);
    }
    const gross = this.#extras.dress(
      record,
      spendLevel,
      stamps.leftMin === null ? null : day.utc(stamps.leftMin),
    );
    this.#sink.reservations.push(record);
    this.#ledger.touch(guest, record);
    let own = guest.venueStats[record.venueId];
    if (!own) guest.venueStats = { ...guest.venueStats, [record.venueId]: (own = emptyVenueStats()) };
    // Copy the result into the guest's own object: the returned copies then die young instead of
    // piling up in old space (200k bookings would leave tens of MB of garbage there).
    const stats = statsAfterStatusChange(guest, record, null, status, gross);
    if (stats) Object.assign(own, stats[record.venueId]);
    return record;
  }
}
