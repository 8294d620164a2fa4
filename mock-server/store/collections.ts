/**
 * Named collections of plain JSON records for features that need state of their own (payment
 * intents, paylink owners, upgrade selections, ...). Generic on purpose: the store snapshots,
 * restores and resets every collection the same way, so a feature adds state without touching the
 * snapshot code, and persistence sees one more array per name.
 */
export interface CollectionRecord {
  id: string;
}

/** What a snapshot holds for the collections: each name's records in insertion order. */
export type CollectionsSnapshot = Record<string, CollectionRecord[]>;

export class Collections {
  readonly #maps = new Map<string, Map<string, CollectionRecord>>();

  /** The collection called `name` (created empty on first use), keyed by record id. */
  of<T extends CollectionRecord>(name: string): Map<string, T> {
    let map = this.#maps.get(name);
    if (!map) this.#maps.set(name, (map = new Map()));
    return map as Map<string, T>;
  }

  /** Every non-empty collection's records, in insertion order, by name in name order (stable output). */
  snapshot(): CollectionsSnapshot {
    const out: CollectionsSnapshot = {};
    for (const name of [...this.#maps.keys()].sort()) {
      const records = [...this.#maps.get(name)!.values()];
      if (records.length > 0) out[name] = records;
    }
    return out;
  }

  /** Replaces every collection with the snapshot's (the records are adopted, not copied). */
  adopt(data: CollectionsSnapshot | undefined): void {
    this.#maps.clear();
    for (const [name, records] of Object.entries(data ?? {})) {
      const map = this.of(name);
      for (const record of records) map.set(record.id, record);
    }
  }
}
