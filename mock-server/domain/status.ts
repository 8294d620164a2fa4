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

/** A status the API always knows. */
export type StandardStatus = keyof typeof RESERVATION_STATUSES;
/** A venue-defined status (`CUSTOM_STATUS_1`, ...), with its label in the venue fixture. */
export type CustomStatus = `CUSTOM_STATUS_${number}`;
export type ReservationStatus = StandardStatus | CustomStatus;

export const isStandardStatus = (s: string): s is StandardStatus => Object.hasOwn(RESERVATION_STATUSES, s);
export const isCustomStatus = (s: string): s is CustomStatus => /^CUSTOM_STATUS_\d{1,3}$/.test(s);
/** A standard status or anything shaped like a custom one (whether a venue defines it is checked elsewhere). */
export const isReservationStatus = (s: string): s is ReservationStatus =>
  isStandardStatus(s) || isCustomStatus(s);

/** How a status renders: standard ones from the table above, custom ones from the venue's own label. */
export function statusDisplay(
  status: ReservationStatus,
  customLabels: Readonly<Record<string, string>>,
): { display: string; code: string; simple: string } {
  if (isStandardStatus(status)) return RESERVATION_STATUSES[status];
  return { display: customLabels[status] ?? status, code: status, simple: 'Active' };
}

/** Statuses whose party holds (or will hold) a table; the others free it. */
export function occupiesTable(status: ReservationStatus): boolean {
  return status !== 'CANCELED' && status !== 'NO_SHOW' && status !== 'COMPLETE';
}

/** Moves a venue may make from each status. Terminal statuses move nowhere. */
const TRANSITIONS: Readonly<Record<StandardStatus, readonly StandardStatus[]>> = {
  CONFIRMED: ['NO_ANSWER', 'ARRIVED', 'SEATED', 'NO_SHOW', 'CANCELED', 'COMPLETE'],
  NO_ANSWER: ['CONFIRMED', 'ARRIVED', 'SEATED', 'NO_SHOW', 'CANCELED'],
  ARRIVED: ['SEATED', 'COMPLETE', 'NO_SHOW', 'CANCELED'],
  SEATED: ['PAID', 'COMPLETE'],
  PAID: ['COMPLETE'],
  COMPLETE: [],
  NO_SHOW: ['CONFIRMED'],
  CANCELED: [],
};

/** Statuses a custom status may be entered from: every live one (a custom status is an active state). */
const INTO_CUSTOM: ReadonlySet<StandardStatus> = new Set([
  'CONFIRMED',
  'NO_ANSWER',
  'ARRIVED',
  'SEATED',
  'PAID',
]);

/**
 * Custom statuses are venue-defined active states ("Do Not Move", "Awaiting Cc Details"): they may be
 * entered from any live status or another custom one, and left for wherever a booked (CONFIRMED) or
 * paid party may go.
 */
export function canTransition(from: ReservationStatus, to: ReservationStatus): boolean {
  if (from === to) return true;
  if (isCustomStatus(to)) return isCustomStatus(from) || INTO_CUSTOM.has(from as StandardStatus);
  if (isCustomStatus(from)) return TRANSITIONS.CONFIRMED.includes(to as StandardStatus) || to === 'PAID';
  return TRANSITIONS[from as StandardStatus].includes(to as StandardStatus);
}
