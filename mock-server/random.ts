import { createFaker } from './faker-instances.js';

/**
 * Seeded randomness for domain code (ids, reference codes, request ids, fault dice). Backed by a
 * per-server Faker instance — never the global one — so two servers with the same seed produce the
 * same sequence whatever else runs in the process.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string;
  /** A random RFC 4122 v4 UUID (deterministic under the seed). */
  uuid(): string;
  /** How many raw draws the stream has made since it was seeded: its position. */
  position(): number;
  /**
   * Moves the stream forward to `position` by drawing and discarding, so a world restored from disk
   * continues its id streams where they stopped instead of repeating them. Never moves backwards.
   */
  advanceTo(position: number): void;
}

interface Randomizer {
  next(): number;
  seed(seed: number | number[]): void;
}

export function createRandom(seed: number): Random {
  const faker = createFaker('en', seed);
  // Count the raw draws under Faker, whatever method made them: the count is the stream's position.
  const core = (faker as unknown as { fakerCore: { randomizer: Randomizer } }).fakerCore;
  const inner = core.randomizer;
  let drawn = 0;
  core.randomizer = {
    next: () => {
      drawn++;
      return inner.next();
    },
    seed: (s) => {
      drawn = 0;
      inner.seed(s);
    },
  };
  return {
    next: () => faker.number.float({ min: 0, max: 1, multipleOf: 2 ** -32 }) % 1,
    int: (min, max) => faker.number.int({ min, max }),
    string: (length, alphabet) => faker.string.fromCharacters(alphabet, length),
    uuid: () => faker.string.uuid(),
    position: () => drawn,
    advanceTo(position) {
      for (; drawn < position; drawn++) inner.next();
    },
  };
}

/** Derives a child seed, so independent streams (seed data, runtime ids, fault dice) do not shift each other. */
export function deriveSeed(seed: number, stream: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}
