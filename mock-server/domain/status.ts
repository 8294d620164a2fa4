/**
 * Reservation statuses as the real API spells them, with their display strings. `status_simple`
 * groups are a convention (see docs/decisions/0001).
 */
export const RESERVATION_STATUSES = {
  CONFIRMED: { display: 'Reserved', code: 'RESERVED', simple: 'Active' },
  NO_ANSWER: { display: 'No Answer', code: 'NO_ANSWER', simple: 'Active' },
  ARRIVED: { display: 'Arrived', code: 'ARRIVED', simple: 'Active' },
  SEATED: { display: 'Seated', code: 'SEATED', simple: 'Active' },
  PAID: { display: 'Paid', code: 'PAID', simple: 'Active' },
  COMPLETE: { display: 'Left', code: 'COMPLETE', simple: 'Left' },
  NO_SHOW: { display: 'No Show', code: 'NO_SHOW', simple: 'No Show' },
  CANCELED: { display: 'Canceled', code: 'CANCELED', simple: 'Canceled' },
} as const;

export type ReservationStatus = keyof typeof RESERVATION_STATUSES;

export const isReservationStatus = (s: string): s is ReservationStatus =>
  Object.hasOwn(RESERVATION_STATUSES, s);

/** Statuses whose party holds (or will hold) a table; the others free it. */
export function occupiesTable(status: ReservationStatus): boolean {
  return status !== 'CANCELED' && status !== 'NO_SHOW' && status !== 'COMPLETE';
}

/** Moves a venue may make from each status. Terminal statuses move nowhere. */
const TRANSITIONS: Readonly<Record<ReservationStatus, readonly ReservationStatus[]>> = {
  CONFIRMED: ['NO_ANSWER', 'ARRIVED', 'SEATED', 'NO_SHOW', 'CANCELED', 'COMPLETE'],
  NO_ANSWER: ['CONFIRMED', 'ARRIVED', 'SEATED', 'NO_SHOW', 'CANCELED'],
  ARRIVED: ['SEATED', 'COMPLETE', 'NO_SHOW', 'CANCELED'],
  SEATED: ['PAID', 'COMPLETE'],
  PAID: ['COMPLETE'],
  COMPLETE: [],
  NO_SHOW: ['CONFIRMED'],
  CANCELED: [],
};

export function canTransition(from: ReservationStatus, to: ReservationStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}
