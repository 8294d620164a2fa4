/** The availability engine as pure functions: no server, no HTTP — a venue, an occupancy, a clock reading. */
import { describe, expect, it } from 'vitest';
import {
  availableSlots,
  checkSlot,
  durationFor,
  isRefusal,
  Occupancy,
  pacingCapacity,
  shiftAt,
  type Occupant,
  type SlotQuery,
} from '../mock-server/domain/availability.js';
import type { Venue } from '../mock-server/domain/model.js';
import { buildCatalog } from '../mock-server/fixtures/load-venues.js';

/** A small venue: two 2-tops and one 4-top, dinner 18:00–20:00 every 30 minutes, 6 covers per slot. */
const catalog = buildCatalog({
  venue_groups: [
    {
      key: 'test-group',
      name: 'Test Group',
      venues: [
        {
          key: 'tiny',
          name: 'Tiny',
          time_zone: 'America/New_York',
          seating_areas: [
            {
              key: 'room',
              name: 'Room',
              tables: [
                { numbers: '1-2', min_covers: 1, max_covers: 2 },
                { numbers: '3', min_covers: 3, max_covers: 4 },
              ],
            },
          ],
          shifts: [
            {
              key: 'dinner',
              name: 'Dinner',
              category: 'DINNER',
              days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
              start_time: '18:00',
              end_time: '20:00',
              interval_minutes: 30,
              duration_minutes_by_party_size: { '2': 60, '-1': 90 },
              covers_per_seating_interval: 6,
              custom_pacing: { '19:00': 2 },
              created: 1700000000,
            },
          ],
          access_rules: [
            {
              key: 'all',
              name: 'All',
              shift_keys: ['dinner'],
              party_size_min: 1,
              party_size_max: 4,
              channels: ['RESERVATIONS_API'],
            },
          ],
        },
      ],
    },
  ],
});
const venue: Venue = [...catalog.venues.values()][0]!;
const table = (n: string) => venue.tables.find((t) => t.number === n)!.id;
// Monday 2026-12-07 12:00 in New York.
const NOW = Date.parse('2026-12-07T17:00:00Z');
const query = (partySize: number, extra: Partial<SlotQuery> = {}): SlotQuery => ({
  venue,
  date: '2026-12-08',
  partySize,
  channel: 'RESERVATIONS_API',
  nowMs: NOW,
  ...extra,
});
const booking = (
  id: string,
  startMin: number,
  partySize: number,
  tableNumber: string,
  durationMin = 60,
): Occupant => ({
  id,
  startMin,
  durationMin,
  partySize,
  tableIds: [table(tableNumber)],
});
const times = (q: SlotQuery, occupancy: Occupancy) =>
  availableSlots(q, occupancy, 0, 24 * 60).map((s) => `${s.startMin / 60}`);

describe('availability engine', () => {
  it('offers the shift grid, with duration by party size and custom pacing', () => {
    const empty = new Occupancy([], []);
    expect(times(query(2), empty)).toEqual(['18', '18.5', '19', '19.5']);
    const shift = shiftAt(venue, '2026-12-08', 19 * 60)!;
    expect(durationFor(shift, 2)).toBe(60);
    expect(durationFor(shift, 3)).toBe(90);
    expect(pacingCapacity(shift, 19 * 60)).toBe(2);
    expect(pacingCapacity(shift, 18 * 60)).toBe(6);
    // A party of 3 fits only table 3, and 19:00's pacing (2 covers) cannot take 3 covers.
    expect(times(query(3), empty)).toEqual(['18', '18.5', '19.5']);
  });

  it('a table is free only if no stay overlaps the party’s whole duration', () => {
    const occupancy = new Occupancy([booking('r1', 18 * 60 + 30, 3, '3', 90)], []);
    // The 4-top is busy 18:30–20:00; a 90-minute stay from 18:00 would overlap it.
    expect(times(query(3), occupancy)).toEqual([]);
    expect(occupancy.isTableFree(table('3'), 17 * 60, 18 * 60 + 30)).toBe(true);
  });

  it('holds take capacity like bookings and mark the time as held', () => {
    const hold = booking('h1', 18 * 60, 2, '1');
    const occupancy = new Occupancy([], [hold]);
    const slot = availableSlots(query(2), occupancy, 18 * 60, 18 * 60)[0]!;
    expect(slot).toMatchObject({ isHeld: true, coversRemaining: 4 });
    expect(slot.table?.number).toBe('2');
  });

  it('ignores the occupants it is told to (the reservation being moved, the hold being converted)', () => {
    const own = booking('mine', 19 * 60 + 30, 3, '3', 90);
    expect(times(query(3), new Occupancy([own], []))).toEqual(['18']);
    expect(times(query(3), new Occupancy([own], [], new Set(['mine'])))).toEqual(['18', '18.5', '19.5']);
  });

  it('past times are not offered; today’s remaining ones are', () => {
    const evening = Date.parse('2026-12-08T23:40:00Z'); // 18:40 in New York
    expect(times(query(2, { nowMs: evening }), new Occupancy([], []))).toEqual(['19', '19.5']);
    expect(times(query(2, { nowMs: evening, date: '2026-12-07' }), new Occupancy([], []))).toEqual([]);
  });

  it('checkSlot explains each refusal', () => {
    const empty = new Occupancy([], []);
    const off = checkSlot(query(2), empty, 18 * 60 + 10);
    expect(isRefusal(off) && off).toMatchObject({
      reason: 'no_shift',
      message: 'No shift found for date and time',
    });
    const tooBig = checkSlot(query(5), empty, 18 * 60);
    expect(isRefusal(tooBig) && tooBig.reason).toBe('no_access_rule');
    const full = checkSlot(query(2), new Occupancy([booking('a', 19 * 60, 2, '1')], []), 19 * 60);
    expect(isRefusal(full) && full.reason).toBe('unavailable');
    const bypassed = checkSlot(query(2), new Occupancy([booking('a', 19 * 60, 2, '1')], []), 19 * 60, {
      bypassAvailability: true,
    });
    expect(isRefusal(bypassed)).toBe(false);
  });
});
