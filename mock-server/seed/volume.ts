/**
 * How much lived-in history a fresh server generates, and the validator the CLI flags and scenario
 * files go through. Validation collects every problem before failing, so a user fixes them in one go.
 */

/** Faker locales the seeder knows; `auto` picks per venue group from its venues' country. */
export const SEED_LOCALES = ['auto', 'en_US', 'en_GB'] as const;
export type SeedLocale = (typeof SEED_LOCALES)[number];

/** How much lived-in history a fresh server generates. */
export interface SeedVolume {
  /** Guests (clients) per venue group. */
  guests: number;
  /** Days of past reservations before the clock's "today" (venue-local). */
  daysOfHistory: number;
  /** Days of future bookings after "today" (today itself is always generated). */
  daysAhead: number;
  /**
   * How full a busy (Friday or Saturday) shift gets, as a share of its table capacity, 0..1. Quieter
   * weekdays get proportionally less; the generator never books beyond what tables and pacing allow.
   */
  occupancy: number;
  /** Guest name/phone/address locale; `auto` = en_GB for venue groups whose venues are all in GB, else en_US. */
  locale: SeedLocale;
}

/**
 * Small enough for a cold start under half a second, and still lived-in: three weeks of history,
 * two weeks of bookings ahead, busy nights a third full — about 3.3k reservations and 800 guests. Larger
 * worlds are a flag away (--guests, --history-days, --days-ahead).
 */
export const DEFAULT_VOLUME: SeedVolume = {
  guests: 400,
  daysOfHistory: 21,
  daysAhead: 14,
  occupancy: 0.35,
  locale: 'auto',
};

/** Upper bounds that keep a typo (`--guests 1e9`) from eating the machine. */
const MAX = { guests: 1_000_000, days: 3_650 };

/** A volume setting that cannot be used; the message lists every problem. */
export class VolumeError extends Error {
  readonly code = 'invalid_volume';
  readonly problems: readonly string[];

  constructor(problems: string[], source: string) {
    super(`Invalid seed volume (${source}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'VolumeError';
    this.problems = problems;
  }
}

/** Every accepted spelling of each knob: camelCase (code), snake_case (scenario files), kebab-case (CLI flags). */
const ALIASES: Readonly<Record<string, keyof SeedVolume>> = {
  guests: 'guests',
  daysOfHistory: 'daysOfHistory',
  history_days: 'daysOfHistory',
  'history-days': 'daysOfHistory',
  daysAhead: 'daysAhead',
  days_ahead: 'daysAhead',
  'days-ahead': 'daysAhead',
  occupancy: 'occupancy',
  locale: 'locale',
};

/**
 * Validates volume settings from the CLI (strings) or a scenario file (numbers). Keys may be spelled
 * `daysOfHistory`, `history_days` or `history-days` (likewise `days_ahead`); `undefined` values are
 * skipped so optional flags can be passed through as they are. Throws {@link VolumeError}.
 *
 * @example
 * const volume = parseVolume({ guests: '5000', 'history-days': '365', 'days-ahead': '60', locale: 'en_GB' });
 * createMockServer({ volume });
 */
export function parseVolume(raw: Readonly<Record<string, unknown>>, source = 'volume'): Partial<SeedVolume> {
  const problems: string[] = [];
  const out: Partial<SeedVolume> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const field = ALIASES[key];
    if (!field) {
      problems.push(`unknown setting ${key} (known: guests, history_days, days_ahead, occupancy, locale)`);
      continue;
    }
    if (field === 'locale') {
      if (typeof value === 'string' && (SEED_LOCALES as readonly string[]).includes(value))
        out.locale = value as SeedLocale;
      else problems.push(`locale must be one of ${SEED_LOCALES.join(', ')}; got ${String(value)}`);
      continue;
    }
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
    if (field === 'occupancy') {
      if (typeof value === 'string' && value.trim() === '') problems.push(`${key} must be a number`);
      else if (!Number.isFinite(n) || n < 0 || n > 1)
        problems.push(`${key} must be a number from 0 to 1; got ${String(value)}`);
      else out.occupancy = n;
      continue;
    }
    const max = field === 'guests' ? MAX.guests : MAX.days;
    if ((typeof value === 'string' && value.trim() === '') || !Number.isInteger(n) || n < 0 || n > max) {
      problems.push(`${key} must be a whole number from 0 to ${max}; got ${String(value)}`);
      continue;
    }
    out[field] = n;
  }
  if (problems.length > 0) throw new VolumeError(problems, source);
  return out;
}

/** The defaults overlaid with `patch` (already validated or built in code). */
export function resolveVolume(...patches: (Partial<SeedVolume> | undefined)[]): SeedVolume {
  const volume = { ...DEFAULT_VOLUME };
  for (const patch of patches) {
    if (!patch) continue;
    for (const [k, v] of Object.entries(patch) as [keyof SeedVolume, never][])
      if (v !== undefined) volume[k] = v;
  }
  return volume;
}
