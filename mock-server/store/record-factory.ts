import type { Store } from './store.js';
import type { ClientRecord, ReservationRecord } from './records.js';

/** What a new reservation must say; everything else starts empty (null, [] or 0). */
export type NewReservation = Pick<
  ReservationRecord,
  | 'venueId'
  | 'venueGroupId'
  | 'clientId'
  | 'date'
  | 'startMin'
  | 'durationMin'
  | 'partySize'
  | 'status'
  | 'bookedBy'
> &
  Partial<Omit<ReservationRecord, 'seq' | 'id' | 'referenceCode' | 'createdMs' | 'updatedMs'>>;

/**
 * A reservation record with a fresh seq, id and reference code, stamped with the clock's now.
 * The one place a record's optional fields get their defaults (booking, walk-ins, benches).
 */
export function newReservation(store: Store, fields: NewReservation): ReservationRecord {
  const now = store.clock.now();
  return {
    seq: store.nextSeq(),
    id: store.ids.key('nightloop_ReservationActual'),
    referenceCode: store.ids.referenceCode(),
    conciergeId: null,
    shiftPersistentId: null,
    accessPersistentId: null,
    shiftCategory: null,
    tableIds: [],
    seatingAreaId: null,
    reservationType: 'RESERVATION',
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    notes: null,
    clientRequests: null,
    externalId: null,
    externalUserId: null,
    tags: [],
    mfRatioMale: 0,
    mfRatioFemale: 0,
    arrivedGuests: null,
    seatedTime: null,
    leftTime: null,
    costOption: null,
    prepayment: null,
    totalPayment: null,
    posSpend: null,
    posCovers: null,
    servedBy: null,
    rating: null,
    customFields: [],
    externalReferenceCode: null,
    ...fields,
    createdMs: now,
    updatedMs: now,
  };
}

/** What a new guest must say; everything else starts empty. */
export type NewClient = Pick<ClientRecord, 'venueGroupId' | 'firstName' | 'lastName'> &
  Partial<Omit<ClientRecord, 'seq' | 'id' | 'referenceCode' | 'createdMs' | 'updatedMs'>>;

/** A client (guest) record with a fresh seq, id and reference code, stamped with the clock's now. */
export function newClient(store: Store, fields: NewClient): ClientRecord {
  const now = store.clock.now();
  return {
    seq: store.nextSeq(),
    id: store.ids.key('nightloop_VenueGroupClient'),
    referenceCode: store.ids.referenceCode(),
    salutation: null,
    title: null,
    gender: null,
    company: null,
    email: null,
    phone: null,
    phoneLocale: null,
    address: null,
    city: null,
    state: null,
    postalCode: null,
    country: null,
    birthdayDay: null,
    birthdayMonth: null,
    anniversaryDay: null,
    anniversaryMonth: null,
    clientTags: [],
    notes: null,
    isVip: false,
    marketingOptIn: false,
    marketingOptInMs: null,
    loyaltyId: null,
    loyaltyRank: null,
    loyaltyTier: null,
    preferredLanguageCode: 'en',
    externalUserId: null,
    privateNotes: null,
    memberGroups: [],
    customFields: [],
    venueStats: {},
    ...fields,
    createdMs: now,
    updatedMs: now,
  };
}
