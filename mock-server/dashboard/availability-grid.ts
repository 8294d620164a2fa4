/**
 * Slots × party sizes for one venue and date, computed by the same search the availability
 * operations run (searchDay), so a green cell is exactly a slot an integrator's query returns.
 * Each row also carries the slot's pacing: covers allowed to start, already taken, and left.
 */
import { pacingCapacity, shiftsOn } from '../domain/availability.js';
import { occupancyOf } from '../domain/holds.js';
import type { Channel, Venue } from '../domain/model.js';
import { searchDay } from '../domain/search.js';
import { formatHHMM } from '../domain/time.js';
import type { Store } from '../store/store.js';

export interface GridCell {
  partySize: number;
  bookable: boolean;
  /** The table the search would assign, when bookable. */
  tableNumber: string | null;
}

export interface GridRow {
  time: string;
  startMin: number;
  shiftName: string;
  category: string;
  pacingCapacity: number;
  coversTaken: number;
  coversRemaining: number;
  isHeld: boolean;
  cells: GridCell[];
}

export interface AvailabilityGrid {
  venueId: string;
  date: string;
  channel: Channel;
  partySizes: number[];
  isClosed: boolean;
  rows: GridRow[];
}

/** Party sizes shown: 1 up to the largest table, at most 12 columns. */
export function gridPartySizes(venue: Venue): number[] {
  const largest = Math.min(12, Math.max(2, ...venue.tables.map((t) => t.maxCovers)));
  return Array.from({ length: largest }, (_, i) => i + 1);
}

export function availabilityGrid(
  store: Store,
  venue: Venue,
  date: string,
  channel: Channel,
): AvailabilityGrid {
  const partySizes = gridPartySizes(venue);
  const shifts = shiftsOn(venue, date);
  const occupancy = occupancyOf(store, venue.id, date);
  const bookable = new Map<number, Map<number, string | null>>();
  for (const partySize of partySizes) {
    const day = searchDay(store, { venue, date, partySize, channel, fromMin: 0, toMin: 24 * 60 });
    bookable.set(partySize, new Map(day.slots.map((s) => [s.startMin, s.table?.number ?? null])));
  }
  const rows: GridRow[] = [];
  for (const shift of shifts) {
    for (let t = shift.startMin; t < shift.endMin; t += shift.intervalMinutes) {
      const capacity = pacingCapacity(shift, t);
      const taken = occupancy.coversAt(t);
      rows.push({
        time: formatHHMM(t),
        startMin: t,
        shiftName: shift.name,
        category: shift.category,
        pacingCapacity: capacity,
        coversTaken: taken,
        coversRemaining: Math.max(0, capacity - taken),
        isHeld: occupancy.isHeldAt(t),
        cells: partySizes.map((partySize) => {
          const slots = bookable.get(partySize)!;
          return { partySize, bookable: slots.has(t), tableNumber: slots.get(t) ?? null };
        }),
      });
    }
  }
  rows.sort((a, b) => a.startMin - b.startMin);
  return { venueId: venue.id, date, channel, partySizes, isClosed: shifts.length === 0, rows };
}
