import { requireVenueGroup, venueOfGroup } from '../auth/scope.js';
import { pageLimit, paginate, queryFingerprint } from '../domain/pagination.js';
import { renderWaitlistEntry } from '../render/waitlist.js';
import { num, ok, str, type HandlerTable } from './context.js';
import { calendarDate, dateRange } from './params.js';

export const waitlistHandlers = {
  /** `data` is a one-element array `[{waitlist_entries, cursor, limit}]`, as integrations read it. */
  listWaitlist({ c, rt, query, credential }) {
    const groupId = requireVenueGroup(credential);
    const venue = venueOfGroup(rt.store, groupId, str(query, 'venue_id')!);
    const from = calendarDate(query, 'from_date', true);
    const to = calendarDate(query, 'to_date', true);
    if (from !== undefined && to !== undefined) dateRange(from, to, 366);
    const limit = pageLimit(num(query, 'limit'), 30);
    const page = paginate(rt.store.waitlistOfVenue(venue.id), {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint(['listWaitlist', venue.id, from ?? null, to ?? null]),
      filter: (w) => (from === undefined || w.date >= from) && (to === undefined || w.date <= to),
    });
    const entries = page.items.map(renderWaitlistEntry);
    return ok(c, [
      page.cursor === undefined
        ? { waitlist_entries: entries, limit }
        : { waitlist_entries: entries, cursor: page.cursor, limit },
    ]);
  },
} satisfies HandlerTable;
