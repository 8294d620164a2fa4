import type { Venue } from '../domain/model.js';
import { renderVenuePaymentAccount } from './timeslot-payments.js';

const pick = (venue: Venue, field: string) => (venue.profile[field] ?? null) as unknown;

/**
 * The reference's photo objects, one per venue with a website: deterministic URLs under that site
 * (the mock serves no images; clients only store and show the links).
 */
function venuePhotos(venue: Venue): Record<string, string | number>[] {
  const site = venue.profile.website;
  if (typeof site !== 'string' || site === '') return [];
  const base = `${site.replace(/\/+$/, '')}/photos/dining-room`;
  const photo: Record<string, string | number> = {};
  for (const [size, [height, width]] of Object.entries(PHOTO_SIZES)) {
    photo[size] = `${base}/${size}.jpg`;
    photo[`${size}_height`] = height;
    photo[`${size}_width`] = width;
  }
  return [photo];
}

/** Pixel height and width of each size, in the proportions of the reference's examples. */
const PHOTO_SIZES: Record<string, [number, number]> = {
  large: [310, 505],
  medium: [215, 300],
  raw: [1200, 1955],
  small: [50, 80],
};

/** A venue as the Reservations API returns it. */
export function renderVenue(venue: Venue): Record<string, unknown> {
  const urlKey = venue.key.replace(/-/g, '');
  return {
    id: venue.id,
    name: pick(venue, 'name'),
    internal_name: pick(venue, 'internal_name'),
    venue_group_id: venue.venueGroupId,
    venue_group_name: venue.venueGroupName,
    venue_url_key: urlKey,
    venue_class: 'DINING',
    address: pick(venue, 'address'),
    cross_street: pick(venue, 'cross_street'),
    neighborhood: pick(venue, 'neighborhood'),
    city: pick(venue, 'city'),
    state: pick(venue, 'state'),
    country: pick(venue, 'country'),
    postal_code: pick(venue, 'postal_code'),
    phone_number: pick(venue, 'phone_number'),
    website: pick(venue, 'website'),
    currency_code: pick(venue, 'currency_code'),
    unique_confirmation_prefix: urlKey.slice(0, 3).toUpperCase(),
    external_venue_id: null,
    policy: null,
    primary_color: pick(venue, 'primary_color'),
    secondary_color: pick(venue, 'secondary_color'),
    timezone: venue.timeZone,
    photos: venuePhotos(venue),
    black_logo: null,
    white_logo: null,
    grid_enabled: true,
    full_dining_backend: true,
    membership_enabled: false,
  };
}

/** A venue as the Concierge API returns it: the Reservations-API fields plus the concierge details. */
export function renderConciergeVenue(venue: Venue): Record<string, unknown> {
  const requiresCard = venue.accessRules.some(
    (r) => r.requiresCreditCard && r.channels.includes('CONCIERGE'),
  );
  return {
    ...renderVenue(venue),
    cuisine: pick(venue, 'cuisine'),
    atmosphere: pick(venue, 'atmosphere'),
    municipality: venue.municipalityName,
    municipality_id: venue.municipalityId,
    payment_policy: null,
    payments: renderVenuePaymentAccount(venue),
    requires_credit_card: requiresCard,
    reservation_widget_url: `https://www.sevenrooms.com/reservations/${venue.key.replace(/-/g, '')}`,
    menu_link: null,
  };
}
