import { requireConcierge } from '../auth/scope.js';
import { visibleVenueByName } from '../auth/venue-visibility.js';
import { clientTagCategories } from '../domain/client-tag-catalog.js';
import type { Municipality } from '../domain/model.js';
import { renderTagCategory } from '../render/client-tags.js';
import { ok, type HandlerTable } from './context.js';

/** `{municipality_id: name}`, the reference's map shape, in name order. */
const municipalityMap = (list: Iterable<Municipality>) =>
  Object.fromEntries([...list].sort((a, b) => a.name.localeCompare(b.name)).map((m) => [m.id, m.name]));

/** Municipalities and client tags: the lists clients use to fill search filters and tag pickers. */
export const referenceDataHandlers = {
  /** Every municipality the platform knows, for any authenticated credential. */
  listMunicipalities({ c, rt }) {
    return ok(c, municipalityMap(rt.store.catalog.municipalities.values()));
  },

  /** Only the municipalities the concierge has venues in. */
  listConciergeMunicipalities({ c, rt, params, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const ids = new Set(concierge.venueIds.map((id) => rt.store.catalog.venues.get(id)!.municipalityId));
    return ok(c, municipalityMap([...ids].map((id) => rt.store.catalog.municipalities.get(id)!)));
  },

  /** The venue group's client tag categories, with every tag its clients carry. */
  listClientTags({ c, rt, params, credential }) {
    const venue = visibleVenueByName(rt.store, credential, params.venue_name!);
    const group = rt.store.catalog.venueGroups.get(venue.venueGroupId)!;
    return ok(
      c,
      clientTagCategories(rt.store, group).map((category, i) => renderTagCategory(group.id, category, i + 1)),
    );
  },
} satisfies HandlerTable;
