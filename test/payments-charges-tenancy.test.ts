import { describe, expect, it } from 'vitest';
import { createMockServer } from '../mock-server/server.js';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

const DATE = '2026-12-08';

/** Ava books at The Larder (a venue Noah books too), so Noah can try every id of hers. */
async function avaAtTheLarder(t: TestServer) {
  const ava = await t.login(CREDENTIALS.ava);
  const noah = await t.login(CREDENTIALS.noah);
  const avaBase = `/concierge/${t.conciergeId('ava')}`;
  const noahBase = `/concierge/${t.conciergeId('noah')}`;
  const larder = t.venueId('the-larder');
  const booked = await t.put(`${avaBase}/venues/${larder}/book`, ava, {
    date: DATE,
    time: '19:00',
    party_size: 2,
    ...guest(1),
  });
  expect(booked.status).toBe(200);
  return { ava, noah, avaBase, noahBase, larder, reservation: booked.body.data.reservation_id as string };
}

describe('concierge charges', () => {
  it('add_charge is listed by get_charges (cents), by the Reservations API list, and adds to total_payment', async () => {
    const t = testServer();
    const { ava, avaBase, larder, reservation } = await avaAtTheLarder(t);
    const before = await t.get(`${avaBase}/venues/${larder}/charges`, ava);
    expect(before.body.data.charges).toEqual([]);
    const added = await t.post(`${avaBase}/reservations/${reservation}/add_charge`, ava, {
      transaction_id: 'ch_desk_001',
      subtotal: '120.00',
      tax: '20',
      gratuity: '12.50',
      additional_fee: '2.00',
      promo_discount_amount: '10.00',
      total: '148.50',
      card_brand: 'Mastercard',
      card_last4: '5454',
    });
    expect(added.status).toBe(200);
    expect(added.body.data.status).toBe('SUCCESS');
    const listed = await t.get(`${avaBase}/venues/${larder}/charges`, ava);
    expect(listed.body.data.charges).toEqual([
      expect.objectContaining({
        id: added.body.data.reference_id,
        entity_id: reservation,
        amount: 14850,
        base_amount: 12000,
        tax_amount: 2400,
        gratuity_amount: 1250,
        additional_fee: 200,
        promo_discount_amount: 1000,
        transaction_id: 'ch_desk_001',
        transaction_type: 'transaction_type_external',
        brand: 'Mastercard',
        last_4: '5454',
        status: 'status_succeeded',
      }),
    ]);
    const thames = await t.login(CREDENTIALS.thames);
    const venueSide = await t.get(`/venues/${larder}/charges`, thames);
    expect(venueSide.body.data.charges).toEqual([
      expect.objectContaining({ id: added.body.data.reference_id, amount: 148.5 }),
    ]);
    const got = await t.get(`${avaBase}/reservations/${reservation}`, ava);
    expect(got.body.data.total_payment).toBe(148.5);
  });

  it('checks the total, refuses a repeated transaction_id (409) and wants venue_id with a reference code', async () => {
    const t = testServer();
    const { ava, avaBase, larder, reservation } = await avaAtTheLarder(t);
    const path = `${avaBase}/reservations/${reservation}/add_charge`;
    const wrong = await t.post(path, ava, { transaction_id: 't1', subtotal: '100', tax: '10', total: '100' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.msg).toMatch(/^total 100\.00 does not equal .* \(110\.00\)/);
    const forced = await t.post(path, ava, {
      transaction_id: 't1',
      subtotal: '100',
      tax: '10',
      total: '100',
      skip_validation: true,
    });
    expect(forced.status).toBe(200);
    const again = await t.post(path, ava, { transaction_id: 't1', subtotal: '5' });
    expect(again.status).toBe(409);
    expect(again.body.msg).toBe('transaction_id t1 was already recorded at this venue');
    expect((await t.post(path, ava, { transaction_id: 't2', subtotal: '0' })).body.msg).toMatch(/^subtotal/);
    const code = (await t.get(`${avaBase}/reservations/${reservation}`, ava)).body.data.reference_code;
    const byCode = `${avaBase}/reservations/${code}/add_charge`;
    const noVenue = await t.post(byCode, ava, { transaction_id: 't3', subtotal: '5' });
    expect(noVenue.status).toBe(400);
    expect(noVenue.body.msg).toBe('venue_id is required when reservation_id is a reference code');
    expect(
      (await t.post(byCode, ava, { transaction_id: 't3', subtotal: '5', venue_id: larder })).status,
    ).toBe(200);
  });
});

describe('tenant isolation: another concierge’s ids behave like missing ones', () => {
  it('Noah gets 404 for Ava’s reservation, paylink and charges at a venue they share', async () => {
    const t = testServer();
    const { ava, noah, avaBase, noahBase, larder, reservation } = await avaAtTheLarder(t);
    const link = await t.post(`${avaBase}/venues/${larder}/payments/paylink/${reservation}`, ava, {});
    expect(link.status).toBe(200);
    await t.post(`${avaBase}/reservations/${reservation}/add_charge`, ava, {
      transaction_id: 'a1',
      subtotal: '5',
    });
    const missing = 'ahFzfnNldmVucm9vbXMtbW9ja3IoCxIbbmlnaHRsb29wX1Jlc2VydmF0aW9uQWN0dWFsGICAgICA5JEKDA';

    const probes: [string, () => ReturnType<TestServer['get']>, () => ReturnType<TestServer['get']>][] = [
      [
        'create_paylink',
        () => t.post(`${noahBase}/venues/${larder}/payments/paylink/${reservation}`, noah, {}),
        () => t.post(`${noahBase}/venues/${larder}/payments/paylink/${missing}`, noah, {}),
      ],
      [
        'list_paylinks',
        () => t.get(`${noahBase}/venues/${larder}/payments/paylinks/${reservation}`, noah),
        () => t.get(`${noahBase}/venues/${larder}/payments/paylinks/${missing}`, noah),
      ],
      [
        'delete_paylink',
        () => t.del(`${noahBase}/venues/${larder}/payments/paylink/${link.body.data.id}`, noah),
        () => t.del(`${noahBase}/venues/${larder}/payments/paylink/${missing}`, noah),
      ],
      [
        'add_charge',
        () =>
          t.post(`${noahBase}/reservations/${reservation}/add_charge`, noah, {
            transaction_id: 'n',
            subtotal: '1',
          }),
        () =>
          t.post(`${noahBase}/reservations/${missing}/add_charge`, noah, {
            transaction_id: 'n',
            subtotal: '1',
          }),
      ],
    ];
    for (const [name, foreign, absent] of probes) {
      const [a, b] = [await foreign(), await absent()];
      expect({ name, status: a.status, msg: a.body.msg }).toEqual({ name, status: 404, msg: b.body.msg });
    }
    // Noah's own charge list at the shared venue does not show Ava's charge.
    expect((await t.get(`${noahBase}/venues/${larder}/charges`, noah)).body.data.charges).toEqual([]);
    // Venue-scoped operations at a venue Noah does not book answer 404, like an unknown venue.
    const harbor = t.venueId('harbor-grill');
    for (const path of [
      `${noahBase}/venues/${harbor}/charges`,
      `${noahBase}/venues/${harbor}/payments/paylinks/${reservation}`,
      `${noahBase}/upgrade_categories?venue_id=${harbor}`,
    ]) {
      expect((await t.get(path, noah)).status).toBe(404);
    }
    expect((await t.post(`${noahBase}/begin_payment?venue_id=${harbor}`, noah, { amount: 100 })).status).toBe(
      404,
    );
    expect((await t.post(`${noahBase}/begin_save?venue_id=${harbor}`, noah, {})).status).toBe(404);
    const rule = t.mock.catalog.venues.get(harbor)!.accessRules[0]!.persistentId;
    const price = await t.post(`${noahBase}/venues/${harbor}/calculate_prices`, noah, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      access_persistent_id: rule,
    });
    expect(price.status).toBe(404);
    // Harbor Grill's upgrade categories are not Noah's: 404 like an unknown id.
    const harborCategory = t.mock.catalog.venues.get(harbor)!.upgradeCategories[0]!;
    const upgradePaths = [
      `${noahBase}/upgrade_categories/${harborCategory.id}`,
      `${noahBase}/upgrade_categories/${harborCategory.id}/upgrades`,
      `${noahBase}/upgrade_categories/${harborCategory.id}/upgrades/${harborCategory.upgrades[0]!.id}`,
    ];
    for (const path of upgradePaths) {
      const reply = await t.get(path, noah);
      expect(reply.status).toBe(404);
      expect(reply.body.msg).toBe('No Upgrade Category found for the given upgrade_category_id.');
    }
    // Acting for Ava's concierge id with Noah's token is refused outright.
    expect((await t.get(`${avaBase}/venues/${larder}/charges`, noah)).status).toBe(403);
  });

  it('an intent begun by Ava cannot be used by Noah, and one intent serves one booking', async () => {
    const t = testServer();
    const { ava, noah, avaBase, noahBase, larder } = await avaAtTheLarder(t);
    const intent = await t.post(`${avaBase}/begin_payment?venue_id=${larder}`, ava, { amount: 4000 });
    expect(intent.body.data.intent_id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    const token = intent.body.data.intent_id as string;
    const noahBook = await t.put(`${noahBase}/venues/${larder}/book`, noah, {
      date: DATE,
      time: '20:00',
      party_size: 2,
      ...guest(2),
      payment_instrument_token: token,
    });
    expect(noahBook.status).toBe(400);
    expect(noahBook.body.msg).toMatch(/^payment_instrument_token/);
    const paid = await t.put(`${avaBase}/venues/${larder}/book`, ava, {
      date: DATE,
      time: '20:00',
      party_size: 2,
      ...guest(3),
      payment_instrument_token: token,
    });
    expect(paid.status).toBe(200);
    expect(paid.body.data.reservation).toMatchObject({ prepayment: 40, total_payment: 40 });
    const charges = (await t.get(`${avaBase}/venues/${larder}/charges`, ava)).body.data.charges;
    expect(charges).toEqual([
      expect.objectContaining({ amount: 4000, transaction_type: 'transaction_type_internal' }),
    ]);
    const twice = await t.put(`${avaBase}/venues/${larder}/book`, ava, {
      date: DATE,
      time: '20:30',
      party_size: 2,
      ...guest(4),
      payment_instrument_token: token,
    });
    expect(twice.status).toBe(409);
    const save = await t.post(`${avaBase}/begin_save`, ava, { venue_id: larder });
    expect(save.body.data.intent_id).toMatch(/^seti_/);
    expect(save.body.data.client_secret).toMatch(
      new RegExp(`^${save.body.data.intent_id}_secret_[A-Za-z0-9]{25}$`),
    );
    expect((await t.post(`${avaBase}/begin_payment`, ava, { amount: 100 })).body.msg).toBe(
      'Missing required field venue_id',
    );
  });
});

describe('determinism', () => {
  async function intentIds(seed: number): Promise<string[]> {
    const mock = createMockServer({ seed, volume: { guests: 0, daysOfHistory: 0, daysAhead: 0 } });
    const auth = await mock.app.request('/2_4/auth', {
      method: 'POST',
      body: new URLSearchParams(CREDENTIALS.ava),
    });
    const token = ((await auth.json()) as { data: { token: string } }).data.token;
    const ava = [...mock.catalog.concierges.values()].find((c) => c.key === 'ava')!.id;
    const venue = [...mock.catalog.venues.values()].find((v) => v.key === 'harbor-grill')!.id;
    const ids: string[] = [];
    for (const path of ['begin_payment', 'begin_save', 'begin_payment']) {
      const res = await mock.app.request(`/2_4/concierge/${ava}/${path}?venue_id=${venue}`, {
        method: 'POST',
        headers: { authorization: token },
        body: new URLSearchParams({ amount: '2500' }),
      });
      const body = (await res.json()) as { data: { intent_id: string; client_secret: string } };
      ids.push(body.data.intent_id, body.data.client_secret);
    }
    return ids;
  }

  it('the same seed gives the same intent ids and secrets; another seed, others', async () => {
    const first = await intentIds(7);
    expect(await intentIds(7)).toEqual(first);
    expect(new Set(first).size).toBe(6);
    const other = await intentIds(8);
    expect(other.filter((id) => first.includes(id))).toEqual([]);
  });
});
