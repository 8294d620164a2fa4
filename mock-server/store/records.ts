/**
 * Stored records. Plain JSON data (no classes, no Maps) so a state snapshot is just these arrays;
 * indexes live in the store and are rebuilt on import.
 */
import type { ReservationStatus } from '../domain/status.js';

export interface Tag {
  tag: string;
  tag_display: string;
  group: string;
  group_display: string;
  color: string;
}

export interface ReservationRecord {
  /** Creation order; the key cursors page on, so records created mid-sync never shift earlier pages. */
  seq: number;
  id: string;
  referenceCode: string;
  venueId: string;
  venueGroupId: string;
  clientId: string;
  conciergeId: string | null;
  date: string;
  startMin: number;
  durationMin: number;
  partySize: number;
  shiftPersistentId: string | null;
  accessPersistentId: string | null;
  shiftCategory: string | null;
  tableIds: string[];
  seatingAreaId: string | null;
  status: ReservationStatus;
  reservationType: 'RESERVATION' | 'WALK_IN';
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  clientRequests: string | null;
  externalId: string | null;
  externalUserId: string | null;
  tags: Tag[];
  mfRatioMale: number;
  mfRatioFemale: number;
  arrivedGuests: number | null;
  /** Venue-local naive ISO, as rendered. */
  seatedTime: string | null;
  leftTime: string | null;
  bookedBy: string;
  costOption: number | null;
  prepayment: number | null;
  totalPayment: number | null;
  /** Book-form fields (issue 11C); optional so older snapshots and seeded records stay valid. */
  customFields?: CustomFieldValue[];
  minPrice?: number | null;
  reservationSmsOptIn?: boolean | null;
  /** What the venue would have sent the guest (`send_*` flags); nothing is sent. */
  notifications?: NotificationRecord[];
  /** Documented book fields the mock keeps as sent but does not act on (docs/decisions/0009). */
  recordedFields?: Record<string, string | number | boolean>;
  createdMs: number;
  updatedMs: number;
}

/** A custom field as the API shows it on clients and reservations. */
export interface CustomFieldValue {
  system_name: string;
  name: string;
  value: string;
  display_order: number;
}

/** A message the booking asked the venue to send (recorded, never delivered). */
export interface NotificationRecord {
  kind: 'confirmation' | 'update' | 'reminder';
  channel: 'email' | 'sms';
  to: string | null;
  requestedMs: number;
}

export interface ClientRecord {
  seq: number;
  id: string;
  venueGroupId: string;
  referenceCode: string;
  firstName: string;
  lastName: string;
  salutation: string | null;
  title: string | null;
  gender: string | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  phoneLocale: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  birthdayDay: number | null;
  birthdayMonth: number | null;
  anniversaryDay: number | null;
  anniversaryMonth: number | null;
  clientTags: Tag[];
  notes: string | null;
  isVip: boolean;
  marketingOptIn: boolean;
  marketingOptInMs: number | null;
  loyaltyId: string | null;
  loyaltyRank: number | null;
  loyaltyTier: string | null;
  preferredLanguageCode: string;
  externalUserId: string | null;
  /** Book-form profile fields (issue 11C); optional so older snapshots and seeded records stay valid. */
  address2?: string | null;
  customFields?: CustomFieldValue[];
  /** Marketing consent per venue (`venue_marketing_opt_in`), keyed by venue id. */
  venueMarketingOptIn?: Record<string, boolean>;
  /** Per-venue visit statistics, kept consistent with the client's reservations. */
  venueStats: Record<string, VenueStats>;
  createdMs: number;
  updatedMs: number;
}

export interface VenueStats {
  total_visits: number;
  total_covers: number;
  total_spend: number;
  total_cancelations: number;
  total_noshows: number;
  last_visit_date: string | null;
}

export interface HoldRecord {
  id: string;
  venueId: string;
  conciergeId: string | null;
  date: string;
  startMin: number;
  durationMin: number;
  partySize: number;
  tableIds: string[];
  shiftPersistentId: string;
  accessPersistentId: string;
  /** A hold placed while modifying an existing reservation ignores that reservation's own tables. */
  reservationId: string | null;
  createdMs: number;
  expiresMs: number;
  state: 'live' | 'released' | 'converted';
}

export interface WaitlistRecord {
  seq: number;
  id: string;
  venueId: string;
  venueGroupId: string;
  clientId: string | null;
  date: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  partySize: number;
  quotedWaitMinutes: number;
  status: 'WAITING' | 'SEATED' | 'LEFT' | 'CANCELED';
  notes: string | null;
  reservationId: string | null;
  createdMs: number;
  updatedMs: number;
}

export interface ChargeRecord {
  seq: number;
  id: string;
  venueId: string;
  venueGroupId: string;
  clientId: string;
  reservationId: string;
  date: string;
  baseAmount: number;
  taxAmount: number;
  gratuityAmount: number;
  additionalFee: number;
  brand: string;
  last4: string;
  isRefund: boolean;
  transactionType: 'PREPAYMENT' | 'CANCELLATION_FEE' | 'REFUND';
  createdMs: number;
}

export interface RequestRecord {
  id: string;
  venueId: string;
  conciergeId: string | null;
  date: string;
  startMin: number;
  partySize: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string | null;
  notes: string | null;
  createdMs: number;
}

export interface TokenRecord {
  token: string;
  clientId: string;
  expiresMs: number;
}
