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
  /** Values drawn since seeding: the stream's position, so a restored world continues it. */
  #drawn = 0;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    // Mix the seed through before the first id, as sfc32's authors recommend.
    for (let i = 0; i < 12; i++) this.#next();
    this.#drawn = 0;
  }

  position(): number {
    return this.#drawn;
  }

  /** Moves forward to `position` (never back), drawing and discarding. */
  advanceTo(position: number): void {
    while (this.#drawn < position) this.#next();
  }

  /** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG): 32 random bits. */
  #next(): number {
    this.#drawn++;
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
    return `${Math.floor(nowMs / 1000)}.${hex32(a)}-${hex16(b >>> 16)}-${hex16((b & 0x0fff) | 0x4000)}-${hex16(((c >>> 16) & 0x3fff) | 0x8000)}-${hex16(c & 0xffff)}${hex32(d)}`;
  }
}

/** Two hex digits per byte value, so an id is a few table lookups (it is made on every request). */
const BYTE_HEX = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));
const hex16 = (n: number) => BYTE_HEX[(n >>> 8) & 0xff]! + BYTE_HEX[n & 0xff]!;
const hex32 = (n: number) => hex16(n >>> 16) + hex16(n & 0xffff);
