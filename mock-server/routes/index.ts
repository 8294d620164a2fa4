import { authHandlers } from './auth.js';
import { clientHandlers } from './clients.js';
import { conciergeBookingHandlers } from './concierge-booking.js';
import { conciergeReservationHandlers } from './concierge-reservations.js';
import { conciergeVenueHandlers } from './concierge-venues.js';
import type { HandlerTable } from './context.js';
import { reservationHandlers } from './reservations.js';
import { venueHandlers } from './venues.js';
import { waitlistHandlers } from './waitlist.js';

/** Every operation's handler, keyed by the spec's operationId (checked against the spec at start-up). */
export const ALL_HANDLERS: HandlerTable = {
  ...authHandlers,
  ...venueHandlers,
  ...reservationHandlers,
  ...clientHandlers,
  ...waitlistHandlers,
  ...conciergeVenueHandlers,
  ...conciergeBookingHandlers,
  ...conciergeReservationHandlers,
};
