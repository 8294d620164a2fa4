import { parseDatastoreKey } from '../domain/ids.js';
import { dayNumber, FIRST_DAY, formatDay, LAST_DAY, parseTime } from '../domain/time.js';
import { badRequest, MESSAGES } from '../errors.js';
import { str, type Fields } from './context.js';

/**
 * Checks the spec cannot express: a date that matches the pattern but is not on the calendar,
 * time windows that run backwards, ranges that are too long.
 */
export function calendarDate(fields: Fields, name: string): string;
export function calendarDate(fields: Fields, name: string, optional: true): string | undefined;
export function calendarDate(fields: Fields, name: string, optional = false): string | undefined {
  const value = str(fields, name);
  if (value === undefined) {
    if (optional) return undefined;
    throw badRequest(`Missing required field ${name}`);
  }
  const day = dayNumber(value);
  if (day === null) throw badRequest(`${name} must be a real date in YYYY-MM-DD format; got ${value}`);
  if (day < FIRST_DAY || day > LAST_DAY)
    throw badRequest(`${name} must be between 2000-01-01 and 2099-12-31; got ${value}`);
  return value;
}

/** `start_time`..`end_time` as minutes; the whole day when both are absent. */
export function timeWindow(fields: Fields): { fromMin: number; toMin: number } {
  const from = str(fields, 'start_time');
  const to = str(fields, 'end_time');
  const fromMin = from === undefined ? 0 : parseTime(from);
  const toMin = to === undefined ? 24 * 60 - 1 : parseTime(to);
  if (fromMin === null) throw badRequest(`start_time must be HH:MM; got ${from}`);
  if (toMin === null) throw badRequest(`end_time must be HH:MM; got ${to}`);
  if (toMin < fromMin) throw badRequest(`end_time ${to} is before start_time ${from}`);
  return { fromMin, toMin };
}

/** Dates from `from` to `to` inclusive must not run backwards nor span more than `maxDays` (at most 366). */
export function dateRange(from: string, to: string, maxDays: number, names = ['from_date', 'to_date']): void {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (first === null || last === null) throw badRequest(`${names[0]} and ${names[1]} must be real dates`);
  if (last < first) throw badRequest(`${names[1]} ${to} is before ${names[0]} ${from}`);
  if (last - first >= Math.min(maxDays, 366))
    throw badRequest(`The range ${from}..${to} is longer than ${maxDays} days`);
}

/** The dates of a range {@link dateRange} accepted, walked on day numbers (never on strings). */
export function datesOf(from: string, to: string): string[] {
  const first = dayNumber(from)!;
  return Array.from({ length: dayNumber(to)! - first + 1 }, (_, i) => formatDay(first + i));
}

/** Refuses ids that can be neither a reservation key nor a reference code, with the real API's words. */
export function reservationIdParam(id: string): string {
  if (parseDatastoreKey(id) === null && !/^[A-Z0-9]{7}$/.test(id))
    throw badRequest(MESSAGES.invalidReservationId);
  return id;
}
