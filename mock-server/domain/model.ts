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
  municipalityId: string;
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
  venueGroups: ReadonlyMap<string, VenueGroup>;
  venues: ReadonlyMap<string, Venue>;
  concierges: ReadonlyMap<string, Concierge>;
  conciergeGroups: ReadonlyMap<string, ConciergeGroup>;
  credentials: ReadonlyMap<string, Credential>;
}
