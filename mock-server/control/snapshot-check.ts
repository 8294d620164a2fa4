import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { badRequest } from '../errors.js';
import type { Catalog } from '../domain/model.js';
import { upgradeSnapshotRequest } from '../domain/requests.js';
import { occupiesTable } from '../domain/status.js';
import { dayNumber } from '../domain/time.js';
import type { RequestRecord } from '../store/records.js';
import type { StoreSnapshot } from '../store/store.js';
import { RECORD_SCHEMAS, SNAPSHOT_SCHEMA } from './snapshot-schema.js';

/** How many problems a refusal lists; the rest are counted. */
const LISTED = 20;

/** Compiled on the first snapshot checked: compiling it costs ~380 ms of every cold start otherwise. */
let compiledShape: ValidateFunction | undefined;
const shapeValidator = (): ValidateFunction =>
  (compiledShape ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
    SNAPSHOT_SCHEMA,
  ));

/**
 * Checks a snapshot before it replaces live state, so a hand-edited or foreign file is refused with
 * a 400 listing what is wrong and the current state stays exactly as it was. First every record
 * against its kind's schema (snapshot-schema.ts), then the world's invariants: creation order,
 * unique ids and reference codes, real calendar dates, references that resolve (venues, venue
 * groups, concierges, tables, seating areas, guests, reservations, credentials) and live holds that
 * do not sit on a table someone else occupies.
 */
export function checkSnapshot(value: Record<string, unknown>, catalog: Catalog): StoreSnapshot {
  // Requests written before they had a lifecycle are brought up to today's shape first.
  const upgradeProblems: string[] = [];
  if (Array.isArray(value.requests)) {
    const venueIds = new Set(catalog.venues.keys());
    value.requests.forEach((r: unknown, i) => {
      if (!r || typeof r !== 'object' || Array.isArray(r)) return;
      const problem = upgradeSnapshotRequest(r as Partial<RequestRecord>, venueIds);
      if (problem) upgradeProblems.push(`/requests/${i} ${problem}`);
    });
  }
  if (upgradeProblems.length > 0) throw refusal(upgradeProblems);
  const validateShape = shapeValidator();
  if (!validateShape(value)) {
    const problems = (validateShape.errors ?? []).map((e) => {
      const where = e.instancePath || '/';
      const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
      return `${where} ${e.message ?? 'is invalid'}${extra}`;
    });
    throw refusal(problems);
  }
  const snapshot = value as unknown as StoreSnapshot;
  const problems = invariantProblems(snapshot, catalog);
  if (problems.length > 0) throw refusal(problems);
  return snapshot;
}

function refusal(problems: string[]) {
  const unique = [...new Set(problems)];
  const more = unique.length > LISTED ? `; and ${unique.length - LISTED} more` : '';
  return badRequest(`Invalid snapshot: ${unique.slice(0, LISTED).join('; ')}${more}`);
}

