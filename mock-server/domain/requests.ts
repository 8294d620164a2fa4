/**
 * Reservation requests: what a concierge asks for when no slot suits. The concierge creates, reads,
 * updates and deletes them; the venue (through the control API) accepts one — which books it through
 * the same booking code as the API, availability and events included — or declines it.
 */
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import type { RequestRecord, ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Venue } from './model.js';
import { assertOpen } from './request-state.js';
import { book, type BookInput } from './reservations.js';
import { dayNumber, formatHHMM, parseTime } from './time.js';

const E164 = /^\+[1-9]\d{6,14}$/;
/** Mock convention: a request without `end_time` asks for an hour from its start. */
export const DEFAULT_REQUEST_WINDOW_MIN = 60;
const LAST_MINUTE = 24 * 60 - 1;

/** The request fields a concierge sends on create or update (already validated against the spec). */
export interface RequestFields {
  date?: string | undefined;
  time?: string | undefined;
  start_time?: string | undefined;
  end_time?: string | undefined;
  party_size?: number | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  notes?: string | undefined;
  internal_notes?: string | undefined;
  duration?: number | undefined;
  mf_ratio_male?: number | undefined;
  mf_ratio_female?: number | undefined;
  send_client_email?: boolean | undefined;
  external_user_id?: string | undefined;
  client_id?: string | undefined;
  loyalty_id?: string | undefined;
  source_first_name?: string | undefined;
  source_last_name?: string | undefined;
  source_email?: string | undefined;
  source_phone?: string | undefined;
}

/** Who asks: the concierge's id and name (shown as `booked_by` and `user`). */
export interface Requester {
  conciergeId: string;
  name: string;
}

/** Times of a request: the exact `time` if sent, and the window `start_time`..`end_time`. */
function requestTimes(
  fields: RequestFields,
  current?: RequestRecord,
): { arrivalMin: number | null; startMin: number; endMin: number } {
  const minutes = (name: 'time' | 'start_time' | 'end_time') => {
    const value = fields[name];
    if (value === undefined) return undefined;
    const m = parseTime(value);
    if (m === null) throw badRequest(`${name} must be HH:MM; got ${value}`);
    return m;
  };
  const time = minutes('time');
  const start = minutes('start_time');
  const end = minutes('end_time');
  if (time === undefined && start === undefined && end === undefined && current) {
    return { arrivalMin: current.arrivalMin, startMin: current.startMin, endMin: current.endMin };
  }
  const startMin = start ?? time ?? current?.startMin;
  if (startMin === undefined) throw badRequest('Missing required field start_time (or time)');
  const endMin = end ?? Math.min(startMin + DEFAULT_REQUEST_WINDOW_MIN, LAST_MINUTE);
  if (endMin < startMin)
    throw badRequest(`end_time ${formatHHMM(endMin)} is before start_time ${formatHHMM(startMin)}`);
  const arrivalMin = time ?? (start === undefined ? (current?.arrivalMin ?? null) : null);
  if (arrivalMin !== null && (arrivalMin < startMin || arrivalMin > endMin))
    throw badRequest(`time ${formatHHMM(arrivalMin)} is outside start_time..end_time`);
  return { arrivalMin, startMin, endMin };
}

function checkContact(fields: RequestFields): void {
  if (fields.phone !== undefined && !E164.test(fields.phone))
    throw badRequest('phone must be in E.164 format, e.g. +12125550143');
  if (fields.date !== undefined && dayNumber(fields.date) === null)
    throw badRequest(`date must be a real date in YYYY-MM-DD format; got ${fields.date}`);
  for (const name of ['first_name', 'last_name'] as const)
    if (fields[name] !== undefined && !fields[name].trim()) throw badRequest(`${name} must not be blank`);
}

function clientOf(
  store: Store,
  venue: Venue,
  clientId: string | undefined,
  phone: string,
  email: string | null,
) {
  if (clientId !== undefined) {
    const client = store.clients.get(clientId);
    if (!client || client.venueGroupId !== venue.venueGroupId)
      throw notFound(`client_id ${clientId} not found`);
    return client.id;
  }
  return store.findClientByContact(venue.venueGroupId, phone, email)?.id ?? null;
}

/** A live request or booking of the same guest at the same venue, date and time makes a new request a 409. */
function assertNotDuplicate(store: Store, r: RequestRecord): void {
  for (const other of store.requests.values()) {
    if (
      other.id !== r.id &&
      other.status === 'UNAPPROVED' &&
      other.venueId === r.venueId &&
      other.date === r.date &&
      other.startMin === r.startMin &&
      other.phone === r.phone
    )
      throw conflict(`A reservation request for ${r.phone} at this time already exists (${other.id})`);
  }
  for (const booked of store.occupyingReservations(r.venueId, r.date)) {
    if (booked.phone === r.phone && booked.startMin === r.startMin)
      throw conflict(`${r.phone} already has a reservation at this time (${booked.referenceCode})`);
  }
}

