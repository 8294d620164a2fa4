import type { Venue } from './model.js';

/**
 * A venue's own statuses, from the fixture's `custom_statuses` (`[{status, display}]`, kept in the
 * venue profile): `CUSTOM_STATUS_<n>` → the label SevenRooms shows as `status_display`.
 */
export function customStatusLabels(venue: Venue | undefined): Readonly<Record<string, string>> {
  const cached = venue ? cache.get(venue) : undefined;
  if (cached) return cached;
  const labels: Record<string, string> = {};
  const listed = venue?.profile.custom_statuses;
  if (Array.isArray(listed)) {
    for (const item of listed as { status?: unknown; display?: unknown }[]) {
      if (typeof item.status === 'string' && typeof item.display === 'string')
        labels[item.status] = item.display;
    }
  }
  if (venue) cache.set(venue, labels);
  return labels;
}

const cache = new WeakMap<Venue, Readonly<Record<string, string>>>();
