import type { SuiteContext } from '../context.js';
import type { SuiteOptionsResolved } from '../options.js';
import { paginate } from '../paging.js';
import { addDays, dig, digArray, digString, enc, isoDate } from '../read.js';
import { SUITE_GUEST, availabilityQuery, findSlot } from '../slots.js';
import type { FormOf } from '../forms.js';

/**
 * The Reservations-API booking flow: availability → book → get (by id and by reference code) →
 * list and export to the last page (the booking must be in both) → update → cancel → cancel again.
 */
export async function reservationsScenario(ctx: SuiteContext, options: SuiteOptionsResolved): Promise<void> {
  ctx.scenario = 'reservations';
  const venueId = ctx.state.venueIds[0];
  const venuePath = `/venues/${enc(venueId ?? 'none')}`;
  const slot = venueId
    ? await findSlot(ctx, (date) => ({
        name: `availability on ${date}`,
        method: 'GET',
        path: `${venuePath}/availability`,
        query: availabilityQuery(date),
      }))
    : undefined;
  if (!venueId)
    ctx.skip({ name: 'availability', method: 'GET', path: `${venuePath}/availability` }, 'no venue');

  const from = isoDate(ctx.state.today);
  const to = isoDate(addDays(ctx.state.today, 14));
  let reservationId: string | undefined;
  let referenceCode: string | undefined;
  if (slot) {
    const booked = await ctx.step({
      name: 'book a reservation',
      method: 'PUT',
      path: `${venuePath}/book`,
      form: {
        date: slot.date,
        time: slot.time,
        party_size: 2,
        access_persistent_id: slot.accessPersistentId,
        ...SUITE_GUEST,
        notes: 'Created by the contract suite',
      } satisfies FormOf<'bookVenueReservation'>,
      write: true,
    });
    reservationId = digString(booked.json, 'data', 'reservation_id');
    referenceCode = digString(booked.json, 'data', 'reservation', 'reference_code');
  } else {
    ctx.skip(
      { name: 'book a reservation', method: 'PUT', path: `${venuePath}/book` },
      'no bookable slot found',
    );
  }

  if (reservationId) {
    ctx.state.reservationId = reservationId;
    const got = await ctx.step({
      name: 'get the reservation by id',
      method: 'GET',
      path: `/reservations/${enc(reservationId)}`,
    });
    referenceCode ??= digString(got.json, 'data', 'reference_code');
    if (referenceCode) {
      const byCode = await ctx.step({
        name: 'get the reservation by reference code',
        method: 'GET',
        path: `/reservations/${enc(referenceCode)}`,
      });
      if (byCode.ok && digString(byCode.json, 'data', 'id') !== reservationId) {
        ctx.fail(
          'get the reservation by reference code',
          `reference code ${referenceCode} did not lead to ${reservationId}`,
        );
      }
    }
  }

  const scope = ctx.state.venueGroupId ? { venue_group_id: ctx.state.venueGroupId } : { venue_id: venueId };
  const resultsPage = (json: unknown) => ({
    items: digArray(json, 'data', 'results'),
    cursor: digString(json, 'data', 'cursor'),
  });
  for (const [name, path] of [
    ['list reservations', '/reservations'],
    ['export reservations', '/reservations/export'],
  ] as const) {
    const listed = await paginate(
      ctx,
      { name, method: 'GET', path, query: { ...scope, from_date: from, to_date: to } },
      resultsPage,
      {
        limit: options.pageSize,
        maxPages: options.maxPages,
      },
    );
    if (reservationId && listed.complete && !listed.items.some((item) => dig(item, 'id') === reservationId)) {
      ctx.fail(name, `the reservation booked by the suite (${reservationId}) is missing from every page`);
    }
  }

  if (!reservationId || !slot) {
    for (const name of ['update the reservation', 'cancel the reservation', 'cancel it again']) {
      ctx.skip({ name, method: 'DELETE', path: '/reservations/{reservation_id}' }, 'nothing was booked');
    }
    return;
  }
  const ofDay = await ctx.step({
    name: "the venue's reservations on the booked day",
    method: 'GET',
    path: `${venuePath}/reservations`,
    query: { date: slot.date, limit: options.pageSize },
  });
  if (ofDay.ok && !digArray(ofDay.json, 'data', 'results').some((r) => dig(r, 'id') === reservationId)) {
    // Only the first page is read: the suite's own booking is the newest, so it may be on a later page.
    if (!digString(ofDay.json, 'data', 'cursor'))
      ctx.fail("the venue's reservations on the booked day", `the booking ${reservationId} is not listed`);
  }
  await ctx.step({
    name: 'update the reservation with a POST (notes and a custom field)',
    method: 'POST',
    path: `/reservations/${enc(reservationId)}`,
    form: {
      notes: 'Updated by the contract suite',
      custom_fields: 'source:contract suite',
    } satisfies FormOf<'updateReservation'>,
    write: true,
  });
  await ctx.step({
    name: 'update the reservation (party of 3)',
    method: 'PUT',
    path: `${venuePath}/book`,
    form: {
      reservation_id: reservationId,
      date: slot.date,
      time: slot.time,
      party_size: 3,
    } satisfies FormOf<'bookVenueReservation'>,
    write: true,
  });
  await ctx.step({
    name: 'cancel the reservation',
    method: 'DELETE',
    path: `/reservations/${enc(reservationId)}`,
    write: true,
  });
  await ctx.step({
    name: 'cancel it again → 400 already cancelled',
    method: 'DELETE',
    path: `/reservations/${enc(reservationId)}`,
    expect: 400,
    expectMsg: 'Reservation has already been cancelled.',
    write: true,
  });

  // A second booking for the same guest and slot, which the duplicate check would refuse without
  // its bypass, cancelled the way some integrations do: POST .../cancel.
  const second = await ctx.step({
    name: 'book the same guest again, bypassing the duplicate check',
    method: 'PUT',
    path: `${venuePath}/book`,
    form: {
      date: slot.date,
      time: slot.time,
      party_size: 2,
      ...SUITE_GUEST,
      bypass_duplicate_reservation_check: true,
      notes: 'Second booking by the contract suite',
    } satisfies FormOf<'bookVenueReservation'>,
    write: true,
  });
  const secondId = digString(second.json, 'data', 'reservation_id');
  if (!secondId) {
    ctx.skip(
      { name: 'cancel with a POST', method: 'POST', path: '/reservations/{reservation_id}/cancel' },
      'the second booking did not succeed',
    );
    return;
  }
  await ctx.step({
    name: 'cancel with a POST',
    method: 'POST',
    path: `/reservations/${enc(secondId)}/cancel`,
    form: { send_client_email: false } satisfies FormOf<'cancelReservationByPost'>,
    write: true,
  });
}
