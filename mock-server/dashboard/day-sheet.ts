/**
 * One venue's day as the dashboard draws it: every reservation of the date (finished and cancelled
 * ones too, for the timeline), live holds, pending reservation requests, and — for today — what each
 * table is doing now.
 */
import { customStatusLabels } from '../domain/custom-statuses.js';
import { statusDisplay } from '../domain/status.js';
import { shiftsOn } from '../domain/availability.js';
import { formatHHMM, venueLocal } from '../domain/time.js';
import type { Venue } from '../domain/model.js';
import type { RequestStatus, ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { floorStates, type FloorBooking, type FloorHold, type TableOnFloor } from './floor-state.js';

export interface DayReservation extends FloorBooking {
  statusDisplay: string;
  tableNumbers: string[];
  reservationType: string;
  bookedBy: string;
  seatedTime: string | null;
  leftTime: string | null;
  notes: string | null;
  arrivalTime: string;
}

export interface DayHold extends FloorHold {
  tableNumbers: string[];
  /** Seconds of mock time left. */
  expiresInSec: number;
}

export interface DayRequest {
  id: string;
  startMin: number;
  arrivalTime: string;
  partySize: number;
  guestName: string;
  status: RequestStatus;
}

export interface DaySheet {
  venueId: string;
  date: string;
  isToday: boolean;
  nowMs: number;
  /** Venue-local minutes of now when `date` is today, else null. */
  nowMin: number | null;
  shifts: { name: string; category: string; startMin: number; endMin: number }[];
  reservations: DayReservation[];
  holds: DayHold[];
  requests: DayRequest[];
  /** Table states at now; only for today. */
  floor: TableOnFloor[] | null;
}

const guestNameOf = (store: Store, r: ReservationRecord) => {
  const client = store.clients.get(r.clientId);
  const first = r.firstName ?? client?.firstName ?? '';
  const last = r.lastName ?? client?.lastName ?? '';
  return `${first} ${last}`.trim() || 'Guest';
};

/** The venue's reservations on a date, every status, earliest first. */
function reservationsOn(store: Store, venue: Venue, date: string): ReservationRecord[] {
  return [...store.reservationsOnDate(venue.id, date)].sort(
    (a, b) => a.startMin - b.startMin || a.seq - b.seq,
  );
}

export function daySheet(store: Store, venue: Venue, date: string): DaySheet {
  const nowMs = store.clock.now();
  const local = venueLocal(nowMs, venue.timeZone);
  const isToday = local.date === date;
  const tableNumber = new Map(venue.tables.map((t) => [t.id, t.number]));
  const labels = customStatusLabels(venue);
  const numbers = (ids: readonly string[]) => ids.map((id) => tableNumber.get(id) ?? id);

  const reservations = reservationsOn(store, venue, date).map((r): DayReservation => ({
    id: r.id,
    referenceCode: r.referenceCode,
    status: r.status,
    statusDisplay: statusDisplay(r.status, labels).display,
    startMin: r.startMin,
    durationMin: r.durationMin,
    partySize: r.partySize,
    tableIds: r.tableIds,
    tableNumbers: numbers(r.tableIds),
    guestName: guestNameOf(store, r),
    reservationType: r.reservationType,
    bookedBy: r.bookedBy,
    seatedTime: r.seatedTime,
    leftTime: r.leftTime,
    notes: r.notes,
    arrivalTime: formatHHMM(r.startMin),
  }));
  const holds = store
    .liveHolds(venue.id, date)
    .map((h): DayHold => ({
      id: h.id,
      startMin: h.startMin,
      durationMin: h.durationMin,
      partySize: h.partySize,
      tableIds: h.tableIds,
      tableNumbers: numbers(h.tableIds),
      expiresMs: h.expiresMs,
      expiresInSec: Math.max(0, Math.round((h.expiresMs - nowMs) / 1000)),
    }))
    .sort((a, b) => a.startMin - b.startMin);
  const requests: DayRequest[] = [];
  for (const q of store.requests.values()) {
    if (q.venueId !== venue.id || q.date !== date) continue;
    requests.push({
      id: q.id,
      startMin: q.startMin,
      arrivalTime: formatHHMM(q.startMin),
      partySize: q.partySize,
      guestName: `${q.firstName} ${q.lastName}`.trim(),
      status: q.status,
    });
  }
  requests.sort((a, b) => a.startMin - b.startMin);
  const floor = isToday
    ? floorStates(
        venue.tables,
        reservations.filter(
          (r) => r.status !== 'CANCELED' && r.status !== 'NO_SHOW' && r.status !== 'COMPLETE',
        ),
        holds,
        local.minutes,
      )
    : null;
  return {
    venueId: venue.id,
    date,
    isToday,
    nowMs,
    nowMin: isToday ? local.minutes : null,
    shifts: shiftsOn(venue, date).map((s) => ({
      name: s.name,
      category: s.category,
      startMin: s.startMin,
      endMin: s.endMin,
    })),
    reservations,
    holds,
    requests,
    floor,
  };
}
