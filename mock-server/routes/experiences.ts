import { requireConcierge, venueOfConcierge } from '../auth/scope.js';
import { visibleVenue } from '../auth/venue-visibility.js';
import { runsOn } from '../domain/offers.js';
import { notFound } from '../errors.js';
import { renderExperience, renderPerk } from '../render/offers.js';
import { ok, type HandlerTable } from './context.js';
import { calendarDate } from './params.js';

/** Experiences (any credential that sees the venue) and a venue's perks (concierge scope). */
export const experienceHandlers = {
  listVenueExperiences({ c, rt, params, credential }) {
    const venue = visibleVenue(rt.store, credential, params.venue_id!);
    return ok(c, { experience: venue.offers.experiences.map((e, i) => renderExperience(venue, e, i + 1)) });
  },

  getVenueExperience({ c, rt, params, credential }) {
    const venue = visibleVenue(rt.store, credential, params.venue_id!);
    const index = venue.offers.experiences.findIndex((e) => e.id === params.experience_id);
    if (index < 0) throw notFound(`Experience ${params.experience_id} not found`);
    return ok(c, { experience: renderExperience(venue, venue.offers.experiences[index]!, index + 1) });
  },

  /** The perks offered on `date`, each sold out once that night's bookings reach its limit. */
  listConciergeVenuePerks({ c, rt, params, query, credential }) {
    const concierge = requireConcierge(rt.store, credential, params.concierge_id!);
    const venue = venueOfConcierge(rt.store, concierge, params.venue_id!);
    const date = calendarDate(query, 'date');
    const perks = venue.offers.perks.filter((p) => runsOn(p.window, date));
    return ok(c, { perks: perks.map((p) => renderPerk(rt.store, venue, p, date)) });
  },
} satisfies HandlerTable;
