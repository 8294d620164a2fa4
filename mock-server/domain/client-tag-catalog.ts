import type { Tag } from '../store/records.js';
import type { Store } from '../store/store.js';
import { stableKey } from './ids.js';
import type { ClientTagCategory, VenueGroup } from './model.js';

/**
 * A venue group's client tag categories: those its fixture declares, each widened with the tags its
 * clients actually carry, plus any category only clients carry (tags added by bookings with
 * `client_tags_to_add`, or by the seeder). So every tag on every client of the group is listed,
 * in its category, with the category's colour.
 */
export function clientTagCategories(store: Store, group: VenueGroup): ClientTagCategory[] {
  const byName = new Map<string, { category: ClientTagCategory; tags: Set<string> }>();
  for (const c of group.clientTagCategories)
    byName.set(c.name.toLowerCase(), { category: c, tags: new Set(c.tags) });
  // Seeded guests share frozen tag objects, so most tags are seen before: skip those by identity.
  const seen = new Set<Tag>();
  for (const client of store.clients.values()) {
    if (client.venueGroupId !== group.id || client.clientTags.length === 0) continue;
    for (const tag of client.clientTags) {
      if (seen.has(tag)) continue;
      seen.add(tag);
      const key = tag.group_display.toLowerCase();
      let entry = byName.get(key);
      if (!entry) {
        entry = {
          category: {
            id: stableKey('nightloop_GenericTagGroup', `${group.key}/${key}`),
            name: tag.group_display,
            tags: [],
            isVip: key === 'vip',
          },
          tags: new Set(),
        };
        byName.set(key, entry);
      }
      entry.tags.add(tag.tag_display);
    }
  }
  return [...byName.values()].map(({ category, tags }) => ({ ...category, tags: [...tags] }));
}
