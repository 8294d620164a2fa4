import type { Store } from '../store/store.js';

/** How much lived-in history a fresh server generates. */
export interface SeedVolume {
  /** Guests per venue group. */
  guests: number;
  /** Days of past reservations. */
  daysOfHistory: number;
  /** Days of future bookings. */
  daysAhead: number;
}

export const DEFAULT_VOLUME: SeedVolume = { guests: 0, daysOfHistory: 0, daysAhead: 0 };

/** Fills a fresh store with seeded guests and reservation history. */
export function seedStore(
  store: Store,
  options: { seed: number; volume?: Partial<SeedVolume> | undefined },
): void {
  const volume = { ...DEFAULT_VOLUME, ...options.volume };
  void store;
  void volume;
}
