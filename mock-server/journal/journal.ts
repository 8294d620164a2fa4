import type { InjectedFault } from '../middleware/types.js';

/** One request as the journal keeps it. `status` 0 means no response was sent (dropped connection, crash). */
export interface JournalEntry {
  /** Sequence number, from 1; never reused, not even after `clear()`. */
  readonly id: number;
  /** Mock-clock time the request arrived, epoch ms and ISO (so it lines up with holds and tokens). */
  readonly at: number;
  readonly atIso: string;
  readonly method: string;
  readonly path: string;
  /** Query string without `?`; `''` if none. */
  readonly query: string;
  readonly operationId: string | undefined;
  readonly credential: string | undefined;
  readonly status: number;
  /** Real (wall) milliseconds until the response headers were ready; excludes slow-body streaming. */
  readonly durationMs: number;
  /** Lower-case names; `authorization` is `[redacted]`. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** `null` when the request had no body. `client_secret` form values are `[redacted]`. */
  readonly requestBody: string | null;
  readonly requestBodyTruncated: boolean;
  readonly responseHeaders: Readonly<Record<string, string>>;
  /**
   * `null` when there was no body; filled in asynchronously as the body streams, so slow bodies are
   * not held back (`RequestJournal.settled()` waits for it).
   */
  responseBody: string | null;
  responseBodyTruncated: boolean;
  readonly faults: readonly InjectedFault[];
  /** Why there is no response (status 0). */
  readonly error?: string;
}

export type NewJournalEntry = Omit<JournalEntry, 'id'>;

/**
 * A new entry as its writer builds it. `id: 0` comes first, so the id {@link RequestJournal.record}
 * assigns is the first key an entry serialises with. Fields that cost something to build (header
 * maps, an ISO time, capped and redacted bodies) may be left as placeholders and computed by the
 * `derive` thunk, which runs once, when the entry is first read: the journal is read far less
 * often than it is written, and one thunk per request is much cheaper than building them.
 */
export type NewLazyJournalEntry = NewJournalEntry & {
  id: 0;
  derive?: (() => Partial<NewJournalEntry>) | undefined;
};

/** What {@link RequestJournal.record} hands back: the fields its writer may still fill in. */
export interface PendingJournalEntry {
  responseBody: string | null;
  responseBodyTruncated: boolean;
}

/** As stored: the writer's object with its id assigned. */
type StoredEntry = Omit<NewLazyJournalEntry, 'id'> & { id: number };

/** Runs an entry's deriving thunk, in place, and returns it as a plain entry. */
function materialise(entry: StoredEntry): JournalEntry {
  const derive = entry.derive;
  if (derive) {
    delete entry.derive;
    Object.assign(entry, derive());
  }
  return entry;
}

/** Filters for {@link RequestJournal.query}; all given must match. */
export interface JournalQuery {
  /** At most this many entries (the most recent matches). */
  limit?: number;
  operationId?: string;
  /** An exact status, or a class such as `"5xx"`. */
  status?: number | `${1 | 2 | 3 | 4 | 5}xx`;
  credential?: string;
}

export interface RequestJournalOptions {
  /** Entries kept; older ones are overwritten. Default 200. */
  capacity?: number;
  /** Bodies are cut at this many bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** When false the middleware does nothing (and clones nothing). Default true. */
  enabled?: boolean;
}

/**
 * A bounded ring buffer of recent requests, for the control API (`GET /__mock/journal`) and tests.
 *
 * @example
 * const journal = new RequestJournal({ capacity: 200 });
 * journal.query({ operationId: 'bookVenueReservation', status: '5xx', limit: 10 });
 */
export class RequestJournal {
  readonly capacity: number;
  readonly maxBodyBytes: number;
  enabled: boolean;
  #ring: (StoredEntry | undefined)[];
  #next = 0;
  #count = 0;
  #seq = 0;
  #pending = new Set<Promise<void>>();

  // 200 by default: every entry keeps its bodies alive, and 1,000 availability answers (23 KB each)
  // held under load cost 10–15 % of throughput in old-generation garbage collection.
  constructor({ capacity = 200, maxBodyBytes = 64 * 1024, enabled = true }: RequestJournalOptions = {}) {
    if (!(Number.isInteger(capacity) && capacity >= 1))
      throw new RangeError('RequestJournal: capacity must be a positive integer');
    this.capacity = capacity;
    this.maxBodyBytes = maxBodyBytes;
    this.enabled = enabled;
    this.#ring = new Array<StoredEntry | undefined>(capacity);
  }

  /**
   * Stores an entry, overwriting the oldest when full, and returns it for the fields its writer
   * fills in later (a body captured from a stream). Its deriving thunk runs when the entry is first
   * read through {@link query}. The entry object itself is the stored one (no copy, no accessor
   * properties, which would turn it into a slow dictionary object).
   */
  record(entry: NewLazyJournalEntry): PendingJournalEntry {
    const stored = entry as unknown as StoredEntry;
    stored.id = ++this.#seq;
    this.#ring[this.#next] = stored;
    this.#next = (this.#next + 1) % this.capacity;
    if (this.#count < this.capacity) this.#count++;
    return stored;
  }

  /** Matching entries, newest first. */
  query(q: JournalQuery = {}): JournalEntry[] {
    const limit = q.limit ?? Infinity;
    const out: JournalEntry[] = [];
    for (let i = 1; i <= this.#count && out.length < limit; i++) {
      const e = materialise(this.#ring[(this.#next - i + this.capacity) % this.capacity]!);
      if (q.operationId !== undefined && e.operationId !== q.operationId) continue;
      if (q.credential !== undefined && e.credential !== q.credential) continue;
      if (q.status !== undefined && !statusMatches(e.status, q.status)) continue;
      out.push(e);
    }
    return out;
  }

  /** Empties the buffer (ids keep counting). */
  clear(): void {
    this.#ring = new Array<StoredEntry | undefined>(this.capacity);
    this.#next = 0;
    this.#count = 0;
  }

  get size(): number {
    return this.#count;
  }

  /** Registers a response-body capture still running (used by the middleware). */
  track(p: Promise<void>): void {
    this.#pending.add(p);
    void p.finally(() => this.#pending.delete(p));
  }

  /** Resolves once every response body being captured right now is complete. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}

function statusMatches(status: number, want: NonNullable<JournalQuery['status']>): boolean {
  if (typeof want === 'number') return status === want;
  return Math.floor(status / 100) === Number(want[0]);
}
