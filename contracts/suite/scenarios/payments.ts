import type { StepSpec, SuiteContext } from '../context.js';
import type { FormOf } from '../forms.js';
import { dig, digArray, digString, enc } from '../read.js';
import { SUITE_GUEST, availabilityQuery, findSlot } from '../slots.js';

/**
 * The Concierge API's money side: upgrade categories and upgrades, prices, payment and setup
 * intents, a booking that takes an upgrade and sends an auto-cancel paylink, paylinks created,
 * listed and withdrawn, a concierge charge recorded and found in the charge list.
 */
export async function paymentsScenario(ctx: SuiteContext): Promise<void> {
  ctx.scenario = 'payments';
  const credential = ctx.credentials.concierge;
  if (!credential) {
    ctx.skip(
      { name: 'payment flows', method: 'GET', path: '/concierge/{concierge_id}/upgrade_categories' },
      'no concierge credential',
    );
    return;
  }
  const base = `/concierge/${enc(credential.conciergeId)}`;
  const step = (spec: Omit<StepSpec, 'auth'>) => ctx.step({ ...spec, auth: 'concierge' });

  const listed = await step({
    name: 'list upgrade categories',
    method: 'GET',
    path: `${base}/upgrade_categories`,
  });
  const category = digArray(listed.json, 'data', 'upgrade_categories')[0];
  const categoryId = digString(category, 'id');
  let upgradeId: string | undefined;
  if (categoryId) {
    const categoryPath = `${base}/upgrade_categories/${enc(categoryId)}`;
    await step({ name: 'get an upgrade category', method: 'GET', path: categoryPath });
    const upgrades = await step({
      name: "list the category's upgrades",
      method: 'GET',
      path: `${categoryPath}/upgrades`,
    });
    upgradeId = digString(upgrades.json, 'data', 'upgrades', 0, 'id');
    if (upgradeId) {
      await step({
        name: 'get an upgrade',
        method: 'GET',
        path: `${categoryPath}/upgrades/${enc(upgradeId)}`,
      });
    } else {
      ctx.skip(
        { name: 'get an upgrade', method: 'GET', path: `${categoryPath}/upgrades/{upgrade_id}` },
        'no upgrade listed',
      );
    }
  } else {
    ctx.skip(
      {
        name: 'upgrade category details',
        method: 'GET',
        path: `${base}/upgrade_categories/{upgrade_category_id}`,
      },
      'the concierge sees no upgrade categories',
    );
  }

  const venueId = digString(category, 'venue_id') ?? ctx.state.conciergeVenueIds[0];
  if (!venueId) {
    ctx.skip({ name: 'payment flows', method: 'POST', path: `${base}/begin_payment` }, 'no concierge venue');
    return;
  }
  const venuePath = `${base}/venues/${enc(venueId)}`;
  await step({
    name: 'begin a prepayment',
    method: 'POST',
    path: `${base}/begin_payment`,
    query: { venue_id: venueId },
    form: { amount: 2500 } satisfies FormOf<'beginConciergePayment'>,
    write: true,
  });
  await step({
    name: 'begin saving a card',
    method: 'POST',
    path: `${base}/begin_save`,
    query: { venue_id: venueId },
    write: true,
  });

  const slot = await findSlot(ctx, (date) => ({
    name: `dining availability for prices on ${date}`,
    method: 'GET',
    path: `${venuePath}/availability/dining`,
    query: availabilityQuery(date),
    auth: 'concierge',
  }));
  if (!slot?.accessPersistentId) {
    ctx.skip(
      { name: 'price and book', method: 'POST', path: `${venuePath}/calculate_prices` },
      'no bookable slot',
    );
    return;
  }
  const upsells = upgradeId ? JSON.stringify([{ upgrade_id: upgradeId, quantity: 1 }]) : undefined;
  await step({
    name: 'calculate prices with an upgrade',
    method: 'POST',
    path: `${venuePath}/calculate_prices`,
    form: {
      date: slot.date,
      time: slot.time,
      party_size: 2,
      access_persistent_id: slot.accessPersistentId,
      upsells,
    } satisfies FormOf<'calculateConciergePrices'>,
    write: true,
  });
  const booked = await step({
    name: 'book with an upgrade and an auto-cancel paylink',
    method: 'PUT',
    path: `${venuePath}/book`,
    form: {
      date: slot.date,
      time: slot.time,
      party_size: 2,
      ...SUITE_GUEST,
      upgrade_inventories: upsells,
      payment_by_paylink: true,
      paylink_cancel_time: 60,
    } satisfies FormOf<'bookConciergeReservation'>,
    write: true,
  });
  const reservationId = digString(booked.json, 'data', 'reservation_id');
  if (!reservationId) return;

  const created = await step({
    name: 'create a paylink',
    method: 'POST',
    path: `${venuePath}/payments/paylink/${enc(reservationId)}`,
    form: { type: 'charge', subtotal: 5000 } satisfies FormOf<'createConciergePaylink'>,
    write: true,
  });
  await step({
    name: "list the reservation's paylinks",
    method: 'GET',
    path: `${venuePath}/payments/paylinks/${enc(reservationId)}`,
  });
  const paylinkId = digString(created.json, 'data', 'id');
  if (paylinkId) {
    await step({
      name: 'withdraw the paylink',
      method: 'DELETE',
      path: `${venuePath}/payments/paylink/${enc(paylinkId)}`,
      write: true,
    });
  }
  const transactionId = `suite-${ctx.state.today.getTime()}`;
  const charged = await step({
    name: 'record a concierge charge',
    method: 'POST',
    path: `${base}/reservations/${enc(reservationId)}/add_charge`,
    form: { transaction_id: transactionId, subtotal: '12.50' } satisfies FormOf<'addConciergeCharge'>,
    write: true,
  });
  await step({
    name: 'record the same transaction again → 409',
    method: 'POST',
    path: `${base}/reservations/${enc(reservationId)}/add_charge`,
    form: { transaction_id: transactionId, subtotal: '12.50' } satisfies FormOf<'addConciergeCharge'>,
    expect: 409,
    write: true,
  });
  const charges = await step({
    name: "list the concierge's charges",
    method: 'GET',
    path: `${venuePath}/charges`,
  });
  const chargeId = digString(charged.json, 'data', 'reference_id');
  if (
    chargeId &&
    charges.ok &&
    !digArray(charges.json, 'data', 'charges').some((c) => dig(c, 'id') === chargeId)
  ) {
    ctx.fail("list the concierge's charges", `the charge recorded by the suite (${chargeId}) is missing`);
  }
  await step({
    name: 'cancel the paid-for reservation',
    method: 'DELETE',
    path: `${base}/reservations/${enc(reservationId)}`,
    write: true,
  });
}
