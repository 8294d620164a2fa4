import type { StepSpec, SuiteContext } from '../context.js';
import type { FormOf } from '../forms.js';
import { addDays, dig, digArray, digString, enc, isoDate } from '../read.js';
import { SUITE_GUEST, availabilityQuery, findSlot } from '../slots.js';

/**
 * The Concierge API beyond booking: municipalities (and the venue search by one), client tags,
 * experiences and perks (and availability narrowed by them), the reservation-request lifecycle
 * (create, read, update, delete) and the concierge-group hard delete. Every id comes from an answer.
 */
export async function conciergeOffersScenario(ctx: SuiteContext): Promise<void> {
  ctx.scenario = 'concierge offers and requests';
  const credential = ctx.credentials.concierge;
  const venueId = ctx.state.conciergeVenueIds[0];
  if (!credential || !venueId) {
    ctx.skip(
      { name: 'concierge offers and requests', method: 'GET', path: '/municipalities' },
      'no concierge credential or concierge venue',
    );
    return;
  }
  const base = `/concierge/${enc(credential.conciergeId)}`;
  const venuePath = `${base}/venues/${enc(venueId)}`;
  const step = (spec: Omit<StepSpec, 'auth'>) => ctx.step({ ...spec, auth: 'concierge' });
  const tomorrow = isoDate(addDays(ctx.state.today, 1));

  const all = await step({ name: 'list all municipalities', method: 'GET', path: '/municipalities' });
  const own = await step({
    name: "list the concierge's municipalities",
    method: 'GET',
    path: `${base}/municipalities`,
  });
  const municipalityId = Object.keys((dig(own.json, 'data') as object | undefined) ?? {})[0];
  if (
    own.ok &&
    municipalityId &&
    !Object.keys((dig(all.json, 'data') as object | undefined) ?? {}).includes(municipalityId)
  )
    ctx.fail("list the concierge's municipalities", `${municipalityId} is missing from the full list`);
  if (municipalityId) {
    const found = await step({
      name: 'venues in one of those municipalities',
      method: 'GET',
      path: `${base}/venues`,
      query: { municipality_id: municipalityId },
    });
    const outside = digArray(found.json, 'data').filter((v) => dig(v, 'municipality_id') !== municipalityId);
    if (outside.length > 0)
      ctx.fail(
        'venues in one of those municipalities',
        `${outside.length} venue(s) of another municipality listed`,
      );
  }

  const venue = await step({ name: 'the venue, for its url key', method: 'GET', path: venuePath });
  const urlKey = digString(venue.json, 'data', 'venue_url_key') ?? venueId;
  await step({
    name: 'client tag categories of the venue',
    method: 'GET',
    path: `/tags/client/${enc(urlKey)}`,
  });

  const experiences = await step({
    name: 'list experiences',
    method: 'GET',
    path: `/experiences/${enc(venueId)}`,
  });
  const experienceId = digString(digArray(experiences.json, 'data', 'experience')[0], 'id');
  if (experienceId) {
    await step({
      name: 'experience details',
      method: 'GET',
      path: `/experiences/${enc(venueId)}/details/${enc(experienceId)}`,
    });
    await step({
      name: 'availability for the experience',
      method: 'GET',
      path: `${venuePath}/availability/dining`,
      query: { ...availabilityQuery(tomorrow), experience_id: experienceId },
    });
  } else {
    ctx.skip(
      {
        name: 'experience details',
        method: 'GET',
        path: `/experiences/${enc(venueId)}/details/{experience_id}`,
      },
      'the venue lists no experience',
    );
  }
  const perks = await step({
    name: 'perks for tomorrow',
    method: 'GET',
    path: `${venuePath}/perks`,
    query: { date: tomorrow },
  });
  const perkId = digString(digArray(perks.json, 'data', 'perks')[0], 'id');
  if (perkId) {
    await step({
      name: 'availability range for the perk',
      method: 'GET',
      path: `${venuePath}/availability/range`,
      query: { ...availabilityQuery(tomorrow), days_out: 3, perk_id: perkId },
    });
  }

  await requestLifecycle(ctx, venuePath, tomorrow);
  await groupHardDelete(ctx, venuePath);
}

