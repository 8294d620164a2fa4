/**
 * Draws tied to one record: a small, fast generator seeded from a record's id (and a salt), so a
 * value can be rebuilt at render time from what the record already stores. The seeder's Faker streams
 * cannot do that cheaply — re-seeding a Faker per record costs far more than rendering the record.
 * Everything is deterministic: ids come from the server's seeded id stream.
 */

/** FNV-1a of `text`, mixed with `salt`: a 32-bit seed. */
export function hashSeed(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Mulberry32: a float in [0, 1) per call, from a 32-bit seed. */
export class RecordDice {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  u(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.u() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.u() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.u() * items.length)]!;
  }
}
