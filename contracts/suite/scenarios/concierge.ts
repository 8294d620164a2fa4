import type { StepSpec, SuiteContext } from '../context.js';
import type { SuiteOptionsResolved } from '../options.js';
import { paginate } from '../paging.js';
import { addDays, dig, digArray, digString, enc, isoDate } from '../read.js';
import { SUITE_GUEST, availabilityQuery, findSlot } from '../slots.js';
import type { Slot } from '../state.js';
import type { FormOf } from '../forms.js';

/**
 * The Concierge API: venues (paged), all four availability operations, hold + release, hold + book,
 * request, get by id and by reference code, cancel (twice), hard delete.
 */
export async function conciergeScenario(ctx: SuiteContext, options: SuiteOptionsResolved): Promise<void> {
  ctx.scenario = 'concierge';
  const credential = ctx.credentials.concierge;
  if (!credential) {
    ctx.skip(
      { name: 'concierge flows', method: 'GET', path: '/concierge/{concierge_id}/venues' },
      'no concierge credential',
    );
    return;
  }
  const base = `/concierge/${enc(credential.conciergeId)}`;
  const step = (spec: Omit<StepSpec, 'auth'>) => ctx.step({ ...spec, auth: 'concierge' });

  const listed = await paginate(
    ctx,
    { name: 'list concierge venues', method: 'GET', path: `${base}/venues`, auth: 'concierge' },
    (json) => ({ items: digArray(json, 'data'), cursor: digString(json, 'cursor') }),
    { limit: options.pageSize, maxPages: options.maxPages },
  );
  const venues = listed.items;
  ctx.state.conciergeVenueIds = venues
    .map((venue) => digString(venue, 'id'))
    .filter((id): id is string => !!id);
  const venueId =
    ctx.state.conciergeVenueIds.find((id) => !ctx.state.venueIds.includes(id)) ??
    ctx.state.conciergeVenueIds[0];
  ctx.state.foreignVenueId = ctx.state.conciergeVenueIds.find((id) => !ctx.state.venueIds.includes(id));
  if (!venueId) {
    ctx.skip(
      { name: 'concierge venue flows', method: 'GET', path: `${base}/venues/{venue_id}` },
      'no concierge venue listed',
    );
    return;
  }
  const venuePath = `${base}/venues/${enc(venueId)}`;
  const venue = await step({ name: 'get concierge venue', method: 'GET', path: venuePath });
  const tomorrow = isoDate(addDays(ctx.state.today, 1));

  const slot = await findSlot(ctx, (date) => ({
    name: `dining availability on ${date}`,
    method: 'GET',
    path: `${venuePath}/availability/dining`,
    query: availabilityQuery(date),
    auth: 'concierge',
  }));
  await step({
    name: 'availability range (7 days out)',
    method: 'GET',
    path: `${venuePath}/availability/range`,
    query: { ...availabilityQuery(tomorrow), days_out: 7 },
  });
  await step({
    name: 'multi-venue dining availability',
    method: 'GET',
    path: `${base}/availability/dining/venues`,
    query: { ...availabilityQuery(tomorrow), venue_ids: ctx.state.conciergeVenueIds.slice(0, 3).join(',') },
    expect: [200, 204],
  });
  await step({
    name: 'multi-venue dining availability at 03:00 (no slots → 204)',
    method: 'GET',
    path: `${base}/availability/dining/venues`,
    query: { date: tomorrow, start_time: '03:00', end_time: '03:15', party_size: 2, venue_ids: venueId },
    expect: [204, 200],
  });
  const municipalityId =
    digString(venue.json, 'data', 'municipality_id') ?? digString(venues[0], 'municipality_id');
  if (municipalityId) {
    await step({
      name: 'dining availability in the municipality',
      method: 'GET',
      path: `${base}/availability/dining`,
      query: { ...availabilityQuery(tomorrow), municipality_id: municipalityId },
      expect: [200, 204],
    });
  } else {
    ctx.skip(
      { name: 'dining availability in the municipality', method: 'GET', path: `${base}/availability/dining` },
      'the venue has no municipality_id',
    );
  }

  if (!slot) {
    ctx.skip(
      { name: 'holds and bookings', method: 'PUT', path: `${venuePath}/holds` },
      'no bookable slot found',
    );
    return;
  }
  await holdAndRelease(ctx, venuePath, slot);
  const booked = await bookWithHold(ctx, venuePath, slot);
  await step({
    name: 'request a reservation',
    method: 'PUT',
    path: `${venuePath}/request`,
    form: {
      date: slot.date,
      time: slot.time,
      party_size: 2,
      ...SUITE_GUEST,
      // Another guest: the suite's own guest already holds this slot, and a duplicate request is a 409.
      phone: '+14155550124',
    } satisfies FormOf<'requestConciergeReservation'>,
    write: true,
  });
  if (!booked) return;
  const reservationPath = `${base}/reservations`;
  const got = await step({
    name: 'get the reservation by id',
    method: 'GET',
    path: `${reservationPath}/${enc(booked)}`,
  });
  const code = digString(got.json, 'data', 'reference_code');
  if (code) {
    const byCode = await step({
      name: 'get the reservation by reference code',
      method: 'GET',
      path: `${reservationPath}/${enc(code)}`,
    });
    if (byCode.ok && dig(byCode.json, 'data', 'id') !== booked) {
      ctx.fail('get the reservation by reference code', `reference code ${code} did not lead to ${booked}`);
    }
  }
  const cancelTarget = code ?? booked;
  await step({
    name: `cancel the reservation by ${code ? 'reference code' : 'id'}`,
    method: 'DELETE',
    path: `${reservationPath}/${enc(cancelTarget)}`,
    query: { send_client_email: false },
    write: true,
  });
  await step({
    name: 'cancel it again → 400 already cancelled',
    method: 'DELETE',
    path: `${reservationPath}/${enc(booked)}`,
    expect: 400,
    expectMsg: 'Reservation has already been cancelled.',
    write: true,
  });
  await step({
    name: 'hard-delete the reservation',
    method: 'DELETE',
    path: `${reservationPath}/${enc(booked)}/delete`,
    write: true,
  });
  await conciergeGroupFlow(ctx, venuePath, slot, options);
}

