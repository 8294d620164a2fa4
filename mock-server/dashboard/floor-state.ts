/**
 * What each table is doing at the mock's now, the way a host stand reads the floor: seated, running
 * late, held by someone mid-booking, booked soon, or free. Pure: the day sheet passes the day's
 * reservations and live holds.
 */
import type { Table } from '../domain/model.js';

export type TableState = 'seated' | 'late' | 'held' | 'soon' | 'free';

/** A reservation as the floor needs it. */
export interface FloorBooking {
  id: string;
  referenceCode: string;
  status: string;
  startMin: number;
  durationMin: number;
  partySize: number;
  tableIds: readonly string[];
  guestName: string;
}

export interface FloorHold {
  id: string;
  startMin: number;
  durationMin: number;
  partySize: number;
  tableIds: readonly string[];
  expiresMs: number;
}

export interface TableOnFloor {
  tableId: string;
  state: TableState;
  /** The reservation the state is about (seated, late, soon), or the next one later today when free. */
  reservationId: string | null;
  holdId: string | null;
  /** One line for the tile: who, how many, when. */
  label: string;
  /** Minutes: late by, seated for, or until the booking starts. */
  minutes: number | null;
}

/** How far ahead a booking makes its table "booked soon". */
export const SOON_MINUTES = 90;

const SEATED = new Set(['SEATED', 'PAID']);
const EXPECTED = new Set(['CONFIRMED', 'NO_ANSWER', 'ARRIVED']);

const hhmm = (min: number) =>
  `${String(Math.floor(min / 60) % 24).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/**
 * The state of every table at `nowMin` (venue-local minutes of today). Precedence: seated, then late,
 * then held, then booked soon, then free (with the next booking of the day, if any, as its label).
 */
export function floorStates(
  tables: readonly Table[],
  bookings: readonly FloorBooking[],
  holds: readonly FloorHold[],
  nowMin: number,
): TableOnFloor[] {
  const byTable = new Map<string, FloorBooking[]>();
  for (const b of bookings) {
    for (const t of b.tableIds) {
      let list = byTable.get(t);
      if (!list) byTable.set(t, (list = []));
      list.push(b);
    }
  }
  return tables.map((table): TableOnFloor => {
    const mine = (byTable.get(table.id) ?? []).sort((a, b) => a.startMin - b.startMin);
    // A venue's custom statuses are stages of service ("Entrée", "Check dropped"): the party is at the table.
    const seated = mine.find((b) => SEATED.has(b.status) || b.status.startsWith('CUSTOM_STATUS_'));
    if (seated) {
      return on(
        table,
        'seated',
        seated,
        null,
        `${seated.guestName} ×${seated.partySize}`,
        nowMin - seated.startMin,
      );
    }
    const late = mine.find(
      (b) =>
        b.status !== 'ARRIVED' &&
        EXPECTED.has(b.status) &&
        b.startMin <= nowMin &&
        nowMin < b.startMin + b.durationMin,
    );
    if (late)
      return on(table, 'late', late, null, `${late.guestName} ×${late.partySize}`, nowMin - late.startMin);
    const hold = holds.find((h) => h.tableIds.includes(table.id));
    if (hold) {
      return {
        tableId: table.id,
        state: 'held',
        reservationId: null,
        holdId: hold.id,
        label: `hold ×${hold.partySize} for ${hhmm(hold.startMin)}`,
        minutes: hold.startMin - nowMin,
      };
    }
    const upcoming = mine.find(
      (b) =>
        EXPECTED.has(b.status) &&
        (b.startMin > nowMin || (b.status === 'ARRIVED' && nowMin < b.startMin + b.durationMin)),
    );
    if (upcoming && upcoming.startMin - nowMin <= SOON_MINUTES) {
      const what = upcoming.status === 'ARRIVED' ? 'arrived' : hhmm(upcoming.startMin);
      return on(
        table,
        'soon',
        upcoming,
        null,
        `${upcoming.guestName} ×${upcoming.partySize} · ${what}`,
        upcoming.startMin - nowMin,
      );
    }
    if (upcoming) {
      return on(
        table,
        'free',
        upcoming,
        null,
        `next ${hhmm(upcoming.startMin)} · ${upcoming.guestName} ×${upcoming.partySize}`,
        upcoming.startMin - nowMin,
      );
    }
    return {
      tableId: table.id,
      state: 'free',
      reservationId: null,
      holdId: null,
      label: 'nothing booked',
      minutes: null,
    };
  });
}

function on(
  table: Table,
  state: TableState,
  booking: FloorBooking,
  holdId: string | null,
  label: string,
  minutes: number,
): TableOnFloor {
  return { tableId: table.id, state, reservationId: booking.id, holdId, label, minutes };
}
