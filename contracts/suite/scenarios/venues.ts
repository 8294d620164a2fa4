import type { SuiteContext } from '../context.js';
import { paginate } from '../paging.js';
import { addDays, dig, digArray, digString, enc, isoDate } from '../read.js';
import type { SuiteOptionsResolved } from '../options.js';

/** Lists venues to the last page, reads one, its shifts and its charges (paged). */
export async function venuesScenario(ctx: SuiteContext, options: SuiteOptionsResolved): Promise<void> {
  ctx.scenario = 'venues';
  const venueGroupId = ctx.credentials.venueGroup?.venueGroupId;
  const listed = await paginate(
    ctx,
    { name: 'list venues', method: 'GET', path: '/venues', query: { venue_group_id: venueGroupId } },
    (json) => ({ items: digArray(json, 'data', 'results'), cursor: digString(json, 'data', 'cursor') }),
    { limit: options.pageSize, maxPages: options.maxPages },
  );
  ctx.state.venueIds = listed.items.map((venue) => digString(venue, 'id')).filter((id): id is string => !!id);
  ctx.state.venueGroupId = venueGroupId ?? digString(listed.items[0], 'venue_group_id');
  const venueId = ctx.state.venueIds[0];
  const perVenue = ['get venue', 'list shifts', 'list charges'];
  if (!venueId) {
    for (const name of perVenue)
      ctx.skip({ name, method: 'GET', path: '/venues/{venue_id}' }, 'no venue was listed');
    return;
  }
  const venue = await ctx.step({ name: 'get venue', method: 'GET', path: `/venues/${enc(venueId)}` });
  if (venue.ok && digString(venue.json, 'data', 'id') !== venueId) {
    ctx.fail('get venue', `asked for venue ${venueId}, got ${String(dig(venue.json, 'data', 'id'))}`);
  }
  await ctx.step({
    name: 'list shifts for the coming week',
    method: 'GET',
    path: `/venues/${enc(venueId)}/shifts`,
    query: { start_date: isoDate(ctx.state.today), end_date: isoDate(addDays(ctx.state.today, 7)) },
  });
  await paginate(
    ctx,
    { name: 'list charges', method: 'GET', path: `/venues/${enc(venueId)}/charges` },
    (json) => ({ items: digArray(json, 'data', 'charges'), cursor: digString(json, 'data', 'cursor') }),
    { limit: options.pageSize, maxPages: options.maxPages },
  );
}
