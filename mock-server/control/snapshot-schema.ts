/**
 * JSON Schemas of the records a state snapshot holds, one entry per record kind. Import checks every
 * record against its kind's schema before it touches state (see snapshot-check.ts). Records are
 * closed (`additionalProperties: false`): a field the mock does not know is refused by name, and so
 * are `__proto__` and friends. Adding a record kind, or a field to one, is one entry here; the
 * round-trip test (an exported world imports unchanged) says when an entry is missing.
 */
import { RESERVATION_STATUSES } from '../domain/status.js';

type Schema = Record<string, unknown>;

const text = (maxLength = 10_000): Schema => ({ type: 'string', maxLength });
const id: Schema = { type: 'string', minLength: 1, maxLength: 500 };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const int = (minimum: number, maximum: number): Schema => ({ type: 'integer', minimum, maximum });
const money: Schema = { type: 'number', minimum: -1e9, maximum: 1e9 };
/** Epoch milliseconds of the years 2000–2099 (the mock's date bounds). */
const epochMs = int(946_684_800_000, 4_102_444_800_000);
/** `YYYY-MM-DD` in the years 2000–2099; the calendar itself is checked with the invariants. */
const date: Schema = { type: 'string', pattern: '^20\\d{2}-\\d{2}-\\d{2}$' };
const seq = int(1, Number.MAX_SAFE_INTEGER);
/** Minutes after midnight, venue-local. */
const minuteOfDay = int(0, 24 * 60 - 1);
const tag: Schema = record({
  tag: text(200),
  tag_display: text(200),
  group: text(200),
  group_display: text(200),
  color: text(50),
});
const venueStats: Schema = record({
  total_visits: int(0, 1e9),
  total_covers: int(0, 1e9),
  total_spend: money,
  total_cancelations: int(0, 1e9),
  total_noshows: int(0, 1e9),
  last_visit_date: nullable(date),
  gross_total: money,
  rating_sum: int(0, 1e9),
  rating_count: int(0, 1e9),
  booked_by_names: { type: 'array', maxItems: 1000, items: text(500) },
});

/** A closed object: every property of `properties` required, those of `optional` allowed. */
function record(properties: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties: { ...properties, ...optional },
  };
}

/** An open map (keys are ids or names); keys that reach an object's prototype are refused. */
const map = (values: Schema): Schema => ({
  type: 'object',
  propertyNames: { not: { enum: ['__proto__', 'constructor', 'prototype'] }, maxLength: 500 },
  additionalProperties: values,
});
const customField: Schema = record({
  system_name: text(200),
  name: text(200),
  value: text(),
  display_order: int(0, 1e6),
});
const notification: Schema = record({
  kind: { enum: ['confirmation', 'update', 'reminder'] },
  channel: { enum: ['email', 'sms'] },
  to: nullable(text(500)),
  requestedMs: epochMs,
});