export function createRequest(
  store: Store,
  venue: Venue,
  who: Requester,
  fields: RequestFields,
): RequestRecord {
  if (!venue.offers.acceptsRequests)
    throw forbidden('Concierge reservation requests setting is disabled for the venue.');
  checkContact(fields);
  const times = requestTimes(fields);
  const now = store.clock.now();
  const phone = fields.phone!;
  const email = fields.email ?? null;
  const record: RequestRecord = {
    id: store.ids.key('nightloop_ReservationRequest'),
    venueId: venue.id,
    conciergeId: who.conciergeId,
    bookedBy: who.name,
    date: fields.date!,
    ...times,
    partySize: fields.party_size!,
    firstName: fields.first_name!.trim(),
    lastName: fields.last_name!.trim(),
    phone,
    email,
    notes: fields.notes ?? null,
    internalNotes: fields.internal_notes ?? null,
    durationMin: fields.duration ?? null,
    mfRatioMale: fields.mf_ratio_male ?? 0,
    mfRatioFemale: fields.mf_ratio_female ?? 0,
    sendClientEmail: fields.send_client_email ?? null,
    externalUserId: fields.external_user_id ?? null,
    clientId: clientOf(store, venue, fields.client_id, phone, email),
    loyaltyId: fields.loyalty_id ?? null,
    source: sourceOf(fields),
    status: 'UNAPPROVED',
    reservationId: null,
    declineReason: null,
    createdMs: now,
    updatedMs: now,
  };
  assertNotDuplicate(store, record);
  store.requests.set(record.id, record);
  return record;
}

function sourceOf(fields: RequestFields): RequestRecord['source'] {
  const { source_first_name, source_last_name, source_email, source_phone } = fields;
  if ([source_first_name, source_last_name, source_email, source_phone].every((v) => v === undefined))
    return null;
  return {
    firstName: source_first_name ?? null,
    lastName: source_last_name ?? null,
    email: source_email ?? null,
    phone: source_phone ?? null,
  };
}

/** A request of this concierge at this venue; anyone else's is exactly as missing (404). */
export function requestOfConcierge(
  store: Store,
  venue: Venue,
  conciergeId: string,
  id: string,
): RequestRecord {
  const r = store.requests.get(id);
  if (!r || r.venueId !== venue.id || r.conciergeId !== conciergeId)
    throw notFound(`Reservation request ${id} not found`);
  return r;
}

export function requestAtVenue(store: Store, venue: Venue, id: string): RequestRecord {
  const r = store.requests.get(id);
  if (!r || r.venueId !== venue.id) throw notFound(`Reservation request ${id} not found`);
  return r;
}

/** Changes the sent fields of an open request. */
export function updateRequest(
  store: Store,
  venue: Venue,
  r: RequestRecord,
  fields: RequestFields,
): RequestRecord {
  assertOpen(store, venue, r);
  checkContact(fields);
  const patch: Partial<RequestRecord> = { ...requestTimes(fields, r) };
  if (fields.date !== undefined) patch.date = fields.date;
  if (fields.party_size !== undefined) patch.partySize = fields.party_size;
  if (fields.first_name !== undefined) patch.firstName = fields.first_name.trim();
  if (fields.last_name !== undefined) patch.lastName = fields.last_name.trim();
  if (fields.phone !== undefined) patch.phone = fields.phone;
  if (fields.email !== undefined) patch.email = fields.email;
  if (fields.notes !== undefined) patch.notes = fields.notes;
  if (fields.internal_notes !== undefined) patch.internalNotes = fields.internal_notes;
  if (fields.duration !== undefined) patch.durationMin = fields.duration;
  if (fields.mf_ratio_male !== undefined) patch.mfRatioMale = fields.mf_ratio_male;
  if (fields.mf_ratio_female !== undefined) patch.mfRatioFemale = fields.mf_ratio_female;
  if (fields.send_client_email !== undefined) patch.sendClientEmail = fields.send_client_email;
  if (fields.external_user_id !== undefined) patch.externalUserId = fields.external_user_id;
  if (fields.loyalty_id !== undefined) patch.loyaltyId = fields.loyalty_id;
  if (fields.client_id !== undefined || fields.phone !== undefined || fields.email !== undefined)
    patch.clientId = clientOf(store, venue, fields.client_id, patch.phone ?? r.phone, patch.email ?? r.email);
  const next = { ...r, ...patch };
  assertNotDuplicate(store, next);
  Object.assign(r, patch, { updatedMs: store.clock.now() });
  return r;
}