async function requestLifecycle(ctx: SuiteContext, venuePath: string, date: string): Promise<void> {
  const created = await ctx.step({
    name: 'request a reservation for a window',
    method: 'PUT',
    path: `${venuePath}/request`,
    form: {
      date,
      start_time: '16:40',
      end_time: '17:40',
      party_size: 3,
      ...SUITE_GUEST,
      internal_notes: 'Contract suite request',
    } satisfies FormOf<'requestConciergeReservation'>,
    auth: 'concierge',
    write: true,
  });
  const requestId = digString(created.json, 'data', 'request_id');
  if (!requestId) return;
  const requestPath = `${venuePath}/request/${enc(requestId)}`;
  const got = await ctx.step({
    name: 'get the request',
    method: 'GET',
    path: requestPath,
    auth: 'concierge',
  });
  if (got.ok && dig(got.json, 'data', 'id') !== requestId)
    ctx.fail('get the request', `asked for ${requestId}, got ${String(dig(got.json, 'data', 'id'))}`);
  await ctx.step({
    name: 'update the request',
    method: 'POST',
    path: requestPath,
    form: { party_size: 4, notes: 'One more guest' } satisfies FormOf<'updateConciergeReservationRequest'>,
    auth: 'concierge',
    write: true,
  });
  const deleted = await ctx.step({
    name: 'delete the request',
    method: 'POST',
    path: `${venuePath}/requests/delete`,
    form: { request_ids: requestId } satisfies FormOf<'deleteConciergeReservationRequests'>,
    auth: 'concierge',
    write: true,
  });
  if (deleted.ok && !digArray(deleted.json, 'data', 'deleted_ids').includes(requestId))
    ctx.fail('delete the request', `${requestId} is not among deleted_ids`);
  await ctx.step({
    name: 'get the deleted request → 404',
    method: 'GET',
    path: requestPath,
    auth: 'concierge',
    expect: 404,
    write: true,
  });
}

/** Books a reservation as the concierge, then hard-deletes it through the concierge-group path. */
async function groupHardDelete(ctx: SuiteContext, venuePath: string): Promise<void> {
  const groupId =
    ctx.credentials.conciergeGroup?.conciergeGroupId ?? ctx.credentials.concierge?.conciergeGroupId;
  const groupPath = `/concierge_group/${enc(groupId ?? '{concierge_group_id}')}/reservations`;
  if (!groupId) {
    ctx.skip(
      { name: 'concierge-group hard delete', method: 'DELETE', path: `${groupPath}/{id}/delete` },
      'no concierge group id',
    );
    return;
  }
  const slot = await findSlot(ctx, (date) => ({
    name: `availability to book for the group delete on ${date}`,
    method: 'GET',
    path: `${venuePath}/availability/dining`,
    query: availabilityQuery(date),
    auth: 'concierge',
  }));
  if (!slot) {
    ctx.skip(
      { name: 'concierge-group hard delete', method: 'DELETE', path: `${groupPath}/{id}/delete` },
      'no bookable slot',
    );
    return;
  }
  const booked = await ctx.step({
    name: 'book one for the group to delete',
    method: 'PUT',
    path: `${venuePath}/book`,
    form: {
      date: slot.date,
      time: slot.time,
      party_size: 2,
      ...SUITE_GUEST,
    } satisfies FormOf<'bookConciergeReservation'>,
    auth: 'concierge',
    write: true,
  });
  const id = digString(booked.json, 'data', 'reservation_id');
  if (!id) return;
  const auth = ctx.tokens.conciergeGroup ? 'conciergeGroup' : 'concierge';
  await ctx.step({
    name: 'hard-delete it as the group',
    method: 'DELETE',
    path: `${groupPath}/${enc(id)}/delete`,
    auth,
    write: true,
  });
  await ctx.step({
    name: 'get it after the group delete → 404',
    method: 'GET',
    path: `${groupPath}/${enc(id)}`,
    auth,
    expect: 404,
    write: true,
  });
}
