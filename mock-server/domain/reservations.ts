import { badRequest, conflict, MESSAGES, notFound } from '../errors.js';
import type { components } from '../spec/generated-types.js';
import { newClient, newReservation } from '../store/record-factory.js';
import type { ClientRecord, ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { checkSlot, isRefusal, type Slot } from './availability.js';
import { prepareBookingExtras } from './booking-extras.js';
import { cancellationNotice, checkBookFields, clientPatchFrom, reservationPatchFrom } from './book-fields.js';
import { assertDuplicateAllowed, assertEditable, tableInArea } from './book-guards.js';
import { customStatusLabels } from './custom-statuses.js';
import { emptyVenueStats, statsAfterStatusChange } from './client-stats.js';
import { linkPosVisit } from './pos-link.js';
import { liveHoldFor, occupancyOf, refusalError } from './holds.js';
import { assertOffersBookable, namedOffers } from './offers.js';
import { markFulfilled, requestToFulfil } from './request-state.js';
import type { Channel, Table, Venue } from './model.js';
import {
  canTransition,
  isCustomStatus,
  isReservationStatus,
  RESERVATION_STATUSES,
  type ReservationStatus,
} from './status.js';
import { mergeTags, parseTagList } from './tags.js';
import {
  dayNumber,
  formatLocalNaiveIso,
  formatNaiveIso,
  parseIsoInstant,
  parseNaiveIso,
  parseTime,
  venueLocal,
} from './time.js';

/** Who is booking: the channel decides which access rules apply; a concierge owns what it books. */
export interface Actor {
  channel: Channel;
  conciergeId: string | null;
  /** Shown as the reservation's `booked_by`. */
  name: string;
}

/** The book operations' form, as the spec defines it (generated types), after validation and coercion. */
export type BookInput = components['schemas']['BookReservationForm'];

const E164 = /^\+[1-9]\d{6,14}$/;

/** Creates a reservation (no `reservation_id`) or updates one; returns the stored record. */
export function book(store: Store, venue: Venue, input: BookInput, actor: Actor): ReservationRecord {
  if (dayNumber(input.date) === null)
    throw badRequest(`date must be a real date in YYYY-MM-DD format; got ${input.date}`);
  // Every field is checked before anything changes, so a refused booking leaves no trace.
  checkBookFields(input);
  const offers = namedOffers(venue, { experienceId: input.experience_id, perkId: input.perk_id });
  if (offers.length > 0) {
    const current = input.reservation_id ? store.findReservation(input.reservation_id) : undefined;
    assertOffersBookable(store, venue, offers, {
      date: input.date,
      startMin: parseTime(input.time)!,
      partySize: input.party_size,
      ignoreId: current?.id,
    });
  }
  return input.reservation_id
    ? updateBooking(store, venue, input, actor, input.reservation_id)
    : createBooking(store, venue, input, actor);
}

function createBooking(store: Store, venue: Venue, input: BookInput, actor: Actor): ReservationRecord {
  const required = input.bypass_required_contact_fields
    ? (['first_name', 'last_name'] as const)
    : (['first_name', 'last_name', 'phone'] as const);
  for (const field of required) {
    if (!input[field]?.trim()) throw badRequest(`${field} is required when creating a reservation`);
  }
  if (input.phone !== undefined && !E164.test(input.phone))
    throw badRequest('phone must be in E.164 format, e.g. +12125550143');
  const startMin = parseTime(input.time)!;
  const status = parseStatus(input.status, venue) ?? 'CONFIRMED';
  if (!input.bypass_duplicate_reservation_check) assertDuplicateAllowed(store, venue, input, startMin);

  const hold = input.reservation_hold_id
    ? liveHoldFor(store, input.reservation_hold_id, venue.id, actor.conciergeId)
    : undefined;
  if (
    hold &&
    (hold.date !== input.date || hold.startMin !== startMin || hold.partySize !== input.party_size)
  ) {
    throw badRequest(`reservation_hold_id ${hold.id} was placed for a different date, time or party_size`);
  }
  const request = input.request_id
    ? requestToFulfil(store, venue, actor.conciergeId, input.request_id)
    : undefined;
  const slot = resolveSlot(store, venue, input, actor, startMin, hold ? new Set([hold.id]) : undefined);
  const tables = assignTables(
    store,
    venue,
    input,
    slot,
    hold?.tableIds,
    hold ? new Set([hold.id]) : undefined,
  );

  const extras = prepareBookingExtras(store, venue, input, actor.conciergeId, null);
  const client = findOrCreateClient(store, venue, input);
  const record = newReservation(store, {
    ...extras.fields,
    venueId: venue.id,
    venueGroupId: venue.venueGroupId,
    clientId: client.id,
    conciergeId: actor.conciergeId,
    date: input.date,
    startMin,
    durationMin: slot.durationMin,
    partySize: input.party_size,
    shiftPersistentId: slot.shift.persistentId,
    accessPersistentId: slot.rule?.persistentId ?? null,
    shiftCategory: slot.shift.category,
    tableIds: tables.map((t) => t.id),
    seatingAreaId: tables[0]?.seatingAreaId ?? input.venue_seating_area_id ?? null,
    status,
    reservationType: input.is_walkin ? 'WALK_IN' : 'RESERVATION',
    firstName: input.first_name!.trim(),
    lastName: input.last_name!.trim(),
    email: input.email ?? client.email,
    phone: input.phone ?? client.phone,
    notes: input.notes ?? null,
    clientRequests: input.internal_notes ?? null,
    externalId: input.external_id ?? null,
    externalUserId: input.external_user_id ?? null,
    tags: parseTagList(input.reservation_tags),
    mfRatioMale: input.mf_ratio_male ?? 0,
    mfRatioFemale: input.mf_ratio_female ?? 0,
    seatedTime: parseSeatedTime(input.seated_time, venue.timeZone),
    bookedBy: actor.name,
    perkId: input.perk_id ?? null,
    experienceId: input.experience_id ?? null,
    requestId: request?.id ?? null,
    ...reservationPatchFrom(input, null, store.clock.now()),
  });
  if (hold) store.endHold(hold, 'converted');
  const gross = linkPosVisit(venue, record, status, record);
  store.insertReservation(record);
  extras.commit(record);
  if (request) markFulfilled(store, request, record);
  applyClientTags(store, client, input, venue.id);
  const stats = statsAfterStatusChange(client, record, null, status, gross);
  if (stats) store.updateClient(client, { venueStats: stats }, venue.id);
  return record;
}

function updateBooking(
  store: Store,
  venue: Venue,
  input: BookInput,
  actor: Actor,
  id: string,
): ReservationRecord {
  for (const field of ['first_name', 'last_name', 'phone'] as const) {
    if (input[field] !== undefined) {
      throw badRequest(`${field} must not be sent when updating a reservation (reservation_id is set)`);
    }
  }
  const record = store.findReservation(id);
  if (
    !record ||
    record.venueId !== venue.id ||
    (actor.conciergeId && record.conciergeId !== actor.conciergeId)
  ) {
    throw notFound(MESSAGES.reservationNotFound);
  }
  if (record.status === 'CANCELED') throw badRequest(MESSAGES.alreadyCancelled);
  const status = parseStatus(input.status, venue);
  if (status && !canTransition(record.status, status))
    throw badRequest(`status cannot change from ${record.status} to ${status}`);
  const startMin = parseTime(input.time)!;
  const moved =
    record.date !== input.date ||
    record.startMin !== startMin ||
    record.partySize !== input.party_size ||
    (input.duration !== undefined && input.duration !== record.durationMin) ||
    input.table_codes !== undefined;
  const extras = prepareBookingExtras(store, venue, input, actor.conciergeId, record);
  const patch: Partial<ReservationRecord> = { ...extras.fields };
  if (moved && !input.bypass_editable_cutoff) assertEditable(store, venue, record);
  if (moved) {
    const ignore = new Set([record.id]);
    const hold = input.reservation_hold_id
      ? liveHoldFor(store, input.reservation_hold_id, venue.id, actor.conciergeId)
      : undefined;
    if (hold) ignore.add(hold.id);
    const slot = resolveSlot(store, venue, input, actor, startMin, ignore);
    const keep = record.date === input.date ? record.tableIds : undefined;
    const tables = assignTables(store, venue, input, slot, hold?.tableIds ?? keep, ignore);
    Object.assign(patch, {
      date: input.date,
      startMin,
      partySize: input.party_size,
      durationMin: slot.durationMin,
      shiftPersistentId: slot.shift.persistentId,
      accessPersistentId: slot.rule?.persistentId ?? record.accessPersistentId,
      shiftCategory: slot.shift.category,
      tableIds: tables.map((t) => t.id),
      seatingAreaId: tables[0]?.seatingAreaId ?? record.seatingAreaId,
    });
    if (hold) store.endHold(hold, 'converted');
  }
  if (input.email !== undefined) patch.email = input.email;
  if (input.notes !== undefined) patch.notes = input.notes;
  if (input.internal_notes !== undefined) patch.clientRequests = input.internal_notes;
  if (input.external_id !== undefined) patch.externalId = input.external_id;
  if (input.external_user_id !== undefined) patch.externalUserId = input.external_user_id;
  if (input.mf_ratio_male !== undefined) patch.mfRatioMale = input.mf_ratio_male;
  if (input.mf_ratio_female !== undefined) patch.mfRatioFemale = input.mf_ratio_female;
  if (input.reservation_tags !== undefined) patch.tags = mergeTags([], parseTagList(input.reservation_tags));
  if (input.seated_time !== undefined) patch.seatedTime = parseSeatedTime(input.seated_time, venue.timeZone);
  if (input.perk_id !== undefined) patch.perkId = input.perk_id;
  if (input.experience_id !== undefined) patch.experienceId = input.experience_id;
  if (input.is_walkin !== undefined) patch.reservationType = input.is_walkin ? 'WALK_IN' : 'RESERVATION';
  Object.assign(patch, reservationPatchFrom(input, record, store.clock.now()));
  if (status && status !== record.status) applyStatus(store, record, status, patch);
  store.updateReservation(record, patch);
  extras.commit(record);
  const client = store.clients.get(record.clientId);
  if (client) {
    const profile = clientPatchFrom(input, client, venue.id, store.clock.now());
    if (Object.keys(profile).length > 0) store.updateClient(client, profile, venue.id);
    applyClientTags(store, client, input, venue.id);
  }
  return record;
}

/** Picks the slot for a booking: the requested time must be on a shift's grid and, unless bypassed, free. */
function resolveSlot(
  store: Store,
  venue: Venue,
  input: BookInput,
  actor: Actor,
  startMin: number,
  ignore: ReadonlySet<string> | undefined,
): Slot {
  const query = {
    venue,
    date: input.date,
    partySize: input.party_size,
    channel: actor.channel,
    nowMs: store.clock.now(),
    durationMin: input.duration,
  };
  const occupancy = occupancyOf(store, venue.id, input.date, ignore);
  const result = checkSlot(query, occupancy, startMin, {
    accessPersistentId: input.access_persistent_id,
    bypassAvailability: input.bypass_availability ?? false,
  });
  if (isRefusal(result)) throw refusalError(result);
  if (input.shift_persistent_id && input.shift_persistent_id !== result.shift.persistentId) {
    throw badRequest(
      `shift_persistent_id ${input.shift_persistent_id} does not match the shift at ${input.time}`,
    );
  }
  return result;
}

/** Explicit `table_codes` win (each must exist and, unless bypassed, be free); else a held or kept table; else the slot's best fit. */
function assignTables(
  store: Store,
  venue: Venue,
  input: BookInput,
  slot: Slot,
  preferred: readonly string[] | undefined,
  ignore: ReadonlySet<string> | undefined,
): Table[] {
  const occupancy = occupancyOf(store, venue.id, input.date, ignore);
  const end = slot.startMin + slot.durationMin;
  if (input.table_codes !== undefined) {
    const numbers = input.table_codes
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const tables = numbers.map((n) => {
      const table = venue.tables.find((t) => t.number === n);
      if (!table) throw badRequest(`table_codes: table ${n} does not exist at this venue`);
      if (!input.bypass_availability && !occupancy.isTableFree(table.id, slot.startMin, end)) {
        throw conflict(`table_codes: table ${n} is already taken at ${input.time} on ${input.date}`);
      }
      return table;
    });
    return tables;
  }
  if (preferred?.length) {
    const tables = preferred
      .map((id) => venue.tables.find((t) => t.id === id))
      .filter((t): t is Table => !!t);
    const fits = tables.reduce((sum, t) => sum + t.maxCovers, 0) >= input.party_size;
    if (fits && tables.every((t) => occupancy.isTableFree(t.id, slot.startMin, end))) return tables;
  }
  if (input.venue_seating_area_id !== undefined) {
    const inArea = tableInArea(venue, input.venue_seating_area_id, input.party_size, (t) =>
      occupancy.isTableFree(t.id, slot.startMin, end),
    );
    if (inArea) return [inArea];
  }
  return slot.table ? [slot.table] : [];
}

function findOrCreateClient(store: Store, venue: Venue, input: BookInput): ClientRecord {
  if (input.client_id) {
    const client = store.clients.get(input.client_id);
    if (!client || client.venueGroupId !== venue.venueGroupId)
      throw notFound(`client_id ${input.client_id} not found`);
    const profile = clientPatchFrom(input, client, venue.id, store.clock.now());
    if (Object.keys(profile).length > 0) store.updateClient(client, profile, venue.id);
    return client;
  }
  const existing = store.findClientByContact(venue.venueGroupId, input.phone ?? null, input.email ?? null);
  if (existing) {
    const profile = clientPatchFrom(input, existing, venue.id, store.clock.now());
    if (Object.keys(profile).length > 0) store.updateClient(existing, profile, venue.id);
    return existing;
  }
  const client = newClient(store, {
    venueGroupId: venue.venueGroupId,
    firstName: input.first_name!.trim(),
    lastName: input.last_name!.trim(),
    email: input.email ?? null,
    phone: input.phone ?? null,
    externalUserId: input.external_user_id ?? null,
    venueStats: { [venue.id]: emptyVenueStats() },
  });
  // A new guest's profile fields are part of its creation: one `created` event, no `updated` after it.
  Object.assign(client, clientPatchFrom(input, client, venue.id, store.clock.now()));
  store.insertClient(client, venue.id);
  return client;
}

function applyClientTags(store: Store, client: ClientRecord, input: BookInput, venueId: string): void {
  if (input.client_tags_to_add === undefined && input.client_tags_to_remove === undefined) return;
  const next = mergeTags(
    client.clientTags,
    parseTagList(input.client_tags_to_add),
    parseTagList(input.client_tags_to_remove),
  );
  if (JSON.stringify(next) !== JSON.stringify(client.clientTags))
    store.updateClient(client, { clientTags: next }, venueId);
}

/** A standard status, or a `CUSTOM_STATUS_<n>` the venue defines; 400 naming `status` otherwise. */
export function parseStatus(value: string | undefined, venue: Venue): ReservationStatus | undefined {
  if (value === undefined) return undefined;
  const status = value.trim().toUpperCase();
  const custom = Object.keys(customStatusLabels(venue));
  if (!isReservationStatus(status) || (isCustomStatus(status) && !custom.includes(status))) {
    const allowed = [...Object.keys(RESERVATION_STATUSES), ...custom].join(', ');
    throw badRequest(`status must be one of ${allowed}; got ${value}`);
  }
  return status;
}

/**
 * `seated_time` arrives venue-local (`2026-12-01T19:05:00`) and is stored, like the API shows it, with
 * microseconds. A value with `Z` or an offset is an instant, shown in the venue's zone.
 */
function parseSeatedTime(value: string | undefined, timeZone: string): string | null {
  if (value === undefined || value === '') return null;
  const zoned = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/.test(value) && /T|\s\d/.test(value);
  const ms = zoned ? parseIsoInstant(value) : parseNaiveIso(value);
  if (ms === null)
    throw badRequest(`seated_time must be an ISO date-time such as 2026-12-01T19:05:00; got ${value}`);
  return zoned ? formatLocalNaiveIso(ms, timeZone) : formatNaiveIso(ms);
}

/** Adds the status change and its timestamps to `patch`, and the guest-statistics change to the client. */
export function applyStatus(
  store: Store,
  record: ReservationRecord,
  to: ReservationStatus,
  patch: Partial<ReservationRecord>,
): void {
  const tz = store.catalog.venues.get(record.venueId)?.timeZone ?? 'UTC';
  const localNow = formatLocalNaiveIso(store.clock.now(), tz);
  patch.status = to;
  if (to === 'SEATED' && record.seatedTime === null && patch.seatedTime === undefined)
    patch.seatedTime = localNow;
  if (to === 'ARRIVED' || to === 'SEATED') patch.arrivedGuests = record.arrivedGuests ?? record.partySize;
  if (to === 'COMPLETE') patch.leftTime = localNow;
  const gross = linkPosVisit(store.catalog.venues.get(record.venueId), record, to, patch);
  const client = store.clients.get(record.clientId);
  if (client) {
    const stats = statsAfterStatusChange(client, { ...record, ...patch }, record.status, to, gross);
    if (stats) store.updateClient(client, { venueStats: stats }, record.venueId);
  }
}

/** A venue-side status move (seat, arrive, complete, no-show...). Refuses moves the lifecycle forbids. */
export function changeStatus(
  store: Store,
  record: ReservationRecord,
  to: ReservationStatus,
  extra: Partial<ReservationRecord> = {},
): ReservationRecord {
  if (record.status === to) return record;
  if (!canTransition(record.status, to))
    throw badRequest(`status cannot change from ${record.status} to ${to}`);
  const patch: Partial<ReservationRecord> = { ...extra };
  applyStatus(store, record, to, patch);
  store.updateReservation(record, patch);
  return record;
}

/**
 * Cancels: twice is a 400 with the real API's words; after the slot has started it is too late.
 * `send_client_email` is recorded as a cancellation notice in `mock_notifications` (nothing is sent).
 */
export function cancel(
  store: Store,
  record: ReservationRecord,
  options: { sendClientEmail?: boolean | undefined } = {},
): ReservationRecord {
  if (record.status === 'CANCELED') throw badRequest(MESSAGES.alreadyCancelled);
  const venue = store.catalog.venues.get(record.venueId);
  if (venue) {
    const local = venueLocal(store.clock.now(), venue.timeZone);
    if (record.date < local.date || (record.date === local.date && record.startMin <= local.minutes)) {
      throw badRequest(MESSAGES.afterCancelCutoff);
    }
  }
  if (!canTransition(record.status, 'CANCELED')) throw badRequest(MESSAGES.afterCancelCutoff);
  const notice = options.sendClientEmail
    ? { notifications: [...(record.notifications ?? []), cancellationNotice(record, store.clock.now())] }
    : {};
  return changeStatus(store, record, 'CANCELED', notice);
}

/** Re-seats a reservation at the given tables (a venue-side action). */
export function moveTables(
  store: Store,
  record: ReservationRecord,
  tableNumbers: readonly string[],
): ReservationRecord {
  const venue = store.catalog.venues.get(record.venueId)!;
  const occupancy = occupancyOf(store, venue.id, record.date, new Set([record.id]));
  const tables = tableNumbers.map((n) => {
    const table = venue.tables.find((t) => t.number === n);
    if (!table) throw badRequest(`table ${n} does not exist at this venue`);
    if (!occupancy.isTableFree(table.id, record.startMin, record.startMin + record.durationMin)) {
      throw conflict(`table ${n} is already taken at that time`);
    }
    return table;
  });
  store.updateReservation(record, {
    tableIds: tables.map((t) => t.id),
    seatingAreaId: tables[0]?.seatingAreaId ?? record.seatingAreaId,
  });
  return record;
}
