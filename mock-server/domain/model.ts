/**
 * The restaurant model the availability engine works on: venue groups, venues, seating areas,
 * tables, shifts, access rules, concierges. Built once from a fixture file; immutable at run time.
 */
import type { Pricing, UpgradeCategory } from './pricing-model.js';
import type { Weekday } from './time.js';

export type Channel = 'RESERVATIONS_API' | 'CONCIERGE';

export interface Table {
  id: string;
  number: string;
  seatingAreaId: string;
  minCovers: number;
  maxCovers: number;
}

export interface SeatingArea {
  id: string;
  name: string;
}

export interface Shift {
  persistentId: string;
  name: string;
  category: string;
  days: readonly Weekday[];
  /** Minutes after midnight, venue-local. Seatings run from `startMin` up to, not including, `endMin`. */
  startMin: number;
  endMin: number;
  intervalMinutes: number;
  /** Keys are party sizes as strings, `"-1"` the default for sizes not listed. */
  durationByPartySize: Readonly<Record<string, number>>;
  coversPerSeatingInterval: number;
  /** `"HH:MM"` → covers allowed to start at that time, overriding `coversPerSeatingInterval`. */
  customPacing: Readonly<Record<string, number>>;
}

export interface AccessRule {
  persistentId: string;
  id: string;
  name: string;
  shiftPersistentIds: readonly string[];
  startMin: number;
  endMin: number;
  partySizeMin: number;
  partySizeMax: number;
  channels: readonly Channel[];
  isExclusive: boolean;
  requiresCreditCard: boolean;
  minSpend: number | null;
  cancelCutoffHours: number | null;
  bookingPolicy: string | null;
  cancellationPolicy: string | null;
}

export interface Venue {
  id: string;
  key: string;
  venueGroupId: string;
  venueGroupName: string;
  timeZone: string;
  /** The municipality's id (a datastore key derived from the fixture's municipality key). */
  municipalityId: string;
  municipalityName: string;
  /** Experiences and perks concierges can book here (see domain/offers.ts). */
  offers: VenueOffers;
  /** Static descriptive fields rendered as they are (name, address, cuisine, ...). */
  profile: Readonly<Record<string, unknown>>;
  seatingAreas: readonly SeatingArea[];
  tables: readonly Table[];
  shifts: readonly Shift[];
  accessRules: readonly AccessRule[];
  /** What a reservation costs (calculate_prices, paylinks); null when the venue charges nothing. */
  pricing: Pricing | null;
  /** Upgrades a booking can add, by category, in fixture order. */
  upgradeCategories: readonly UpgradeCategory[];
}

export interface VenueGroup {
  id: string;
  key: string;
  name: string;
  venueIds: readonly string[];
  /** The group's client tag categories, as a venue's tag settings show them. */
  clientTagCategories: readonly ClientTagCategory[];
}

export interface Concierge {
  id: string;
  key: string;
  name: string;
  conciergeGroupId: string;
  venueIds: readonly string[];
}

export interface ConciergeGroup {
  id: string;
  key: string;
  name: string;
  conciergeIds: readonly string[];
}

/** What a credential may see: a venue group, one concierge, or a concierge group. */
export type Scope =
  | { kind: 'venue_group'; venueGroupId: string }
  | { kind: 'concierge'; conciergeId: string; conciergeGroupId: string }
  | { kind: 'concierge_group'; conciergeGroupId: string };

export interface Credential {
  clientId: string;
  clientSecret: string;
  scope: Scope;
  description: string;
}

export interface Catalog {
  municipalities: ReadonlyMap<string, Municipality>;
  venueGroups: ReadonlyMap<string, VenueGroup>;
  venues: ReadonlyMap<string, Venue>;
  concierges: ReadonlyMap<string, Concierge>;
  conciergeGroups: ReadonlyMap<string, ConciergeGroup>;
  credentials: ReadonlyMap<string, Credential>;
}

/** A city or area venues belong to; concierge venue search and availability filter by it. */
export interface Municipality {
  id: string;
  key: string;
  name: string;
}

/** A client tag category of a venue group and the tags it defines (display names). */
export interface ClientTagCategory {
  id: string;
  name: string;
  tags: readonly string[];
  isVip: boolean;
}

/**
 * When an experience or perk can be booked: weekdays, shifts, a time window, party sizes, an
 * optional date range, and (perks) how many reservations per night may carry it.
 */
export interface OfferWindow {
  days: readonly Weekday[];
  /** Empty: every shift. */
  shiftPersistentIds: readonly string[];
  startMin: number;
  endMin: number;
  partySizeMin: number;
  partySizeMax: number;
  startDate: string | null;
  endDate: string | null;
  /** Reservations per venue-local date that may carry the offer; null = no cap. */
  nightlyLimit: number | null;
}

export interface Experience {
  id: string;
  key: string;
  name: string;
  title: string;
  description: string;
  priceDescription: string;
  offerType: string;
  defaultPartySize: number;
  isFeatured: boolean;
  imageUrl: string | null;
  window: OfferWindow;
}

export interface Perk {
  id: string;
  key: string;
  title: string;
  url: string | null;
  window: OfferWindow;
}

export interface VenueOffers {
  experiences: readonly Experience[];
  perks: readonly Perk[];
  /** Whether concierges may send reservation requests (the venue's "concierge requests" setting). */
  acceptsRequests: boolean;
}
