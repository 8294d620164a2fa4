/**
 * Request ids as SevenRooms writes them — `<epoch seconds>.<uuid v4>` — from their own seeded
 * stream. Every answer carries one, so they are drawn from a small counter-free generator (sfc32)
 * rather than Faker, whose `string.uuid()` draws 31 values one hex digit at a time and was a few
 * per cent of a small read's cost. Same seed, same sequence.
 */
export class RequestIds {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    // Mix the seed through before the first id, as sfc32's authors recommend.
    for (let i = 0; i < 12; i++) this.#next();
  }

  /** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG): 32 random bits. */
  #next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  next(nowMs: number): string {
    const a = this.#next();
    const b = this.#next();
    const c = this.#next();
    const d = this.#next();
    return `${Math.floor(nowMs / 1000)}.${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex((b & 0x0fff) | 0x4000, 4)}-${hex(((c >>> 16) & 0x3fff) | 0x8000, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
