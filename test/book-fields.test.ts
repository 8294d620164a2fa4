import { describe, expect, it } from 'vitest';
import type { oas31 } from 'openapi3-ts';
import { RECORDED_ONLY_FIELDS } from '../mock-server/domain/book-fields.js';
import { loadSpec } from '../mock-server/spec/load-spec.js';
import type { StoreChange } from '../mock-server/store/change-feed.js';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

const DATE = '2026-12-08';
// Tests read wire objects freely; the contract suite checks their shapes.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Wire = any;

/** Every field the spec documents for the book form. */
const PROPERTIES = (loadSpec().doc.components!.schemas!.BookReservationFields as oas31.SchemaObject)
  .properties as Record<string, Record<string, unknown>>;
const DOCUMENTED = Object.keys(PROPERTIES);

const HG = (t: TestServer) => t.venueId('harbor-grill');
const terraceId = (t: TestServer) =>
  t.mock.catalog.venues.get(HG(t))!.seatingAreas.find((a) => a.name === 'Terrace')!.id;

/** The values the all-fields booking sends on create; `True`/`TRUE`/`1` are what real clients send. */
const RECORDED_VALUES: Record<string, string | number | boolean> = {
  slot_option_id: 'slot-option-7',
  system_class: 'TABLE',
  card_token: 'tok_visa_4242',
  source_first_name: 'Ava',
  source_last_name: 'Laurent',
  source_email: 'ava@example.com',
  source_phone: '+12125550111',
};

interface Outcome {
  created: Wire;
  /** The book answer's `data` (upgrades, paylink_auto_cancel). */
  booked: Wire;
  /** The intent's client_secret: a secret, unlike the intent id the client sends back. */
  intentSecret: string;
  reservation: Wire;
  client: Wire;
  stored: Wire;
  holdState: string | undefined;
  texts: string[];
  /** The perk, experience and reservation request the booking named, and the request afterwards. */
  linked: { perkId: string; experienceId: string; request: Wire };
}

