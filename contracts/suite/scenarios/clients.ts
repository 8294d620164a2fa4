import type { SuiteContext } from '../context.js';
import type { SuiteOptionsResolved } from '../options.js';
import { paginate } from '../paging.js';
import { addDays, digArray, digString, enc, isoDate } from '../read.js';

/** Clients: list and export to the last page, read one client; the waitlist, paged. */
export async function clientsScenario(ctx: SuiteContext, options: SuiteOptionsResolved): Promise<void> {
  ctx.scenario = 'clients';
  const scope = { venue_group_id: ctx.state.venueGroupId };
  const resultsPage = (json: unknown) => ({
    items: digArray(json, 'data', 'results'),
    cursor: digString(json, 'data', 'cursor'),
  });
  const paging = { limit: options.pageSize, maxPages: options.maxPages };
  const listed = await paginate(
    ctx,
    { name: 'list clients', method: 'GET', path: '/clients', query: scope },
    resultsPage,
    paging,
  );
  const clientId = listed.items.map((client) => digString(client, 'id')).find(Boolean);
  if (clientId) {
    await ctx.step({ name: 'get a client', method: 'GET', path: `/clients/${enc(clientId)}`, query: scope });
  } else {
    ctx.skip({ name: 'get a client', method: 'GET', path: '/clients/{client_id}' }, 'no client was listed');
  }
  await paginate(
    ctx,
    { name: 'export clients', method: 'GET', path: '/clients/export', query: scope },
    resultsPage,
    paging,
  );

  ctx.scenario = 'waitlist';
  const venueId = ctx.state.venueIds[0];
  if (!venueId) {
    ctx.skip({ name: 'list waitlist', method: 'GET', path: '/waitlist' }, 'no venue');
    return;
  }
  await paginate(
    ctx,
    {
      name: 'list waitlist',
      method: 'GET',
      path: '/waitlist',
      query: {
        venue_id: venueId,
        from_date: isoDate(addDays(ctx.state.today, -7)),
        to_date: isoDate(addDays(ctx.state.today, 7)),
      },
    },
    (json) => ({
      items: digArray(json, 'data', 0, 'waitlist_entries'),
      cursor: digString(json, 'data', 0, 'cursor'),
    }),
    paging,
  );
}
