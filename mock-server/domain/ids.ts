import type { Random } from '../random.js';

/**
 * Identifiers in the real API's formats. Entity ids are App Engine datastore keys (a small protobuf,
 * URL-safe base64 without padding), exactly like `ahhzfnNldmVucm9vbXMtc2VjdXJlLWRlbW9y...` in the
 * public docs, so integrations that store or parse them see realistic values.
 */
const APP_ID = 's~sevenrooms-mock';
const APP_ID_BYTES = Buffer.from(APP_ID);
const DATASTORE_KEY_CHARS = /^[A-Za-z0-9_-]{20,200}$/;

export type EntityKind =
  | 'nightloop_VenueGroup'
  | 'nightloop_Venue'
  | 'nightloop_VenueSeatingArea'
  | 'nightloop_VenueTable'
  | 'nightloop_ReservationActual'
  | 'nightloop_VenueGroupClient'
  | 'nightloop_Concierge'
  | 'nightloop_ConciergeGroup'
  | 'nightloop_AccessRule'
  | 'nightloop_WaitlistEntry'
  | 'nightloop_Charge'
  | 'nightloop_ReservationRequest'
  | 'sr_UpsellCategory'
  | 'sr_UpsellCategoryInventory'
  | 'sr_BillingHistory'
  | 'sr_BillingInvoice'
  | 'location_Municipality'
  | 'nightloop_Experience'
  | 'nightloop_Perk'
  | 'nightloop_GenericTagGroup';

function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(n);
  while (v >= 0x80n) {
    out.push(Number((v & 0x7fn) | 0x80n));
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

function lengthDelimited(tag: number, bytes: number[]): number[] {
  return [tag, ...varint(bytes.length), ...bytes];
}

const keyPrefixes = new Map<EntityKind, Buffer>();

/** The bytes every key of `kind` starts with (app, path element header, kind name), built once per kind. */
function keyPrefix(kind: EntityKind): Buffer {
  let prefix = keyPrefixes.get(kind);
  if (!prefix) {
    const kindBytes = [...Buffer.from(kind)];
    prefix = Buffer.from([
      ...lengthDelimited(0x6a, [...Buffer.from(APP_ID)]),
      0x72,
      0, // element length, patched per key (always < 128)
      0x0b,
      ...lengthDelimited(0x12, kindBytes),
      0x18,
    ]);
    keyPrefixes.set(kind, prefix);
  }
  return prefix;
}

/**
 * Encodes a datastore key for `kind` with numeric id `n` (a positive safe integer). Hot path: the
 * seeder mints hundreds of thousands, so the constant prefix is cached and the varint is written
 * with plain arithmetic (safe integers need no BigInt).
 */
export function datastoreKey(kind: EntityKind, n: number): string {
  const prefix = keyPrefix(kind);
  const out = Buffer.allocUnsafe(prefix.length + 9);
  prefix.copy(out, 0);
  let i = prefix.length;
  let v = n;
  while (v >= 0x80) {
    out[i++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  out[i++] = v;
  out[i++] = 0x0c;
  // element = 0x0b .. 0x0c, which starts right after the 0x72 tag and its length byte
  const elementStart = 4 + APP_ID.length;
  out[elementStart - 1] = i - elementStart;
  return out.subarray(0, i).toString('base64url');
}

/** Decodes a key minted by {@link datastoreKey}; `null` for anything else (so callers can answer "Invalid ... ID"). */
export function parseDatastoreKey(key: string): { kind: string; id: number } | null {
  if (!DATASTORE_KEY_CHARS.test(key)) return null;
  const bytes = Buffer.from(key, 'base64url');
  if (bytes[0] !== 0x6a || bytes[1] !== APP_ID_BYTES.length) return null;
  if (bytes.compare(APP_ID_BYTES, 0, APP_ID_BYTES.length, 2, 2 + APP_ID_BYTES.length) !== 0) return null;
  let i = 2 + APP_ID_BYTES.length;
  if (bytes[i] !== 0x72) return null;
  i += 2;
  if (bytes[i] !== 0x0b || bytes[i + 1] !== 0x12) return null;
  const kindLength = bytes[i + 2] ?? 0;
  const kind = bytes.toString('utf8', i + 3, i + 3 + kindLength);
  i += 3 + kindLength;
  if (bytes[i] !== 0x18) return null;
  // Plain arithmetic, not BigInt: every id this mock mints is a safe integer, and this runs on
  // every request that names a reservation.
  let id = 0;
  let scale = 1;
  for (i += 1; i < bytes.length; i++) {
    const b = bytes[i]!;
    id += (b & 0x7f) * scale;
    scale *= 0x80;
    if ((b & 0x80) === 0) break;
  }
  return bytes[i + 1] === 0x0c ? { kind, id } : null;
}

/** A stable numeric id for a fixture key, independent of the seed, so documented fixture ids never move. */
export function stableNumericId(key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  // 2^42 .. 2^52: the magnitude of real datastore ids.
  return 2 ** 42 + ((h1 * 2 ** 10 + (h2 & 0x3ff)) % (2 ** 52 - 2 ** 42));
}

export const stableKey = (kind: EntityKind, fixtureKey: string) =>
  datastoreKey(kind, stableNumericId(fixtureKey));

/** Mints ids for runtime entities from the seeded Random. */
export class IdFactory {
  readonly #random: Random;
  readonly #used = new Set<string>();

  constructor(random: Random) {
    this.#random = random;
  }

  key(kind: EntityKind): string {
    for (;;) {
      const key = datastoreKey(kind, this.#random.int(2 ** 42, 2 ** 52));
      if (!this.#used.has(key)) {
        this.#used.add(key);
        return key;
      }
    }
  }

  /** 7 characters, `[A-Z0-9]`, like `I9YJ5HC`. */
  referenceCode(): string {
    for (;;) {
      const code = this.#random.string(7, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
      if (!this.#used.has(code)) {
        this.#used.add(code);
        return code;
      }
    }
  }

  /** 128 hex characters, as the real `/auth` returns. */
  token(): string {
    return this.#random.string(128, '0123456789abcdef');
  }

  /** `length` characters of `[A-Za-z0-9]`, the body of Stripe-style ids (`pi_…`, `seti_…`) and secrets. */
  alphanumeric(length: number): string {
    return this.#random.string(length, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
  }

  /** `<epoch seconds>.<6 digits>`, like `1550988003.536256`. */
  holdId(nowMs: number): string {
    return `${Math.floor(nowMs / 1000)}.${String(this.#random.int(0, 999_999)).padStart(6, '0')}`;
  }
}