/** Books with every documented create field, then updates with the update-only ones; reads everything back. */
async function bookEveryField(t: TestServer): Promise<{ outcome: Outcome; sent: Set<string> }> {
  const ava = t.conciergeId('ava');
  const venue = HG(t);
  const token = await t.login(CREDENTIALS.ava);
  const harbor = await t.login(CREDENTIALS.harbor);
  const book = (form: Record<string, string | number | boolean>) =>
    t.put(`/concierge/${ava}/venues/${venue}/book`, token, form);

  const first = await book({ date: DATE, time: '19:00', party_size: 2, ...guest(1) });
  expect(first.status, first.text).toBe(200);
  const prior = first.body.data.reservation;
  // A perk and an experience Harbor Grill offers on Tuesday evenings, and an open request to fulfil.
  const offers = t.mock.catalog.venues.get(venue)!.offers;
  const perkId = offers.perks.find((p) => p.key === 'champagne-welcome')!.id;
  const experienceId = offers.experiences.find((e) => e.key === 'chefs-counter')!.id;
  const asked = await t.put(`/concierge/${ava}/venues/${venue}/request`, token, {
    date: DATE,
    time: '19:00',
    party_size: 2,
    first_name: 'Grace',
    last_name: 'Hopper',
    phone: '+12125550178',
  });
  expect(asked.status, asked.text).toBe(200);
  const requestId = asked.body.data.request_id as string;

  // The payments feature's fields need a real intent and a real upgrade of the venue.
  const intent = await t.post(`/concierge/${ava}/begin_payment?venue_id=${venue}`, token, { amount: 3000 });
  expect(intent.status, intent.text).toBe(200);
  const intentId = intent.body.data.intent_id as string;
  const intentSecret = intent.body.data.client_secret as string;
  const champagne = t.mock.catalog.venues
    .get(venue)!
    .upgradeCategories.flatMap((c) => c.upgrades)
    .find((u) => u.name === 'Champagne toast')!.id;

  const createForm: Record<string, string | number | boolean> = {
    date: DATE,
    time: '19:00',
    party_size: 2,
    first_name: 'Grace',
    last_name: 'Hopper',
    phone: '+12125550178',
    email: 'grace@example.com',
    notes: 'Quiet table please',
    internal_notes: 'Regular; knows the chef',
    client_id: prior.client_id,
    access_persistent_id: prior.access_persistent_id,
    shift_persistent_id: prior.shift_persistent_id,
    venue_seating_area_id: terraceId(t),
    duration: 120,
    status: 'CONFIRMED',
    seated_time: '2026-12-08T19:05:00',
    is_walkin: 'True',
    mf_ratio_male: 1,
    mf_ratio_female: 1,
    external_id: 'ext-1',
    external_user_id: 'user-9',
    reservation_tags: 'Occasion:Anniversary',
    client_tags_to_add: 'VIP:Regular,Dietary:Vegan',
    custom_fields: '{"occasion":"Anniversary"}',
    custom_unindexed: 'table_note:By the window',
    min_price: '150.50',
    salutation: 'Rear Admiral',
    address: '1 Navy Way',
    address_2: 'Apt 2',
    city: 'Arlington',
    state: 'VA',
    postal_code: '22202',
    country: 'US',
    birthday: '12-09',
    anniversary: '1930-06-15',
    loyalty_id: 'L-77',
    loyalty_tier: 'Gold',
    loyalty_rank: '3',
    venue_group_marketing_opt_in: 'TRUE',
    venue_marketing_opt_in: true,
    client_custom_fields_args: 'favourite_wine:Riesling',
    client_custom_unindexed: '{"allergy":"none"}',
    send_client_email: true,
    send_client_sms: 'True',
    send_reminder_email: '1',
    send_reminder_sms: 'true',
    reservation_sms_opt_in: 'False',
    bypass_availability: true,
    bypass_required_contact_fields: true,
    // The same guest already holds 19:00 (the first booking): only the bypass lets this one through.
    bypass_duplicate_reservation_check: true,
    perk_id: perkId,
    experience_id: experienceId,
    request_id: requestId,
    ...RECORDED_VALUES,
    payment_instrument_token: intentId,
    payment_subtotal: 12000,
    payment_gratuity: 2000,
    payment_service_charge: 1000,
    payment_tax: 900,
    payment_by_paylink: true,
    paylink_cancel_time: 30,
    paylink_note: 'Deposit for the tasting menu',
    paylink_email: 'pay@example.com',
    upgrade_inventories: `${champagne}:2`,
  };
  const created = await book(createForm);
  expect(created.status, created.text).toBe(200);
  const id = created.body.data.reservation_id as string;

  const slotQuery = `date=${DATE}&party_size=2&start_time=20:30&end_time=20:30`;
  const avail = await t.get(`/concierge/${ava}/venues/${venue}/availability/dining?${slotQuery}`, token);
  const slot = avail.body.data.availability[0].timeslots[0];
  const hold = await t.put(`/concierge/${ava}/venues/${venue}/holds`, token, {
    date: DATE,
    time: '20:30',
    party_size: 2,
    shift_persistent_id: slot.shift_persistent_id,
    access_persistent_id: slot.access_persistent_id,
  });
  expect(hold.status, hold.text).toBe(200);
  const holdId = hold.body.data.reservation_hold_id as string;

  const updateForm = {
    reservation_id: id,
    date: DATE,
    time: '20:30',
    party_size: 2,
    reservation_hold_id: holdId,
    table_codes: '9',
    status: 'CUSTOM_STATUS_1',
    client_tags_to_remove: 'Dietary:Vegan',
    bypass_editable_cutoff: true,
  };
  const updated = await book(updateForm);
  expect(updated.status, updated.text).toBe(200);

  const reservation = (await t.get(`/reservations/${id}`, harbor)).body.data;
  const client = (await t.get(`/clients/${reservation.client_id}`, harbor)).body.data;
  const state = (await (await t.control('GET', '/state')).json()) as Wire;
  const request = (await t.get(`/concierge/${ava}/venues/${venue}/request/${requestId}`, token)).body.data;
  const stored = state.reservations.find((r: Wire) => r.id === id);
  const holdState = state.holds.find((h: Wire) => h.id === holdId)?.state;
  const journal = await (await t.control('GET', '/journal?limit=500')).text();
  expect(journal).toContain('card_token=[redacted]');
  return {
    outcome: {
      created: created.body.data.reservation,
      booked: created.body.data,
      intentSecret,
      reservation,
      client,
      stored,
      holdState,
      texts: [created.text, updated.text, JSON.stringify(reservation), JSON.stringify(client), journal],
      linked: { perkId, experienceId, request },
    },
    sent: new Set([...Object.keys(createForm), ...Object.keys(updateForm)]),
  };
}

