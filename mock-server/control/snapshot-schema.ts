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
});

/** A closed object whose every listed property is required. */
function record(properties: Record<string, Schema>): Schema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}

export const RECORD_SCHEMAS = {
  clients: record({
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
    venueStats: { type: 'object', additionalProperties: venueStats },
    createdMs: epochMs,
    updatedMs: epochMs,
  }),
  reservations: record({
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
    createdMs: epochMs,
    updatedMs: epochMs,
  }),
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
    date,
    startMin: minuteOfDay,
    partySize: int(1, 100),
    firstName: text(500),
    lastName: text(500),
    phone: text(50),
    email: nullable(text(500)),
    notes: nullable(text()),
    createdMs: epochMs,
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
  },
};
