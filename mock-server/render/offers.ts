import { isSoldOut } from '../domain/offers.js';
import type { Experience, Perk, Venue } from '../domain/model.js';
import type { Store } from '../store/store.js';

const image = (url: string | null) => ({
  crop_info: { height: 0, width: 0, x: 0, y: 0 },
  photo_dict: { raw: url ?? '' },
  raw_url_key: url ?? '',
});

/** An experience (offer) in the reference's shape; the private-dining and TheFork fields stay empty. */
export function renderExperience(venue: Venue, e: Experience, sortOrder: number): Record<string, unknown> {
  const urlKey = venue.key.replace(/-/g, '');
  return {
    id: e.id,
    venue_id: venue.id,
    name: e.name,
    title: e.title,
    description: e.description,
    price_description: e.priceDescription,
    hide_price_description: e.priceDescription === '',
    offer_type: e.offerType,
    default_party_size: e.defaultPartySize,
    is_featured: e.isFeatured,
    hide_on_directory: false,
    status: 'ACTIVE',
    visibility: 'PUBLIC',
    sort_order: sortOrder,
    landing_url_key: `${urlKey}-${e.key}`,
    hero_image: image(e.imageUrl),
    image_list: e.imageUrl ? [image(e.imageUrl)] : [],
    menu_blob_id: '',
    menu_filename: '',
    parent_id: '',
    template_id: '',
    offer_template_id: '',
    pdr_amenities: '',
    pdr_code: '',
    pdr_room_type: '',
    pdr_rooms: '',
    pdr_seating_areas: '',
    pdr_square_footage: 0,
    pdr_standing_capacity: 0,
    pdr_tables: '',
    pdr_tables_combinations: '',
    thefork_active: false,
    thefork_early_preview_date: '',
    thefork_end_date: '',
    thefork_menu: [],
    thefork_name: '',
    thefork_offer_uuid: '',
    thefork_price: '',
    thefork_start_date: '',
  };
}

/** A perk for a date: `is_sold_out` once the night's bookings with it reach its limit. */
export function renderPerk(store: Store, venue: Venue, p: Perk, date: string): Record<string, unknown> {
  return {
    id: p.id,
    title: p.title,
    url: p.url ?? '',
    is_sold_out: isSoldOut(store, venue, { kind: 'perk', offer: p }, date),
  };
}
