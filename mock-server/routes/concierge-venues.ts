import {
  requireConcierge,
  reservationAtVenue,
  reservationOfConcierge,
  venueOfConcierge,
} from '../auth/scope.js';
import { badRequest } from '../errors.js';
import type { Concierge, Venue } from '../domain/model.js';
import { pageLimit, paginateArray, queryFingerprint } from '../domain/pagination.js';
import { searchDay } from '../domain/search.js';
import { addDays } from '../domain/time.js';
import { renderAvailabilityDay } from '../render/availability.js';
import { renderConciergeVenue } from '../render/venue.js';
import type { Store } from '../store/store.js';
import { num, ok, sendJson, str, type Fields, type HandlerTable, type MockContext } from './context.js';
import { markExperience, narrowDay, offersInQuery } from './offer-filter.js';
import { calendarDate, reservationIdParam, timeWindow } from './params.js';

/** The availability parameters every Concierge availability operation shares. */
function dayQuery(query: Fields, venue: Venue, date: string) {
  return {
    venue,
    date,
    partySize: num(query, 'party_size')!,
    channel: 'CONCIERGE' as const,
    durationMin: num(query, 'duration'),
    ...timeWindow(query),
  };
}

function venuesOf(store: Store, concierge: Concierge): Venue[] {
  return concierge.venueIds.map((id) => store.catalog.venues.get(id)!);
}

/** One rendered day per venue that has at least one slot; 204 with no body when none has. */
function multiVenueAvailability(c: MockContext, store: Store, venues: Venue[], query: Fields): Response {
  const date = calendarDate(query, 'date');
  const availability = [];
  for (const venue of venues) {
    const day = searchDay(store, dayQuery(query, venue, date));
    if (day.slots.length > 0) {
      availability.push(
        renderAvailabilityDay(
          venue,
          date,
          day.slots,
          false,
          renderConciergeVenue(venue),
          num(query, 'party_size'),
        ),
      );
    }
  }
  if (availability.length === 0) return c.body(null, 204);
  return ok(c, { availability });
}

export const conciergeVenueHandlers = {
  /** Top-level list shape `{status, data: [...], cursor, limit}`, as the Concierge docs show. */
  listConciergeVenues({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const municipality = str(query, 'municipality_id');
    const postal = str(query, 'postal_code');
    const venueClass = str(query, 'venue_class');
    const venues = venuesOf(rt.store, concierge).filter(
      (v) =>
        (municipality === undefined || v.municipalityId === municipality) &&
        (postal === undefined || v.profile.postal_code === postal) &&
        (venueClass === undefined || venueClass === 'DINING'),
    );
    const limit = pageLimit(num(query, 'limit'), 100);
    const page = paginateArray(venues, {
      cursor: str(query, 'cursor'),
      limit,
      fingerprint: queryFingerprint(['listConciergeVenues', concierge.id, municipality, postal, venueClass]),
    });
    const body: Record<string, unknown> = { status: 200, data: page.items.map(renderConciergeVenue) };
    if (page.cursor !== undefined) body.cursor = page.cursor;
    body.limit = limit;
    body.request_id = c.get('requestId');
    return sendJson(c, body);
  },

  getConciergeVenue({ c, rt, params, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    return ok(c, renderConciergeVenue(venueOfConcierge(rt.store, concierge, params.venue_id!)));
  },

  getConciergeVenueDiningAvailability({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const date = calendarDate(query, 'date');
    const offers = offersInQuery(query, venue);
    const day = narrowDay(
      rt.store,
      venue,
      offers,
      query,
      date,
      searchDay(rt.store, dayQuery(query, venue, date)),
    );
    return ok(c, {
      availability: [
        markExperience(
          renderAvailabilityDay(
            venue,
            date,
            day.slots,
            day.isClosed,
            renderConciergeVenue(venue),
            num(query, 'party_size'),
          ),
          offers,
        ),
      ],
    });
  },

  /** `days_out` consecutive days from `date`; with `reservation_id`, that reservation's own table counts as free. */
  getConciergeVenueAvailabilityRange({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const start = calendarDate(query, 'date');
    const daysOut = num(query, 'days_out')!;
    if (daysOut < 1 || daysOut > 31) throw badRequest(`days_out must be between 1 and 31; got ${daysOut}`);
    const reservationId = str(query, 'reservation_id');
    // Only the concierge's own reservation at this venue; another tenant's is 404 like a missing one.
    const ignore =
      reservationId === undefined
        ? undefined
        : reservationAtVenue(
            reservationOfConcierge(rt.store, concierge.id, reservationIdParam(reservationId)),
            venue.id,
          ).id;
    const offers = offersInQuery(query, venue);
    const dates: Record<string, unknown> = {};
    for (let i = 0; i < daysOut; i++) {
      const date = addDays(start, i);
      const found = searchDay(rt.store, { ...dayQuery(query, venue, date), ignoreReservationId: ignore });
      const day = narrowDay(rt.store, venue, offers, query, date, found);
      dates[date] = markExperience(
        renderAvailabilityDay(venue, date, day.slots, day.isClosed, null, num(query, 'party_size')),
        offers,
      );
    }
    return ok(c, { dates, venue: renderConciergeVenue(venue) });
  },

  getConciergeMultiVenueDiningAvailability({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const ids = (str(query, 'venue_ids') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0) throw badRequest('venue_ids must list at least one venue id');
    if (ids.length > 50) throw badRequest('venue_ids may list at most 50 venues');
    const venues = [...new Set(ids)].map((id) => venueOfConcierge(rt.store, concierge, id));
    return multiVenueAvailability(c, rt.store, venues, query);
  },

  getConciergeDiningAvailability({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const municipality = str(query, 'municipality_id');
    const limit = pageLimit(num(query, 'limit'), 50);
    const venues = venuesOf(rt.store, concierge)
      .filter((v) => municipality === undefined || v.municipalityId === municipality)
      .slice(0, limit);
    return multiVenueAvailability(c, rt.store, venues, query);
  },
} satisfies HandlerTable;
