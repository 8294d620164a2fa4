import { forbidden, MESSAGES, notFound } from '../errors.js';
import type { Concierge, Credential, Venue } from '../domain/model.js';
import type { ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/**
 * Tenant isolation. A venue-group credential sees its group; a concierge credential sees its
 * concierge (and books only its venues); a concierge-group credential acts for any of its
 * concierges. Another tenant's objects answer 404 exactly like missing ones, so ids cannot be probed.
 */
export function requireVenueGroup(credential: Credential, requested?: string): string {
  if (credential.scope.kind !== 'venue_group') {
    throw forbidden('This operation needs a venue-group credential; this token belongs to a concierge');
  }
  if (requested !== undefined && requested !== credential.scope.venueGroupId) {
    throw forbidden(`venue_group_id ${requested} is not accessible with this credential`);
  }
  return credential.scope.venueGroupId;
}

export function venueOfGroup(store: Store, venueGroupId: string, venueId: string): Venue {
  const venue = store.catalog.venues.get(venueId);
  if (!venue || venue.venueGroupId !== venueGroupId) throw notFound(`Venue ${venueId} not found`);
  return venue;
}

/** The concierge the path names, if this credential may act for it. */
export function requireConcierge(store: Store, credential: Credential, conciergeId: string): Concierge {
  const concierge = store.catalog.concierges.get(conciergeId);
  const allowed =
    concierge &&
    ((credential.scope.kind === 'concierge' && credential.scope.conciergeId === conciergeId) ||
      (credential.scope.kind === 'concierge_group' &&
        credential.scope.conciergeGroupId === concierge.conciergeGroupId));
  if (!allowed) throw forbidden(`This credential may not act for concierge ${conciergeId}`);
  return concierge;
}

export function requireConciergeGroup(credential: Credential, conciergeGroupId: string): string {
  const groupId =
    credential.scope.kind === 'concierge_group' || credential.scope.kind === 'concierge'
      ? credential.scope.conciergeGroupId
      : null;
  if (groupId !== conciergeGroupId)
    throw forbidden(`This credential may not act for concierge group ${conciergeGroupId}`);
  return groupId;
}

export function venueOfConcierge(store: Store, concierge: Concierge, venueId: string): Venue {
  const venue = store.catalog.venues.get(venueId);
  if (!venue || !concierge.venueIds.includes(venueId)) throw notFound(`Venue ${venueId} not found`);
  return venue;
}

/** A reservation by id or reference code, if the concierge booked it. */
export function reservationOfConcierge(store: Store, conciergeId: string, id: string): ReservationRecord {
  const r = store.findReservation(id);
  if (!r || r.conciergeId !== conciergeId) throw notFound(MESSAGES.reservationNotFound);
  return r;
}

/** The reservation itself when it is at `venueId`; otherwise 404, as for a reservation that does not exist. */
export function reservationAtVenue(r: ReservationRecord, venueId: string): ReservationRecord {
  if (r.venueId !== venueId) throw notFound(MESSAGES.reservationNotFound);
  return r;
}

/** A reservation by id or reference code, if the concierge group (or one concierge of it) booked it. */
export function reservationOfConciergeGroup(
  store: Store,
  credential: Credential,
  conciergeGroupId: string,
  id: string,
): ReservationRecord {
  const r = store.findReservation(id);
  const concierge = r?.conciergeId ? store.catalog.concierges.get(r.conciergeId) : undefined;
  const visible =
    concierge?.conciergeGroupId === conciergeGroupId &&
    (credential.scope.kind !== 'concierge' || credential.scope.conciergeId === concierge.id);
  if (!r || !visible) throw notFound(MESSAGES.reservationNotFound);
  return r;
}

export function reservationOfGroup(store: Store, venueGroupId: string, id: string): ReservationRecord {
  const r = store.findReservation(id);
  if (!r || r.venueGroupId !== venueGroupId) throw notFound(MESSAGES.reservationNotFound);
  return r;
}