const custom = (list: Wire[], name: string) => list.find((f: Wire) => f.name === name)?.value;

/** What each applied field changed, read back through the API. */
const APPLIED: Record<string, (o: Outcome) => void> = {
  // The payments feature (docs/decisions/0010): intent, auto-cancel paylink, upgrade inventories.
  payment_instrument_token: (o) => expect(o.created).toMatchObject({ prepayment: 30, total_payment: 30 }),
  payment_subtotal: (o) => expect(o.booked.paylink_auto_cancel.subtotal).toBe(12000),
  payment_gratuity: (o) => expect(o.booked.paylink_auto_cancel.gratuity_amount).toBe(2000),
  payment_service_charge: (o) => expect(o.booked.paylink_auto_cancel.service_charge_amount).toBe(1000),
  payment_tax: (o) => expect(o.booked.paylink_auto_cancel.tax_amount).toBe(900),
  payment_by_paylink: (o) =>
    expect(o.reservation.payments).toEqual([expect.objectContaining({ type: 'charge', status: 'pending' })]),
  paylink_cancel_time: (o) => expect(o.booked.paylink_auto_cancel.paylink_auto_cancel_minutes).toBe(30),
  paylink_note: (o) =>
    expect(o.booked.paylink_auto_cancel.note_to_guest).toBe('Deposit for the tasting menu'),
  paylink_email: (o) => expect(o.booked.paylink_auto_cancel.paylink_email_request).toBe('pay@example.com'),
  upgrade_inventories: (o) => expect(o.booked.upgrades).toEqual([expect.objectContaining({ quantity: 2 })]),
  date: (o) => expect(o.reservation.date).toBe(DATE),
  time: (o) => expect(o.created.arrival_time).toBe('7:00 PM'),
  party_size: (o) => expect(o.reservation.max_guests).toBe(2),
  first_name: (o) => expect(o.reservation.first_name).toBe('Grace'),
  last_name: (o) => expect(o.reservation.last_name).toBe('Hopper'),
  phone: (o) => expect(o.reservation.phone_number).toBe('+12125550178'),
  email: (o) => expect(o.reservation.email).toBe('grace@example.com'),
  notes: (o) => expect(o.reservation.notes).toBe('Quiet table please'),
  internal_notes: (o) => expect(o.reservation.client_requests).toBe('Regular; knows the chef'),
  client_id: (o) => expect(o.client.first_name).toBe('Guest1'),
  access_persistent_id: (o) => expect(o.created.access_persistent_id).toMatch(/^ah/),
  shift_persistent_id: (o) => expect(o.created.shift_persistent_id).toMatch(/-DINNER-/),
  venue_seating_area_id: (o) => expect(o.created.venue_seating_area_name).toBe('Terrace'),
  duration: (o) => expect(o.created.duration).toBe(120),
  status: (o) => {
    expect(o.created.status).toBe('CONFIRMED');
    expect(o.reservation).toMatchObject({ status: 'CUSTOM_STATUS_1', status_display: 'Do Not Move' });
  },
  seated_time: (o) => expect(o.reservation.seated_time).toBe('2026-12-08T19:05:00.000000'),
  is_walkin: (o) => expect(o.reservation.reservation_type).toBe('WALK_IN'),
  mf_ratio_male: (o) => expect(o.reservation.mf_ratio_male).toBe(1),
  mf_ratio_female: (o) => expect(o.reservation.mf_ratio_female).toBe(1),
  external_id: (o) => expect(o.reservation.external_id).toBe('ext-1'),
  external_user_id: (o) => expect(o.reservation.external_user_id).toBe('user-9'),
  reservation_tags: (o) =>
    expect(o.reservation.tags.map((t: Wire) => t.tag_display)).toEqual(['Anniversary']),
  client_tags_to_add: (o) =>
    expect(o.client.client_tags.map((t: Wire) => t.tag_display)).toContain('Regular'),
  client_tags_to_remove: (o) =>
    expect(o.client.client_tags.map((t: Wire) => t.tag_display)).not.toContain('Vegan'),
  custom_fields: (o) => expect(custom(o.reservation.custom_fields, 'occasion')).toBe('Anniversary'),
  custom_unindexed: (o) => expect(custom(o.reservation.custom_fields, 'table_note')).toBe('By the window'),
  min_price: (o) => expect(o.reservation.min_price).toBe(150.5),
  salutation: (o) => expect(o.client.salutation).toBe('Rear Admiral'),
  address: (o) => expect([o.client.address, o.reservation.address]).toEqual(['1 Navy Way', '1 Navy Way']),
  address_2: (o) => expect(o.client.address_2).toBe('Apt 2'),
  city: (o) => expect(o.client.city).toBe('Arlington'),
  state: (o) => expect(o.client.state).toBe('VA'),
  postal_code: (o) => expect(o.client.postal_code).toBe('22202'),
  country: (o) => expect(o.client.country).toBe('US'),
  birthday: (o) => expect([o.client.birthday_month, o.client.birthday_day]).toEqual([12, 9]),
  anniversary: (o) => expect([o.client.anniversary_month, o.client.anniversary_day]).toEqual([6, 15]),
  loyalty_id: (o) => expect(o.client.loyalty_id).toBe('L-77'),
  loyalty_tier: (o) => expect(o.reservation.loyalty_tier).toBe('Gold'),
  loyalty_rank: (o) => expect(o.client.loyalty_rank).toBe(3),
  venue_group_marketing_opt_in: (o) => {
    expect(o.client.marketing_opt_in).toBe(true);
    expect(o.client.marketing_opt_in_ts).toBe('2026-12-07T17:00:00.000000');
  },
  venue_marketing_opt_in: (o) => expect(Object.values(o.client.venue_marketing_opt_in)).toEqual([true]),
  client_custom_fields_args: (o) => expect(custom(o.client.custom_fields, 'favourite_wine')).toBe('Riesling'),
  client_custom_unindexed: (o) => expect(custom(o.client.custom_fields, 'allergy')).toBe('none'),
  send_client_email: (o) =>
    expect(o.reservation.mock_notifications).toContainEqual(
      expect.objectContaining({ kind: 'confirmation', channel: 'email', to: 'grace@example.com' }),
    ),
  send_client_sms: (o) =>
    expect(o.reservation.mock_notifications).toContainEqual(
      expect.objectContaining({ kind: 'confirmation', channel: 'sms', to: '+12125550178' }),
    ),
  send_reminder_email: (o) =>
    expect(o.reservation.mock_notifications).toContainEqual(
      expect.objectContaining({ kind: 'reminder', channel: 'email' }),
    ),
  send_reminder_sms: (o) =>
    expect(o.reservation.mock_notifications).toContainEqual(
      expect.objectContaining({ kind: 'reminder', channel: 'sms' }),
    ),
  reservation_sms_opt_in: (o) => expect(o.reservation.reservation_sms_opt_in).toBe(false),
  reservation_id: (o) => expect(o.reservation.arrival_time).toBe('8:30 PM'),
  reservation_hold_id: (o) => expect(o.holdState).toBe('converted'),
  table_codes: (o) => expect(o.reservation.table_numbers).toEqual(['9']),
  perk_id: (o) => expect(o.stored.perkId).toBe(o.linked.perkId),
  experience_id: (o) => expect(o.stored.experienceId).toBe(o.linked.experienceId),
  request_id: (o) =>
    expect(o.linked.request).toMatchObject({ status: 'ACCEPTED', reservation_id: o.created.id }),
};

