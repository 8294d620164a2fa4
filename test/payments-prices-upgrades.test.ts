import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

const DATE = '2026-12-08';

/** Ava's token, ids of the fixture's venues, upgrade categories and upgrades by name. */
async function setup(t: TestServer) {
  const token = await t.login(CREDENTIALS.ava);
  const base = `/concierge/${t.conciergeId('ava')}`;
  const harbor = t.venueId('harbor-grill');
  const larder = t.venueId('the-larder');
  const categories = (await t.get(`${base}/upgrade_categories`, token)).body.data.upgrade_categories as {
    id: string;
    name: string;
    venue_id: string;
  }[];
  const upgrades = new Map<string, string>();
  for (const category of categories) {
    const listed = await t.get(`${base}/upgrade_categories/${category.id}/upgrades`, token);
    for (const u of listed.body.data.upgrades as { id: string; name: string }[]) upgrades.set(u.name, u.id);
  }
  const rule = (venueId: string) => t.mock.catalog.venues.get(venueId)!.accessRules[0]!.persistentId;
  return { token, base, harbor, larder, categories, upgrade: (name: string) => upgrades.get(name)!, rule };
}

describe('calculate_prices', () => {
  it('per person with tax and gratuity, plus an upgrade that is taxed and tipped (Harbor Grill)', async () => {
    const t = testServer();
    const { token, base, harbor, upgrade, rule } = await setup(t);
    const reply = await t.post(`${base}/venues/${harbor}/calculate_prices`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      access_persistent_id: rule(harbor),
      upsells: JSON.stringify([{ upgrade_id: upgrade('Oyster platter'), quantity: 1 }]),
    });
    expect(reply.status).toBe(200);
    const data = reply.body.data;
    // 2 × 25.00; tax 8.875 % of 50 = 4.4375 → 4.44; gratuity 20 % of 50 = 10.
    expect(data).toMatchObject({
      charge_type: 'person',
      party_size: 2,
      reservation_subtotal: 50,
      reservation_tax: 4.44,
      reservation_gratuity: 10,
      reservation_service_charge: 0,
      require_credit_card: true,
      apply_gratuity_charge: true,
    });
    // Oysters 36: tax 3.195 → 3.20, gratuity 7.20.
    expect(data.upsells).toEqual([
      expect.objectContaining({
        name: 'Oyster platter',
        subtotal: 36,
        tax: 3.2,
        gratuity: 7.2,
        total_cost: 46.4,
      }),
    ]);
    expect(data.total_costs).toEqual({
      reservation_subtotal: 50,
      upgrade_cost: 36,
      service_charge: 0,
      tax: 7.64,
      gratuity: 17.2,
      total_spend: 110.84,
    });
    // The category allows 4 a booking, but only 6 platters a day exist: the lower limit is the category's.
    expect(data.upsells[0].maximum_quantity_allowed).toBe(4);
  });

  it('per party with a service charge, tax on the service charge, and a per-guest minimum (The Larder)', async () => {
    const t = testServer();
    const { token, base, larder, upgrade, rule } = await setup(t);
    const reply = await t.post(`${base}/venues/${larder}/calculate_prices`, token, {
      date: DATE,
      time: '19:30',
      party_size: 4,
      access_persistent_id: rule(larder),
      upsells: `${upgrade("Sommelier's pairing")}:4`,
    });
    expect(reply.status).toBe(200);
    const data = reply.body.data;
    // 40 a party; 12.5 % service = 5; 20 % tax on 45 = 9. Pairing 4 × 48 = 192, service 24, tax 38.4 + 4.8.
    expect(data).toMatchObject({
      charge_type: 'party',
      reservation_subtotal: 40,
      reservation_service_charge: 5,
    });
    expect(data.upsells[0]).toMatchObject({
      subtotal: 192,
      service_charge: 24,
      tax: 43.2,
      total_cost: 259.2,
    });
    expect(data.total_costs).toEqual({
      reservation_subtotal: 40,
      upgrade_cost: 192,
      service_charge: 29,
      tax: 52.2,
      gratuity: 0,
      total_spend: 313.2,
    });
    // The cellar asks one pairing per guest once any is chosen.
    const tooFew = await t.post(`${base}/venues/${larder}/calculate_prices`, token, {
      date: DATE,
      time: '19:30',
      party_size: 4,
      access_persistent_id: rule(larder),
      upsells: `${upgrade("Sommelier's pairing")}:2`,
    });
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.msg).toMatch(/^upsells: at least 4 from From the Cellar/);
    // A party of one is below the venue's minimum party for charging: the reservation itself is free.
    const solo = await t.post(`${base}/venues/${larder}/calculate_prices`, token, {
      date: DATE,
      time: '19:30',
      party_size: 1,
      access_persistent_id: rule(larder),
    });
    expect(solo.body.data).toMatchObject({ reservation_subtotal: 0, require_credit_card: false });
    expect(solo.body.data.total_costs.total_spend).toBe(0);
  });

  it('refuses a slot off the shifts, a foreign rule and an unknown upgrade, naming the field', async () => {
    const t = testServer();
    const { token, base, harbor, larder, rule } = await setup(t);
    const ask = (form: Record<string, string | number>) =>
      t.post(`${base}/venues/${harbor}/calculate_prices`, token, {
        date: DATE,
        time: '19:00',
        party_size: 2,
        access_persistent_id: rule(harbor),
        ...form,
      });
    expect((await ask({ time: '03:00' })).body.msg).toBe('No shift found for date and time');
    expect((await ask({ access_persistent_id: rule(larder) })).body.msg).toMatch(/^access_persistent_id/);
    expect((await ask({ party_size: 20 })).body.msg).toMatch(/^party_size/);
    const unknown = await ask({ upsells: 'nope:1' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.msg).toBe('upsells: upgrade nope is not offered at this venue');
    expect((await ask({ upsells: '[{"upgrade_id": 5' })).body.msg).toMatch(/^upsells must be a JSON list/);
  });
});

