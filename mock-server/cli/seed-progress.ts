import type { SeedProgress } from '../seed/seed-store.js';

/**
 * A one-line counter for the terminal while a large world is seeded (100,000 guests take seconds):
 * rewritten in place with `\r`, at most every 100 ms, and only after the first half second, so a
 * default start prints nothing. Wall time is right here: it paces the display, not the mock.
 */
export function seedProgressCounter(
  out: { write(text: string): unknown },
  { delayMs = 500, everyMs = 100 }: { delayMs?: number; everyMs?: number } = {},
) {
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(progress: SeedProgress) {
      const now = performance.now();
      if (now - started < delayMs || now - last < everyMs) return;
      last = now;
      shown = true;
      out.write(
        `\rSeeding… ${progress.venuesDone}/${progress.venues} venues, ${progress.reservations.toLocaleString('en-US')} reservations`,
      );
    },
    done() {
      if (shown)
        out.write(`\rSeeded in ${((performance.now() - started) / 1000).toFixed(1)} s.${' '.repeat(40)}\n`);
    },
  };
}