/** Flags whose effect is a check skipped: each has its own test below, which fails without the flag. */
const BEHAVIOUR_FLAGS = [
  'bypass_availability',
  'bypass_required_contact_fields',
  'bypass_duplicate_reservation_check',
  'bypass_editable_cutoff',
];

describe('every documented book field', () => {
  it('is applied (read back through the API), a tested bypass flag, or in the recorded-only list', async () => {
    const t = testServer();
    const { outcome, sent } = await bookEveryField(t);
    // Every documented field was sent, and each is accounted for exactly once.
    expect(DOCUMENTED.filter((f) => !sent.has(f))).toEqual([]);
    const homes = DOCUMENTED.map(
      (f) => [f in APPLIED, BEHAVIOUR_FLAGS.includes(f), f in RECORDED_ONLY_FIELDS].filter(Boolean).length,
    );
    expect(DOCUMENTED.filter((_, i) => homes[i] !== 1)).toEqual([]);
    for (const field of DOCUMENTED.filter((f) => f in APPLIED)) APPLIED[field]!(outcome);
    for (const field of Object.keys(RECORDED_ONLY_FIELDS)) {
      expect(outcome.stored.recordedFields[field], field).toBe(RECORDED_VALUES[field]);
    }
    // Secrets are kept, never echoed — not even in the request journal.
    for (const text of outcome.texts) {
      expect(text).not.toContain('tok_visa_4242');
      expect(text).not.toContain(outcome.intentSecret);
    }
  });

  it('the recorded-only list is the one the spec marks (x-recorded-only) and the decision record documents', async () => {
    const marked = DOCUMENTED.filter((f) => PROPERTIES[f]!['x-recorded-only'] === true);
    expect(marked.sort()).toEqual(Object.keys(RECORDED_ONLY_FIELDS).sort());
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../docs/decisions/0009-book-fields.md', import.meta.url), 'utf8');
    for (const field of Object.keys(RECORDED_ONLY_FIELDS)) expect(doc).toContain(`\`${field}\``);
  });

  it('profile fields reach the client webhook event (events come from the store)', async () => {
    const t = testServer();
    const events: StoreChange[] = [];
    t.mock.store.feed.subscribe((change) => events.push(change));
    const token = await t.login(CREDENTIALS.harbor);
    const reply = await t.put(`/venues/${HG(t)}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(3),
      salutation: 'Dr.',
      birthday: '04-12',
      client_custom_fields_args: 'favourite_wine:Riesling',
    });
    expect(reply.status, reply.text).toBe(200);
    const created = events.find((e) => e.entityType === 'client' && e.eventType === 'created');
    expect(created?.current).toMatchObject({
      salutation: 'Dr.',
      birthday_month: 4,
      birthday_day: 12,
      custom_fields: [expect.objectContaining({ name: 'favourite_wine', value: 'Riesling' })],
    });
    // One created event for the new guest, not a created followed by an update.
    expect(events.filter((e) => e.entityType === 'client').map((e) => e.eventType)).toEqual(['created']);
  });
});

describe('bypass flags do what their names say', () => {
  it('bypass_availability books a party the pacing and tables cannot take', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const form = { date: DATE, time: '19:00', party_size: 12, ...guest(4) };
    const refused = await t.put(`/venues/${HG(t)}/book`, token, form);
    expect([refused.status, refused.body.msg]).toEqual([
      409,
      'The time slot 2026-12-08 19:00 is no longer available for a party of 12',
    ]);
    const reply = await t.put(`/venues/${HG(t)}/book`, token, { ...form, bypass_availability: 'True' });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.data.reservation.max_guests).toBe(12);
  });

  it('bypass_duplicate_reservation_check allows the same guest twice at one time', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const form = { date: DATE, time: '19:00', party_size: 2, ...guest(5) };
    expect((await t.put(`/venues/${HG(t)}/book`, token, form)).status).toBe(200);
    const again = await t.put(`/venues/${HG(t)}/book`, token, form);
    expect(again.status).toBe(409);
    expect(again.body.msg).toMatch(/^Duplicate reservation/);
    const bypassed = await t.put(`/venues/${HG(t)}/book`, token, {
      ...form,
      bypass_duplicate_reservation_check: true,
    });
    expect(bypassed.status, bypassed.text).toBe(200);
  });

  it('bypass_required_contact_fields books without a phone', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const form = { date: DATE, time: '19:00', party_size: 2, first_name: 'Nia', last_name: 'Okafor' };
    const refused = await t.put(`/venues/${HG(t)}/book`, token, { ...form, email: 'nia@example.com' });
    expect([refused.status, refused.body.msg]).toEqual([
      400,
      'phone is required when creating a reservation',
    ]);
    const reply = await t.put(`/venues/${HG(t)}/book`, token, {
      ...form,
      email: 'nia@example.com',
      bypass_required_contact_fields: true,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.data.reservation).toMatchObject({ phone_number: null, email: 'nia@example.com' });
  });

  it('bypass_editable_cutoff moves a reservation whose slot has started; notes stay editable without it', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const today = '2026-12-07'; // the clock: Monday 12:00 in New York
    const booked = await t.put(`/venues/${HG(t)}/book`, token, {
      date: today,
      time: '12:30',
      party_size: 2,
      ...guest(6),
    });
    expect(booked.status, booked.text).toBe(200);
    const id = booked.body.data.reservation_id;
    t.clock.advance(60 * 60_000); // 13:00: the 12:30 slot has started
    const move = { reservation_id: id, date: today, time: '13:30', party_size: 2 };
    const refused = await t.put(`/venues/${HG(t)}/book`, token, move);
    expect([refused.status, refused.body.msg]).toEqual([
      400,
      'Reservation cannot be modified after the cancellation cut-off time',
    ]);
    const notes = await t.put(`/venues/${HG(t)}/book`, token, {
      ...move,
      time: '12:30',
      notes: 'Running late',
    });
    expect(notes.status, notes.text).toBe(200);
    const moved = await t.put(`/venues/${HG(t)}/book`, token, { ...move, bypass_editable_cutoff: true });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.data.reservation.arrival_time).toBe('1:30 PM');
  });
});

describe('a refused booking leaves no trace', () => {
  it('a bad field refuses the whole form before the guest, the hold or the reservation change', async () => {
    const t = testServer();
    const ava = t.conciergeId('ava');
    const venue = HG(t);
    const token = await t.login(CREDENTIALS.ava);
    const booked = await t.put(`/concierge/${ava}/venues/${venue}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(8),
    });
    const r = booked.body.data.reservation;
    const slot = (
      await t.get(
        `/concierge/${ava}/venues/${venue}/availability/dining?date=${DATE}&party_size=2&start_time=20:00&end_time=20:00`,
        token,
      )
    ).body.data.availability[0].timeslots[0];
    const hold = await t.put(`/concierge/${ava}/venues/${venue}/holds`, token, {
      date: DATE,
      time: '20:00',
      party_size: 2,
      shift_persistent_id: slot.shift_persistent_id,
      access_persistent_id: slot.access_persistent_id,
    });
    const before = JSON.stringify((await (await t.control('GET', '/state')).json()) as unknown);
    const refused = await t.put(`/concierge/${ava}/venues/${venue}/book`, token, {
      reservation_id: r.id,
      date: DATE,
      time: '20:00',
      party_size: 2,
      reservation_hold_id: hold.body.data.reservation_hold_id,
      salutation: 'Dr.',
      status: 'SEATED',
      custom_fields: '{not json',
    });
    expect([refused.status, refused.body.msg]).toEqual([
      400,
      'custom_fields must be a JSON object or a comma list of name:value pairs',
    ]);
    const after = JSON.stringify((await (await t.control('GET', '/state')).json()) as unknown);
    // No token was issued in between, so the whole state must be byte-identical.
    expect(after).toBe(before);
  });
});