describe('prices elsewhere in the world', () => {
  it('timeslots carry the price of the slot for the party; the venue names its payment account', async () => {
    const t = testServer();
    const { token, base, harbor } = await setup(t);
    const query = `date=${DATE}&party_size=4&start_time=19:00&end_time=19:00`;
    const slots = await t.get(`${base}/venues/${harbor}/availability/dining?${query}`, token);
    // 4 × 25.00 = 100; tax 8.875 % = 8.88 (8.875 rounds up); gratuity 20 % = 20.
    expect(slots.body.data.availability[0].timeslots[0].payments).toMatchObject({
      charge_type: 'person',
      cost: 25,
      subtotal: 100,
      tax_rate: 8.875,
      tax_amt: 8.88,
      pregratuity_total: 108.88,
      gratuity: 20,
      mandated_gratuity_amt: 20,
      require_credit_card: true,
    });
    const pier = t.venueId('pier-nine');
    const unpriced = await t.get(`${base}/venues/${pier}/availability/dining?${query}`, token);
    expect(unpriced.body.data.availability[0].timeslots[0].payments).toBeNull();
    const venue = await t.get(`${base}/venues/${harbor}`, token);
    expect(venue.body.data.payments).toMatchObject({ payment_system: 'STRIPE' });
    expect(venue.body.data.payments.sevenrooms_public_key).toMatch(/^pk_test_/);
  });
});