function invariantProblems(s: StoreSnapshot, catalog: Catalog): string[] {
  const problems: string[] = [];
  const say = (pointer: string, what: string) => problems.push(`${pointer} ${what}`);

  for (const kind of Object.keys(RECORD_SCHEMAS) as (keyof typeof RECORD_SCHEMAS)[]) {
    const records = s[kind] as unknown as Record<string, unknown>[];
    const key = kind === 'tokens' ? 'token' : 'id';
    const seen = new Set<unknown>();
    let lastSeq = 0;
    records.forEach((r, i) => {
      if (seen.has(r[key])) say(`/${kind}/${i}/${key}`, 'repeats an earlier record');
      seen.add(r[key]);
      if (typeof r.seq === 'number') {
        if (r.seq <= lastSeq) say(`/${kind}/${i}/seq`, 'must increase (records are in creation order)');
        if (r.seq > s.seq) say(`/${kind}/${i}/seq`, 'is above /seq');
        lastSeq = r.seq;
      }
      if (typeof r.date === 'string' && dayNumber(r.date) === null)
        say(`/${kind}/${i}/date`, 'is not a real date');
    });
  }

  const clients = new Map(s.clients.map((c) => [c.id, c]));
  const reservations = new Map(s.reservations.map((r) => [r.id, r]));
  const venueOf = (pointer: string, venueId: string, venueGroupId?: string) => {
    const venue = catalog.venues.get(venueId);
    if (!venue) say(`${pointer}/venueId`, 'is not a venue of this mock');
    else if (venueGroupId !== undefined && venue.venueGroupId !== venueGroupId)
      say(`${pointer}/venueGroupId`, 'is not the venue group of its venue');
    return venue;
  };
  const tablesOf = (pointer: string, venueId: string, tableIds: readonly string[]) => {
    const venue = catalog.venues.get(venueId);
    for (const t of tableIds)
      if (venue && !venue.tables.some((table) => table.id === t))
        say(`${pointer}/tableIds`, `names table ${t}, not a table of its venue`);
  };
  const conciergeOf = (pointer: string, conciergeId: string | null) => {
    if (conciergeId !== null && !catalog.concierges.has(conciergeId))
      say(`${pointer}/conciergeId`, 'is not a concierge of this mock');
  };

  s.clients.forEach((c, i) => {
    if (!catalog.venueGroups.has(c.venueGroupId))
      say(`/clients/${i}/venueGroupId`, 'is not a venue group of this mock');
    for (const venueId of Object.keys(c.venueStats))
      if (catalog.venues.get(venueId)?.venueGroupId !== c.venueGroupId)
        say(`/clients/${i}/venueStats`, `has a key that is not a venue of the client's group`);
  });
  const codes = new Set<string>();
  s.reservations.forEach((r, i) => {
    const at = `/reservations/${i}`;
    if (codes.has(r.referenceCode)) say(`${at}/referenceCode`, 'repeats an earlier reservation');
    codes.add(r.referenceCode);
    const venue = venueOf(at, r.venueId, r.venueGroupId);
    const client = clients.get(r.clientId);
    if (!client) say(`${at}/clientId`, 'names no client in the snapshot');
    else if (client.venueGroupId !== r.venueGroupId)
      say(`${at}/clientId`, 'names a client of another venue group');
    conciergeOf(at, r.conciergeId);
    tablesOf(at, r.venueId, r.tableIds);
    if (venue && r.seatingAreaId !== null && !venue.seatingAreas.some((a) => a.id === r.seatingAreaId))
      say(`${at}/seatingAreaId`, 'is not a seating area of its venue');
  });
  s.holds.forEach((h, i) => {
    venueOf(`/holds/${i}`, h.venueId);
    conciergeOf(`/holds/${i}`, h.conciergeId);
    tablesOf(`/holds/${i}`, h.venueId, h.tableIds);
    if (h.reservationId !== null && !reservations.has(h.reservationId))
      say(`/holds/${i}/reservationId`, 'names no reservation in the snapshot');
    if (h.expiresMs < h.createdMs) say(`/holds/${i}/expiresMs`, 'is before createdMs');
  });
  s.waitlist.forEach((w, i) => {
    venueOf(`/waitlist/${i}`, w.venueId, w.venueGroupId);
    if (w.clientId !== null && !clients.has(w.clientId))
      say(`/waitlist/${i}/clientId`, 'names no client in the snapshot');
    if (w.reservationId !== null && !reservations.has(w.reservationId))
      say(`/waitlist/${i}/reservationId`, 'names no reservation in the snapshot');
  });
  s.charges.forEach((ch, i) => {
    venueOf(`/charges/${i}`, ch.venueId, ch.venueGroupId);
    if (!clients.has(ch.clientId)) say(`/charges/${i}/clientId`, 'names no client in the snapshot');
    if (!reservations.has(ch.reservationId))
      say(`/charges/${i}/reservationId`, 'names no reservation in the snapshot');
  });
  s.requests.forEach((r, i) => {
    venueOf(`/requests/${i}`, r.venueId);
    conciergeOf(`/requests/${i}`, r.conciergeId);
    if (r.clientId !== null && !clients.has(r.clientId))
      say(`/requests/${i}/clientId`, 'names no client in the snapshot');
    if (r.reservationId !== null && !reservations.has(r.reservationId))
      say(`/requests/${i}/reservationId`, 'names no reservation in the snapshot');
  });
  s.tokens.forEach((t, i) => {
    if (!catalog.credentials.has(t.clientId))
      say(`/tokens/${i}/clientId`, 'is not a credential of this mock');
  });
  problems.push(...heldTablesTaken(s));
  return problems;
}

/**
 * A live hold must not sit on a table that an occupying reservation (other than the one the hold
 * is moving) or another live hold takes at the same time. Reservations among themselves may
 * overlap: `bypass_availability` with `table_codes` books a taken table on purpose, as the real API does.
 */
function heldTablesTaken(s: StoreSnapshot): string[] {
  const problems: string[] = [];
  const spans = new Map<string, { from: number; to: number; owner: string }[]>();
  const add = (key: string, from: number, to: number, owner: string) => {
    const list = spans.get(key) ?? [];
    list.push({ from, to, owner });
    spans.set(key, list);
  };
  for (const r of s.reservations)
    if (occupiesTable(r.status))
      for (const t of r.tableIds)
        add(`${r.venueId}|${r.date}|${t}`, r.startMin, r.startMin + r.durationMin, r.id);
  s.holds.forEach((h, i) => {
    if (h.state !== 'live') return;
    for (const t of h.tableIds) {
      const key = `${h.venueId}|${h.date}|${t}`;
      const clash = (spans.get(key) ?? []).find(
        (o) => o.owner !== h.reservationId && o.from < h.startMin + h.durationMin && h.startMin < o.to,
      );
      if (clash) problems.push(`/holds/${i}/tableIds holds table ${t} while ${clash.owner} occupies it`);
      add(key, h.startMin, h.startMin + h.durationMin, h.id);
    }
  });
  return problems;
}
