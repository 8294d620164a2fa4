/**
 * Calendar and wall-clock arithmetic for venue-local times. Dates are `YYYY-MM-DD` strings and times
 * are minutes after midnight, venue-local; only "now" needs a time-zone conversion, done with Intl.
 */

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, or `null` when the string is not a real date. */
export function dayNumber(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (!Number.isFinite(ms) || formatDay(ms / DAY_MS) !== date) return null;
  return ms / DAY_MS;
}

/**
 * The dates the mock accepts (a convention stated in the spec): years 2000 to 2099. Bounded dates keep
 * every date loop short and every date arithmetic inside what `Date` formats as `YYYY-MM-DD`.
 */
export const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS;
export const LAST_DAY = Date.UTC(2099, 11, 31) / DAY_MS;

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDay((dayNumber(date) ?? 0) + days);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date((dayNumber(date) ?? 0) * DAY_MS).getUTCDay()]!;
}

/** Minutes after midnight for `HH:MM` (or `HH:MM:SS`), or `null` when malformed. */
export function parseTime(time: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `19:00` */
export const formatHHMM = (min: number) => `${pad(Math.floor(min / 60) % 24)}:${pad(min % 60)}`;
/** `19:00:00` (the API's `time_slot_iso`) */
export const formatIsoTime = (min: number) => `${formatHHMM(min)}:00`;
/** `7:00 PM` (the API's `arrival_time` and `time_slot`) */
export function formatArrivalTime(min: number): string {
  const h24 = Math.floor(min / 60) % 24;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}:${pad(min % 60)} ${h24 < 12 ? 'AM' : 'PM'}`;
}
/** `7:00 pm` (the API's `time_display`) */
export const formatTimeDisplay = (min: number) => formatArrivalTime(min).toLowerCase();
/** `2019-04-12 19:00:00` (the API's `real_datetime_of_slot`, venue-local) */
export const formatSlotDateTime = (date: string, min: number) => `${date} ${formatIsoTime(min)}`;

/** Naive ISO with microseconds, UTC: `2019-04-11T21:30:34.703000` (the API's `created`/`updated`). */
export function formatNaiveIso(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}000`;
}

/** Parses a naive ISO datetime (as the API writes them) or a date as UTC; `null` when malformed. */
export function parseNaiveIso(value: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z|[+-]00:?00)?$/.exec(
    value,
  );
  if (!m || dayNumber(m[1]!) === null) return null;
  const [h, mi, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Math.floor(Number(`0.${m[5] ?? '0'}`) * 1000);
  return dayNumber(m[1]!)! * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/**
 * Parses an instant in any ISO 8601 form clients send: a date, or a date and time with `T` or a
 * space, with or without seconds and fractions (any number of digits, truncated to milliseconds),
 * naive (read as UTC, like the API's own `updated`) or with `Z` or an offset `±hh:mm`, `±hhmm` or
 * `±hh`. An offset whose `+` arrived as a space (an unencoded `+` in a query string) is read as `+`.
 * Returns epoch milliseconds, or `null` when malformed.
 *
 * @example parseIsoInstant('2026-11-02T09:57:04.219342+01:00') // 2026-11-02T08:57:04.219Z
 */
export function parseIsoInstant(value: string): number | null {
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|([+\- ])(\d{2})(?::?(\d{2}))?)?)?$/.exec(
      value,
    );
  if (!m || dayNumber(m[1]!) === null) return null;
  const [h, mi, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Number((m[5] ?? '').padEnd(3, '0').slice(0, 3));
  let offsetMin = 0;
  if (m[7] !== undefined) {
    const [oh, om] = [Number(m[8]), Number(m[9] ?? 0)];
    if (oh > 23 || om > 59) return null;
    offsetMin = (m[7] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return dayNumber(m[1]!)! * DAY_MS + ((h * 60 + mi - offsetMin) * 60 + s) * 1000 + ms;
}

/** Naive ISO with microseconds in a venue's zone (for `seated_time`/`left_time`). */
export function formatLocalNaiveIso(epochMs: number, timeZone: string): string {
  const local = venueLocal(epochMs, timeZone);
  const seconds = Math.floor(epochMs / 1000) % 60;
  return `${local.date}T${formatHHMM(local.minutes)}:${pad(seconds)}.${pad(epochMs % 1000, 3)}000`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The venue-local date and minutes-after-midnight of an instant. */
export function venueLocal(epochMs: number, timeZone: string): VenueLocalTime {
  // Zone offsets are whole minutes, so one UTC minute is one local minute: the last answer per zone
  // serves every request in the same minute (Intl's formatToParts costs microseconds a call).
  const minute = Math.floor(epochMs / 60_000);
  const last = lastLocal.get(timeZone);
  if (last && last.minute === minute) return last.value;
  const value = computeVenueLocal(epochMs, timeZone);
  lastLocal.set(timeZone, { minute, value });
  return value;
}

export interface VenueLocalTime {
  readonly date: string;
  readonly minutes: number;
}

const lastLocal = new Map<string, { minute: number; value: VenueLocalTime }>();

function computeVenueLocal(epochMs: number, timeZone: string): VenueLocalTime {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(epochMs)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The first whole-minute instant after `ms` (venue-local times advance by whole minutes). */
export function nextMinute(ms: number): number {
  return (Math.floor(ms / 60_000) + 1) * 60_000;
}