/** `a,b`, `["a","b"]`, `['a', 'b']` or repeated fields: the forms the reference allows for `request_ids`. */
export function parseRequestIds(values: readonly string[]): string[] {
  const ids = values.flatMap((v) =>
    v
      .replace(/^\s*\[|\]\s*$/g, '')
      .split(',')
      .map((s) =>
        s
          .trim()
          .replace(/^["']|["']$/g, '')
          .trim(),
      ),
  );
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) throw badRequest('request_ids must name at least one request');
  if (unique.length > 100) throw badRequest('request_ids may name at most 100 requests');
  return unique;
}

/** Deletes the named requests of this concierge at this venue; other ids are skipped, as if missing. */
export function deleteRequests(
  store: Store,
  venue: Venue,
  conciergeId: string,
  ids: readonly string[],
): string[] {
  const deleted: string[] = [];
  for (const id of ids) {
    const r = store.requests.get(id);
    if (!r || r.venueId !== venue.id || r.conciergeId !== conciergeId) continue;
    store.requests.delete(id);
    deleted.push(id);
  }
  return deleted;
}

export interface AcceptOptions {
  /** `HH:MM`; default the request's exact time, else the start of its window. */
  time?: string | undefined;
  tableNumbers?: readonly string[] | undefined;
}

/**
 * The venue accepts: the request is booked through the API's own booking code (shifts, access rules,
 * tables and pacing respected; a taken slot is a 409 and the request stays open), which emits the
 * reservation's (and a new guest's) change events. Staff book with the venue's own access rules
 * (the Reservations API channel), for the concierge who asked.
 */
export function acceptRequest(
  store: Store,
  venue: Venue,
  r: RequestRecord,
  options: AcceptOptions = {},
): ReservationRecord {
  assertOpen(store, venue, r);
  const time = options.time ?? formatHHMM(r.arrivalMin ?? r.startMin);
  const input: BookInput = {
    date: r.date,
    time,
    party_size: r.partySize,
    first_name: r.firstName,
    last_name: r.lastName,
    phone: r.phone,
    ...(r.email !== null ? { email: r.email } : {}),
    ...(r.notes !== null ? { notes: r.notes } : {}),
    ...(r.internalNotes !== null ? { internal_notes: r.internalNotes } : {}),
    ...(r.durationMin !== null ? { duration: r.durationMin } : {}),
    ...(r.externalUserId !== null ? { external_user_id: r.externalUserId } : {}),
    ...(r.clientId !== null && store.clients.has(r.clientId) ? { client_id: r.clientId } : {}),
    ...(options.tableNumbers?.length ? { table_codes: options.tableNumbers.join(',') } : {}),
    mf_ratio_male: r.mfRatioMale,
    mf_ratio_female: r.mfRatioFemale,
    // Booking with request_id fulfils the request (and links the reservation to it).
    request_id: r.id,
  };
  const reservation = book(store, venue, input, {
    channel: 'RESERVATIONS_API',
    conciergeId: r.conciergeId,
    name: r.bookedBy,
  });
  return reservation;
}

export function declineRequest(store: Store, venue: Venue, r: RequestRecord, reason?: string): RequestRecord {
  assertOpen(store, venue, r);
  Object.assign(r, {
    status: 'DECLINED',
    declineReason: reason ?? null,
    updatedMs: store.clock.now(),
  } satisfies Partial<RequestRecord>);
  return r;
}

/** A venue's requests, oldest first (the venue's inbox). */
export function requestsOfVenue(store: Store, venue: Venue): RequestRecord[] {
  return [...store.requests.values()]
    .filter((r) => r.venueId === venue.id)
    .sort((a, b) => a.createdMs - b.createdMs);
}

/**
 * Brings a request from a snapshot written before requests had a lifecycle up to today's shape
 * (open, its exact time as its window); returns a problem when it cannot belong to this mock.
 */
export function upgradeSnapshotRequest(
  raw: Partial<RequestRecord>,
  venueIds: ReadonlySet<string>,
): string | null {
  if (typeof raw.venueId !== 'string' || !venueIds.has(raw.venueId))
    return 'venueId is not a venue of this mock';
  if (typeof raw.date !== 'string' || typeof raw.startMin !== 'number') return 'is missing date or startMin';
  raw.bookedBy ??= '';
  raw.arrivalMin ??= raw.endMin === undefined ? raw.startMin : null;
  raw.endMin ??= Math.min(raw.startMin + DEFAULT_REQUEST_WINDOW_MIN, LAST_MINUTE);
  raw.internalNotes ??= null;
  raw.durationMin ??= null;
  raw.mfRatioMale ??= 0;
  raw.mfRatioFemale ??= 0;
  raw.sendClientEmail ??= null;
  raw.externalUserId ??= null;
  raw.clientId ??= null;
  raw.loyaltyId ??= null;
  raw.source ??= null;
  raw.status ??= 'UNAPPROVED';
  raw.reservationId ??= null;
  raw.declineReason ??= null;
  raw.updatedMs ??= raw.createdMs ?? 0;
  return null;
}
