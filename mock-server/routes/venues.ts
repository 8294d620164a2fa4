import { requireVenueGroup, venueOfGroup } from '../auth/scope.js';
import { pageLimit, paginate, paginateArray, queryFingerprint } from '../domain/pagination.js';
import { book, type BookInput } from '../domain/reservations.js';
import { searchDay } from '../domain/search.js';
import { shiftsOn } from '../domain/availability.js';
import { nextMinute } from '../domain/time.js';
import { venueDateKey } from '../store/store.js';
import { renderAvailabilityDay } from '../render/availability.js';
import { renderBookResult } from '../render/booking.js';
import { renderCharge } from '../render/charge.js';
import { renderShift } from '../render/shift.js';
import { renderVenue } from '../render/venue.js';
import { num, ok, okJsonText, okList, str, type HandlerTable } from './context.js';
import { calendarDate, dateRange, datesOf, timeWindow } from './params.js';

export const venueHandlers = {
  listVenues({ c, rt, query, credential }) {
    const groupId = requireVenueGroup(credential, str(query, 'venue_group_id'));
    const venues = rt.store.catalog.venueGroups
      .get(groupId)!
      .venueIds.map((id) => rt.store.catalog.venues.get(id)!);
    const limit = pageLimit(num(query, 'limit'), 30);
    const page = paginateArray(venues, {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint(['listVenues', groupId]),
    });
    return okList(c, page.items.map(renderVenue), limit, page.cursor);
  },

  getVenue({ c, rt, params, credential }) {
    const venue = venueOfGroup(rt.store, requireVenueGroup(credential), params.venue_id!);
    return okJsonText(c, rt.store.renders.venueJson(venue, renderVenue));
  },

  getVenueAvailability({ c, rt, params, query, credential }) {
    const venue = venueOfGroup(rt.store, requireVenueGroup(credential), params.venue_id!);
    const date = calendarDate(query, 'date');
    const partySize = num(query, 'party_size')!;
    const durationMin = num(query, 'duration');
    const window = timeWindow(query);
    const store = rt.store;
    const now = store.clock.now();
    // Same inputs, same occupancy, same minute and no hold expired since: the same answer.
    const key = `getVenueAvailability|${venue.id}|${date}|${partySize}|${durationMin}|${window.fromMin}|${window.toMin}`;
    const dataJson = store.renders.venueDateAnswer(key, venueDateKey(venue.id, date), now, () => {
      const day = searchDay(store, {
        venue,
        date,
        partySize,
        channel: 'RESERVATIONS_API',
        durationMin,
        ...window,
      });
      const data = {
        availability: [
          renderAvailabilityDay(venue, date, day.slots, day.isClosed, renderVenue(venue), partySize),
        ],
      };
      return {
        text: JSON.stringify(data),
        validUntilMs: Math.min(nextMinute(now), store.nextHoldExpiry(venue.id, date)),
      };
    });
    return okJsonText(c, dataJson);
  },

  bookVenueReservation({ c, rt, params, body, credential }) {
    const venue = venueOfGroup(rt.store, requireVenueGroup(credential), params.venue_id!);
    const record = book(rt.store, venue, body as unknown as BookInput, {
      channel: 'RESERVATIONS_API',
      conciergeId: null,
      name: `API (${credential.clientId})`,
    });
    return ok(c, renderBookResult(rt.store, record));
  },

  listVenueShifts({ c, rt, params, query, credential }) {
    const venue = venueOfGroup(rt.store, requireVenueGroup(credential), params.venue_id!);
    const start = calendarDate(query, 'start_date');
    const end = calendarDate(query, 'end_date', true) ?? start;
    dateRange(start, end, 31, ['start_date', 'end_date']);
    const shifts: Record<string, unknown[]> = {};
    for (const date of datesOf(start, end)) shifts[date] = shiftsOn(venue, date).map(renderShift);
    return ok(c, { shifts });
  },

  listVenueCharges({ c, rt, params, query, credential }) {
    const venue = venueOfGroup(rt.store, requireVenueGroup(credential), params.venue_id!);
    const limit = pageLimit(num(query, 'limit'), 30);
    const page = paginate(rt.store.chargesOfVenue(venue.id), {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint(['listVenueCharges', venue.id]),
    });
    const charges = page.items.map(renderCharge);
    return ok(c, page.cursor === undefined ? { charges, limit } : { charges, cursor: page.cursor, limit });
  },
} satisfies HandlerTable;
