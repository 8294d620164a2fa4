import { badRequest } from '../errors.js';
import type { Catalog } from '../domain/model.js';
import { upgradeSnapshotRequest } from '../domain/requests.js';
import type { StoreSnapshot } from '../store/store.js';

const SEQ_ARRAYS = ['clients', 'reservations', 'waitlist', 'charges'] as const;

/**
 * Checks a snapshot before it replaces live state, so a hand-edited or foreign file is refused
 * with a 400 naming what is wrong and the current state stays as it was. Records must keep their
 * creation order, belong to venues this mock serves, and reference guests that exist.
 */
export function checkSnapshot(value: Record<string, unknown>, catalog: Catalog): StoreSnapshot {
  const problems: string[] = [];
  const snapshot = value as unknown as StoreSnapshot;
  for (const name of SEQ_ARRAYS) {
    let last = 0;
    (snapshot[name] as { seq?: unknown; id?: unknown }[]).forEach((record, i) => {
      if (typeof record.seq !== 'number' || record.seq <= last)
        problems.push(`/${name}/${i}/seq must increase`);
      else last = record.seq;
      if (record.seq !== undefined && (record.seq as number) > snapshot.seq)
        problems.push(`/${name}/${i}/seq is above /seq`);
    });
  }
  const clientIds = new Set(snapshot.clients.map((c) => c.id));
  snapshot.reservations.forEach((r, i) => {
    if (!catalog.venues.has(r.venueId))
      problems.push(`/reservations/${i}/venueId is not a venue of this mock`);
    if (!clientIds.has(r.clientId))
      problems.push(`/reservations/${i}/clientId names no client in the snapshot`);
    if (typeof r.date !== 'string' || typeof r.startMin !== 'number' || !Array.isArray(r.tableIds)) {
      problems.push(`/reservations/${i} is missing date, startMin or tableIds`);
    }
  });
  snapshot.clients.forEach((c, i) => {
    if (!catalog.venueGroups.has(c.venueGroupId))
      problems.push(`/clients/${i}/venueGroupId is not a venue group of this mock`);
  });
  checkCollections(value.collections, problems);
  const venueIds = new Set(catalog.venues.keys());
  snapshot.requests.forEach((r, i) => {
    const problem = upgradeSnapshotRequest(r, venueIds);
    if (problem) problems.push(`/requests/${i} ${problem}`);
  });
  if (problems.length > 0) throw badRequest(`Invalid snapshot: ${problems.slice(0, 10).join('; ')}`);
  return snapshot;
}

/** `collections`, when present, maps names to arrays of records that each have a string `id`. */
function checkCollections(collections: unknown, problems: string[]): void {
  if (collections === undefined) return;
  if (!collections || typeof collections !== 'object' || Array.isArray(collections)) {
    problems.push('/collections must be an object of named record arrays');
    return;
  }
  for (const [name, records] of Object.entries(collections)) {
    if (!Array.isArray(records)) {
      problems.push(`/collections/${name} must be an array`);
      continue;
    }
    records.forEach((record: unknown, i) => {
      if (!record || typeof record !== 'object' || typeof (record as { id?: unknown }).id !== 'string')
        problems.push(`/collections/${name}/${i} must be a record with a string id`);
    });
  }
}
