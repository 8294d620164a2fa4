import { notFound } from '../errors.js';
import type { Credential, Venue } from '../domain/model.js';
import type { Store } from '../store/store.js';

/**
 * For operations outside both families' path scopes (`/experiences/{venue_id}`, `/tags/client/...`):
 * a venue-group credential sees its group's venues; a concierge credential the venues it books; a
 * concierge-group credential the venues any of its concierges books. Any other venue is missing (404).
 */
export function canSeeVenue(store: Store, credential: Credential, venue: Venue): boolean {
  const scope = credential.scope;
  if (scope.kind === 'venue_group') return venue.venueGroupId === scope.venueGroupId;
  if (scope.kind === 'concierge')
    return store.catalog.concierges.get(scope.conciergeId)?.venueIds.includes(venue.id) ?? false;
  const group = store.catalog.conciergeGroups.get(scope.conciergeGroupId);
  return (
    group?.conciergeIds.some((id) => store.catalog.concierges.get(id)?.venueIds.includes(venue.id)) ?? false
  );
}

export function visibleVenue(store: Store, credential: Credential, venueId: string): Venue {
  const venue = store.catalog.venues.get(venueId);
  if (!venue || !canSeeVenue(store, credential, venue)) throw notFound(`Venue ${venueId} not found`);
  return venue;
}

/**
 * A venue named the way `GET /tags/client/{venue_name}` takes it. Mock convention: its
 * `venue_url_key` (e.g. `harborgrill`), its id, or its name (case-insensitive) all work.
 */
export function visibleVenueByName(store: Store, credential: Credential, name: string): Venue {
  const wanted = name.trim().toLowerCase();
  for (const venue of store.catalog.venues.values()) {
    const urlKey = venue.key.replace(/-/g, '');
    const matches =
      venue.id === name ||
      urlKey === wanted ||
      venue.key === wanted ||
      String(venue.profile.name ?? '').toLowerCase() === wanted;
    if (matches && canSeeVenue(store, credential, venue)) return venue;
  }
  throw notFound(`Venue ${name} not found`);
}