async function holdAndRelease(ctx: SuiteContext, venuePath: string, slot: Slot): Promise<void> {
  const hold = await placeHold(ctx, venuePath, slot, 'place a hold');
  if (!hold) return;
  await ctx.step({
    name: 'release the hold',
    method: 'POST',
    path: `${venuePath}/holds/${enc(hold)}/release`,
    // A hold was placed, so the slot had its shift_persistent_id (placeHold checks).
    form: {
      date: slot.date,
      shift_persistent_id: slot.shiftPersistentId!,
    } satisfies FormOf<'releaseConciergeHold'>,
    auth: 'concierge',
    write: true,
  });
}

async function placeHold(
  ctx: SuiteContext,
  venuePath: string,
  slot: Slot,
  name: string,
): Promise<string | undefined> {
  const { shiftPersistentId, accessPersistentId } = slot;
  if (!shiftPersistentId || !accessPersistentId) {
    ctx.skip(
      { name, method: 'PUT', path: `${venuePath}/holds` },
      'the availability answer named no shift_persistent_id and access_persistent_id to hold',
    );
    return undefined;
  }
  const outcome = await ctx.step({
    name,
    method: 'PUT',
    path: `${venuePath}/holds`,
    form: {
      date: slot.date,
      time: slot.time,
      party_size: 2,
      shift_persistent_id: shiftPersistentId,
      access_persistent_id: accessPersistentId,
    } satisfies FormOf<'createConciergeHold'>,
    auth: 'concierge',
    write: true,
  });
  return digString(outcome.json, 'data', 'reservation_hold_id');
}

async function bookWithHold(ctx: SuiteContext, venuePath: string, slot: Slot): Promise<string | undefined> {
  const hold = await placeHold(ctx, venuePath, slot, 'place a hold to book');
  const outcome = await ctx.step({
    name: hold ? 'book on the hold' : 'book without a hold',
    method: 'PUT',
    path: `${venuePath}/book`,
    form: {
      date: slot.date,
      time: slot.time,
      party_size: 2,
      ...SUITE_GUEST,
      reservation_hold_id: hold,
    } satisfies FormOf<'bookConciergeReservation'>,
    auth: 'concierge',
    write: true,
  });
  return digString(outcome.json, 'data', 'reservation_id');
}

/** Concierge-group search (paged), get and cancel, on a reservation the suite books for it. */
async function conciergeGroupFlow(
  ctx: SuiteContext,
  venuePath: string,
  slot: Slot,
  options: SuiteOptionsResolved,
): Promise<void> {
  ctx.scenario = 'concierge group';
  const credential = ctx.credentials.concierge;
  const groupId = ctx.credentials.conciergeGroup?.conciergeGroupId ?? credential?.conciergeGroupId;
  const auth = ctx.tokens.conciergeGroup ? 'conciergeGroup' : 'concierge';
  if (!credential || !groupId) {
    ctx.skip(
      {
        name: 'concierge group flows',
        method: 'GET',
        path: '/concierge_group/{concierge_group_id}/reservations',
      },
      'no concierge group id configured',
    );
    return;
  }
  const booked = await bookWithHold(ctx, venuePath, slot);
  const groupPath = `/concierge_group/${enc(groupId)}/reservations`;
  const found = await paginate(
    ctx,
    {
      name: 'search concierge-group reservations',
      method: 'GET',
      path: groupPath,
      auth,
      query: {
        concierge_id: credential.conciergeId,
        from_date: isoDate(ctx.state.today),
        to_date: isoDate(addDays(ctx.state.today, 14)),
      },
    },
    (json) => ({ items: digArray(json, 'data', 'results'), cursor: digString(json, 'data', 'cursor') }),
    { limit: options.pageSize, maxPages: options.maxPages },
  );
  if (booked && found.complete && !found.items.some((item) => dig(item, 'id') === booked)) {
    ctx.fail(
      'search concierge-group reservations',
      `the reservation booked by the suite (${booked}) is missing from the search`,
    );
  }
  if (!booked) return;
  await ctx.step({
    name: 'get a concierge-group reservation',
    method: 'GET',
    path: `${groupPath}/${enc(booked)}`,
    auth,
  });
  await ctx.step({
    name: 'cancel a concierge-group reservation',
    method: 'DELETE',
    path: `${groupPath}/${enc(booked)}`,
    auth,
    write: true,
  });
}
