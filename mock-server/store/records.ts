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

/** A venue-defined custom field and its value, as the API shows it. */
export interface CustomField {
  system_name: string;
  name: string;
  value: string;
  display_order: number;
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
  /** The venue perk booked with it (absent on seeded records: none). */
  perkId?: string | null;
  /** The experience booked with it (absent on seeded records: none). */
  experienceId?: string | null;
  /** The reservation request it fulfilled (absent on seeded records: none). */
  requestId?: string | null;
  /** Book-form fields (issue 11C); optional so older snapshots and seeded records stay valid. */
  minPrice?: number | null;
  reservationSmsOptIn?: boolean | null;
  /** What the venue would have sent the guest (`send_*` flags); nothing is sent. */
  notifications?: NotificationRecord[];
  /** Documented book fields the mock keeps as sent but does not act on (docs/decisions/0009). */
  recordedFields?: Record<string, string | number | boolean>;
  /**
   * The party's spend level in cents per cover once its POS visit is linked, else null. The POS
   * checks are rebuilt from it, `posCovers` and the id (domain/pos-tickets.ts) instead of being stored.
   */
  posSpend: number | null;
  posCovers: number | null;
  servedBy: string | null;
  /** The guest's rating of the visit, 1-5. */
  rating: number | null;
  customFields: CustomField[];
  externalReferenceCode: string | null;
  /** Paylinks sent for this reservation (absent until the first one); shown in its `payments`. */
  paylinks?: PaylinkRecord[];
  createdMs: number;
  updatedMs: number;
}

/** A payment link sent to the guest of a reservation. Amounts are in cents, as the API sends them. */
export interface PaylinkRecord {
  id: string;
  type: 'charge' | 'collect';
  subtotal: number;
  serviceChargeAmount: number;
  taxAmount: number;
  gratuityAmount: number;
  gratuityType:
    'gratuity_percentage' | 'none' | 'require_client_select_charge' | 'client_select_gratuity' | null;
  noteToGuest: string;
  emailRequest: string;
  /** Minutes after creation when an unpaid link cancels the reservation; null for no auto-cancel. */
  autoCancelMinutes: number | null;
  /** Epoch ms of the auto-cancel deadline, or null. */
  deadlineMs: number | null;
  state: 'pending' | 'paid' | 'expired';
  createdMs: number;
  /** When the link was paid or expired. */
  settledMs: number | null;
}

/** A custom field value as the book form sets it: the same shape as the seeded ones. */
export type CustomFieldValue = CustomField;

/** A message the booking asked the venue to send (recorded, never delivered). */
export interface NotificationRecord {
  kind: 'confirmation' | 'update' | 'reminder' | 'cancellation';
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
  /** Marketing consent per venue (`venue_marketing_opt_in`), keyed by venue id. */
  venueMarketingOptIn?: Record<string, boolean>;
  privateNotes: string | null;
  memberGroups: string[];
  customFields: CustomField[];
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
  /** Spend including tax, service and tips (`total_spend` is the net of the same visits). */
  gross_total: number;
  /** Ratings the guest left on visits here, summed and counted (the API shows the average). */
  rating_sum: number;
  rating_count: number;
  /** Who booked the visits here (`booked_by` of each completed reservation), first seen first. */
  booked_by_names: string[];
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
  transactionType: 'PREPAYMENT' | 'CANCELLATION_FEE' | 'REFUND' | 'CONCIERGE_CHARGE';
  createdMs: number;
  /** Set on charges a concierge recorded with add_charge (charges made outside SevenRooms). */
  concierge?: ConciergeChargeDetails;
}

/** What `add_charge` records beyond a plain charge. Amounts in the venue's currency. */
export interface ConciergeChargeDetails {
  conciergeId: string;
  invoiceId: string;
  transactionId: string;
  cardId: string | null;
  upsellAmount: number;
  promoCodeId: string | null;
  promoDiscountAmount: number;
  /** The tax percentage sent (0-100); `taxAmount` holds the amount it makes. */
  taxPercent: number;
  /** The charge's total as recorded (the sum of its parts unless sent with skip_validation). */
  totalAmount: number;
}

/** Where a request stands: open, booked by the venue, or turned down. */
export type RequestStatus = 'UNAPPROVED' | 'ACCEPTED' | 'DECLINED';

export interface RequestRecord {
  id: string;
  venueId: string;
  conciergeId: string | null;
  /** The concierge's name, shown as `booked_by`. */
  bookedBy: string;
  date: string;
  /** The exact time asked for (`time`), if any; minutes after midnight, venue-local. */
  arrivalMin: number | null;
  /** The window the guest would accept (`start_time`..`end_time`). */
  startMin: number;
  endMin: number;
  partySize: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string | null;
  notes: string | null;
  internalNotes: string | null;
  durationMin: number | null;
  mfRatioMale: number;
  mfRatioFemale: number;
  /** Recorded only: the mock sends no email. */
  sendClientEmail: boolean | null;
  externalUserId: string | null;
  /** The guest: matched by phone or email (or named by `client_id`); set from the booking on accept. */
  clientId: string | null;
  loyaltyId: string | null;
  source: {
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    phone: string | null;
  } | null;
  status: RequestStatus;
  /** The reservation the venue booked when it accepted. */
  reservationId: string | null;
  declineReason: string | null;
  createdMs: number;
  updatedMs: number;
}

export interface TokenRecord {
  token: string;
  clientId: string;
  expiresMs: number;
}