describe('invalid book fields', () => {
  it.each([
    ['birthday', '13-45', /^birthday /],
    ['anniversary', '02-30', /^anniversary must be a month and day/],
    ['loyalty_rank', 'gold', /^loyalty_rank must match pattern/],
    ['paylink_cancel_time', 5, /^paylink_cancel_time must be >= 15/],
    ['min_price', 'abc', /^min_price must match pattern/],
    ['custom_fields', '{bad json', /^custom_fields must be a JSON object or a comma list/],
    [
      'client_custom_fields_args',
      'no-colon-here',
      /^client_custom_fields_args: "no-colon-here" is not a name:value pair/,
    ],
    ['send_client_sms', 'maybe', /^send_client_sms must be boolean/],
    ['paylink_email', 'not-an-email', /^paylink_email must match format "email"/],
    [
      'status',
      'CUSTOM_STATUS_9',
      /^status must be one of .*CUSTOM_STATUS_1, CUSTOM_STATUS_2; got CUSTOM_STATUS_9$/,
    ],
    ['venue_seating_area_id', 'nowhere', /^venue_seating_area_id nowhere is not a seating area/],
  ])('%s=%s is a 400 naming the field', async (field, value, message) => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const reply = await t.put(`/venues/${HG(t)}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(7),
      [field]: value,
    });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.body.msg).toMatch(message);
    // Nothing was stored.
    expect(t.mock.store.reservations.size).toBe(0);
  });
});
