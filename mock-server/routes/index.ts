import { authHandlers } from './auth.js';
import { clientHandlers } from './clients.js';
import { conciergeBookingHandlers } from './concierge-booking.js';
import { conciergeChargeHandlers } from './concierge-charges.js';
import { conciergePaymentHandlers } from './concierge-payments.js';
import { conciergeUpgradeHandlers } from './concierge-upgrades.js';
import { conciergeGroupDeleteHandlers } from './concierge-group-delete.js';
import { conciergeRequestHandlers } from './concierge-requests.js';
import { conciergeReservationHandlers } from './concierge-reservations.js';
import { conciergeVenueHandlers } from './concierge-venues.js';
import type { ApiOperationId, OperationHandler } from './context.js';
import { experienceHandlers } from './experiences.js';
import { referenceDataHandlers } from './reference-data.js';
import { reservationAliasHandlers } from './reservation-aliases.js';
import { reservationHandlers } from './reservations.js';
import { venueHandlers } from './venues.js';
import { waitlistHandlers } from './waitlist.js';

/**
 * Every operation's handler, keyed by the spec's operationId. Typed against the generated
 * `operations`, so a missing or extra handler fails compilation; start-up checks the same at run time.
 */
export const ALL_HANDLERS: Readonly<Record<ApiOperationId, OperationHandler>> = {
  ...authHandlers,
  ...venueHandlers,
  ...reservationHandlers,
  ...reservationAliasHandlers,
  ...clientHandlers,
  ...waitlistHandlers,
  ...conciergeVenueHandlers,
  ...conciergeBookingHandlers,
  ...conciergeReservationHandlers,
  ...conciergePaymentHandlers,
  ...conciergeUpgradeHandlers,
  ...conciergeChargeHandlers,
  ...conciergeRequestHandlers,
  ...experienceHandlers,
  ...referenceDataHandlers,
  ...conciergeGroupDeleteHandlers,
};