export const RECORD_SCHEMAS = {
  clients: record(
    {
      seq,
      id,
      venueGroupId: id,
      referenceCode: text(50),
      firstName: text(500),
      lastName: text(500),
      salutation: nullable(text(100)),
      title: nullable(text(200)),
      gender: nullable(text(50)),
      company: nullable(text(500)),
      email: nullable(text(500)),
      phone: nullable(text(50)),
      phoneLocale: nullable(text(20)),
      address: nullable(text(1000)),
      city: nullable(text(200)),
      state: nullable(text(200)),
      postalCode: nullable(text(50)),
      country: nullable(text(100)),
      birthdayDay: nullable(int(1, 31)),
      birthdayMonth: nullable(int(1, 12)),
      anniversaryDay: nullable(int(1, 31)),
      anniversaryMonth: nullable(int(1, 12)),
      clientTags: { type: 'array', maxItems: 500, items: tag },
      notes: nullable(text()),
      isVip: { type: 'boolean' },
      marketingOptIn: { type: 'boolean' },
      marketingOptInMs: nullable(epochMs),
      loyaltyId: nullable(text(200)),
      loyaltyRank: nullable(int(0, 1e9)),
      loyaltyTier: nullable(text(200)),
      preferredLanguageCode: text(20),
      externalUserId: nullable(text(500)),
      privateNotes: nullable(text()),
      memberGroups: { type: 'array', maxItems: 500, items: text(200) },
      customFields: { type: 'array', maxItems: 500, items: customField },
      venueStats: map(venueStats),
      createdMs: epochMs,
      updatedMs: epochMs,
    },
    {
      address2: nullable(text(1000)),
      venueMarketingOptIn: map({ type: 'boolean' }),
    },
  ),
  reservations: record(
    {
      seq,
      id,
      referenceCode: { type: 'string', pattern: '^[A-Z0-9]{7}$' },
      venueId: id,
      venueGroupId: id,
      clientId: id,
      conciergeId: nullable(id),
      date,
      startMin: minuteOfDay,
      durationMin: int(1, 24 * 60),
      partySize: int(1, 100),
      shiftPersistentId: nullable(text(500)),
      accessPersistentId: nullable(text(500)),
      shiftCategory: nullable(text(100)),
      tableIds: { type: 'array', maxItems: 50, uniqueItems: true, items: id },
      seatingAreaId: nullable(id),
      status: { enum: Object.keys(RESERVATION_STATUSES) },
      reservationType: { enum: ['RESERVATION', 'WALK_IN'] },
      firstName: nullable(text(500)),
      lastName: nullable(text(500)),
      email: nullable(text(500)),
      phone: nullable(text(50)),
      notes: nullable(text()),
      clientRequests: nullable(text()),
      externalId: nullable(text(500)),
      externalUserId: nullable(text(500)),
      tags: { type: 'array', maxItems: 500, items: tag },
      mfRatioMale: int(0, 100),
      mfRatioFemale: int(0, 100),
      arrivedGuests: nullable(int(0, 100)),
      seatedTime: nullable(text(50)),
      leftTime: nullable(text(50)),
      bookedBy: text(500),
      costOption: nullable(money),
      prepayment: nullable(money),
      totalPayment: nullable(money),
      posSpend: nullable(money),
      posCovers: nullable(int(0, 1000)),
      servedBy: nullable(text(500)),
      rating: nullable(int(1, 5)),
      customFields: { type: 'array', maxItems: 500, items: customField },
      externalReferenceCode: nullable(text(500)),
      createdMs: epochMs,
      updatedMs: epochMs,
    },
    {
      perkId: nullable(id),
      experienceId: nullable(id),
      requestId: nullable(id),
      // Paylinks (issue 11A) are checked by their own feature; here only as objects without prototype keys.
      paylinks: {
        type: 'array',
        maxItems: 1000,
        items: {
          type: 'object',
          propertyNames: { not: { enum: ['__proto__', 'constructor', 'prototype'] } },
        },
      },
      minPrice: nullable(money),
      reservationSmsOptIn: nullable({ type: 'boolean' }),
      notifications: { type: 'array', maxItems: 1000, items: notification },
      recordedFields: map({ type: ['string', 'number', 'boolean'], maxLength: 10_000 }),
    },
  ),
  holds: record({
    id,
    venueId: id,
    conciergeId: nullable(id),
    date,
    startMin: minuteOfDay,
    durationMin: int(1, 24 * 60),
    partySize: int(1, 100),
    tableIds: { type: 'array', maxItems: 50, uniqueItems: true, items: id },
    shiftPersistentId: text(500),
    accessPersistentId: text(500),
    reservationId: nullable(id),
    createdMs: epochMs,
    expiresMs: epochMs,
    state: { enum: ['live', 'released', 'converted'] },
  }),
  waitlist: record({
    seq,
    id,
    venueId: id,
    venueGroupId: id,
    clientId: nullable(id),
    date,
    firstName: text(500),
    lastName: text(500),
    phone: nullable(text(50)),
    email: nullable(text(500)),
    partySize: int(1, 100),
    quotedWaitMinutes: int(0, 24 * 60),
    status: { enum: ['WAITING', 'SEATED', 'LEFT', 'CANCELED'] },
    notes: nullable(text()),
    reservationId: nullable(id),
    createdMs: epochMs,
    updatedMs: epochMs,
  }),
  charges: record({
    seq,
    id,
    venueId: id,
    venueGroupId: id,
    clientId: id,
    reservationId: id,
    date,
    baseAmount: money,
    taxAmount: money,
    gratuityAmount: money,
    additionalFee: money,
    brand: text(100),
    last4: { type: 'string', pattern: '^\\d{4}$' },
    isRefund: { type: 'boolean' },
    transactionType: { enum: ['PREPAYMENT', 'CANCELLATION_FEE', 'REFUND'] },
    createdMs: epochMs,
  }),
  requests: record({
    id,
    venueId: id,
    conciergeId: nullable(id),
    bookedBy: text(500),
    date,
    arrivalMin: nullable(minuteOfDay),
    startMin: minuteOfDay,
    endMin: minuteOfDay,
    partySize: int(1, 100),
    firstName: text(500),
    lastName: text(500),
    phone: text(50),
    email: nullable(text(500)),
    notes: nullable(text()),
    internalNotes: nullable(text()),
    durationMin: nullable(int(1, 24 * 60)),
    mfRatioMale: int(0, 100),
    mfRatioFemale: int(0, 100),
    sendClientEmail: nullable({ type: 'boolean' }),
    externalUserId: nullable(text(500)),
    clientId: nullable(id),
    loyaltyId: nullable(text(200)),
    source: nullable(
      record({
        firstName: nullable(text(500)),
        lastName: nullable(text(500)),
        email: nullable(text(500)),
        phone: nullable(text(50)),
      }),
    ),
    status: { enum: ['UNAPPROVED', 'ACCEPTED', 'DECLINED'] },
    reservationId: nullable(id),
    declineReason: nullable(text()),
    createdMs: epochMs,
    updatedMs: epochMs,
  }),
  tokens: record({ token: { type: 'string', pattern: '^[0-9a-f]{128}$' }, clientId: id, expiresMs: epochMs }),
} satisfies Record<string, Schema>;

export type RecordKind = keyof typeof RECORD_SCHEMAS;

/** The whole snapshot: its version, its sequence counter and one array per record kind. */
export const SNAPSHOT_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'seq', ...Object.keys(RECORD_SCHEMAS)],
  properties: {
    version: { const: 1 },
    seq: int(0, Number.MAX_SAFE_INTEGER),
    ...Object.fromEntries(
      Object.entries(RECORD_SCHEMAS).map(([kind, schema]) => [kind, { type: 'array', items: schema }]),
    ),
    // Records of kinds kept generically by the store (named collections): each with a string id.
    collections: map({
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string', minLength: 1 } },
        propertyNames: { not: { enum: ['__proto__', 'constructor', 'prototype'] } },
      },
    }),
  },
};