describe('upgrade inventories', () => {
  it('bookings consume a daily inventory until it runs out (409 naming upgrade_inventories); a cancellation gives it back', async () => {
    const t = testServer();
    const { token, base, harbor, upgrade, categories } = await setup(t);
    const cake = upgrade('Birthday cake');
    const celebrations = categories.find((c) => c.name === 'Celebrations')!.id;
    const book = (n: number, time: string) =>
      t.put(`${base}/venues/${harbor}/book`, token, {
        date: DATE,
        time,
        party_size: 2,
        ...guest(n),
        upgrade_inventories: JSON.stringify([{ upgrade_id: cake, quantity: 1 }]),
      });
    const first = await book(1, '18:00');
    expect(first.status).toBe(200);
    expect(first.body.data.upgrades).toEqual([{ upgrade_id: cake, quantity: 1 }]);
    const left = async () =>
      (await t.get(`${base}/upgrade_categories/${celebrations}/upgrades/${cake}?date=${DATE}`, token)).body
        .data.upgrade.remaining_inventory;
    expect(await left()).toBe(1);
    expect((await book(2, '18:30')).status).toBe(200);
    expect(await left()).toBe(0);

    const third = await book(3, '19:00');
    expect(third.status).toBe(409);
    expect(third.body.msg).toBe(`upgrade_inventories: Birthday cake has 0 left on ${DATE}; 1 requested`);
    // Nothing of the refused booking was kept: no reservation for guest 3.
    expect([...t.mock.store.reservations.values()].some((r) => r.firstName === 'Guest3')).toBe(false);
    // Another day has its own cakes.
    const otherDay = await t.put(`${base}/venues/${harbor}/book`, token, {
      date: '2026-12-09',
      time: '19:00',
      party_size: 2,
      ...guest(4),
      upgrade_inventories: `${cake}:2`,
    });
    expect(otherDay.status).toBe(200);

    // A quote for a cake on the sold-out day is refused too, naming its own field.
    const quoteCake = await t.post(`${base}/venues/${harbor}/calculate_prices`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      access_persistent_id: t.mock.catalog.venues.get(harbor)!.accessRules[0]!.persistentId,
      upsells: `${cake}:1`,
    });
    expect(quoteCake.status).toBe(400);
    expect(quoteCake.body.msg).toBe(`upsells: Birthday cake has 0 left on ${DATE}; 1 requested`);

    await t.del(`${base}/reservations/${first.body.data.reservation_id}`, token);
    expect(await left()).toBe(1);
    expect((await book(3, '19:00')).status).toBe(200);
    expect(await left()).toBe(0);
    // A hard delete gives the units back too.
    const second = [...t.mock.store.reservations.values()].find((r) => r.firstName === 'Guest2')!;
    expect((await t.del(`${base}/reservations/${second.id}/delete`, token)).status).toBe(200);
    expect(await left()).toBe(1);
  });

  it('an update replaces the booking’s upgrades, counting its own units as available', async () => {
    const t = testServer();
    const { token, base, harbor, upgrade } = await setup(t);
    const cake = upgrade('Birthday cake');
    const booked = await t.put(`${base}/venues/${harbor}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(1),
      upgrade_inventories: `${cake}:2`,
    });
    expect(booked.status).toBe(200);
    const id = booked.body.data.reservation_id as string;
    // Both cakes are this booking's: re-sending them is allowed, a third is not.
    const same = await t.put(`${base}/venues/${harbor}/book`, token, {
      reservation_id: id,
      date: DATE,
      time: '19:00',
      party_size: 2,
      upgrade_inventories: `${cake}:2`,
    });
    expect(same.status).toBe(200);
    const swapped = await t.put(`${base}/venues/${harbor}/book`, token, {
      reservation_id: id,
      date: DATE,
      time: '19:00',
      party_size: 2,
      upgrade_inventories: `${upgrade('Champagne toast')}:2`,
    });
    expect(swapped.body.data.upgrades).toEqual([{ upgrade_id: upgrade('Champagne toast'), quantity: 2 }]);
    const other = await t.put(`${base}/venues/${harbor}/book`, token, {
      date: DATE,
      time: '20:00',
      party_size: 2,
      ...guest(2),
      upgrade_inventories: `${cake}:2`,
    });
    expect(other.status).toBe(200);
  });

  it('category rules apply to bookings: at most one toast per guest', async () => {
    const t = testServer();
    const { token, base, harbor, upgrade } = await setup(t);
    const reply = await t.put(`${base}/venues/${harbor}/book`, token, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      ...guest(1),
      upgrade_inventories: `${upgrade('Champagne toast')}:3`,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.msg).toBe('upgrade_inventories: at most 2 from Celebrations for a party of 2');
  });

  it('lists categories per venue and refuses ids outside the concierge’s venues', async () => {
    const t = testServer();
    const { token, base, harbor, categories } = await setup(t);
    expect(categories.map((c) => c.name)).toEqual(['Raw Bar', 'Celebrations', 'From the Cellar']);
    const harborOnly = await t.get(`${base}/upgrade_categories?venue_id=${harbor}`, token);
    expect(harborOnly.body.data.upgrade_categories.map((c: { name: string }) => c.name)).toEqual([
      'Raw Bar',
      'Celebrations',
    ]);
    const rawBar = await t.get(`${base}/upgrade_categories/${categories[0]!.id}`, token);
    expect(rawBar.body.data.upgrade_category).toMatchObject({
      name: 'Raw Bar',
      max_quantity_type: 'SPECIFIC_NUMBER',
      max_quantity_int: 4,
      is_charging_tax: true,
      gratuity_percentage: 20,
    });
    const wrongCategory = await t.get(
      `${base}/upgrade_categories/${categories[0]!.id}/upgrades/${categories[1]!.id}`,
      token,
    );
    expect(wrongCategory.status).toBe(404);
  });
});

describe('rate-limit class', () => {
  it('a price quote spends the read budget, not the write one', async () => {
    const t = testServer({ rateLimit: { classes: { read: { limit: 2, windowSec: 60 } } } });
    const token = await t.login(CREDENTIALS.ava);
    const base = `/concierge/${t.conciergeId('ava')}`;
    const harbor = t.venueId('harbor-grill');
    const quote = () =>
      t.post(`${base}/venues/${harbor}/calculate_prices`, token, {
        date: DATE,
        time: '19:00',
        party_size: 2,
        access_persistent_id: t.mock.catalog.venues.get(harbor)!.accessRules[0]!.persistentId,
      });
    expect((await quote()).status).toBe(200);
    expect((await t.get(`${base}/upgrade_categories`, token)).status).toBe(200);
    // Two reads spent (the quote and the list): the next quote is over the read budget.
    const reply = await quote();
    expect(reply.status).toBe(429);
    expect(reply.body.msg).toMatch(/read requests/);
    expect((await t.post(`${base}/begin_payment?venue_id=${harbor}`, token, { amount: 100 })).status).toBe(
      200,
    );
  });
});
