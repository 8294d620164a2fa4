import type { SuiteContext } from '../context.js';
import { addDays, enc, isoDate } from '../read.js';

/** The documented error cases: bad token, `Bearer` token, foreign tenant, missing fields, rate limit. */
export async function errorsScenario(ctx: SuiteContext): Promise<void> {
  ctx.scenario = 'errors';
  await ctx.step({
    name: 'unknown token → 401',
    method: 'GET',
    path: '/venues',
    auth: { raw: 'f'.repeat(128) },
    expect: 401,
  });
  const token = ctx.tokens.venueGroup;
  if (token) {
    await ctx.step({
      name: '"Bearer " prefixed token → 401',
      method: 'GET',
      path: '/venues',
      auth: { raw: `Bearer ${token}` },
      expect: 401,
    });
  } else {
    ctx.skip(
      { name: '"Bearer " prefixed token → 401', method: 'GET', path: '/venues' },
      'no venue-group token',
    );
  }

  const foreign = ctx.state.foreignVenueId;
  if (foreign) {
    await ctx.step({
      name: "another venue group's venue → 403/404",
      method: 'GET',
      path: `/venues/${enc(foreign)}`,
      expect: [403, 404],
    });
  } else {
    ctx.skip(
      { name: "another venue group's venue → 403/404", method: 'GET', path: '/venues/{venue_id}' },
      'no venue outside this venue group was discoverable (the concierge credential lists none)',
    );
  }

  const venueId = ctx.state.venueIds[0];
  if (venueId) {
    const date = isoDate(addDays(ctx.state.today, 1));
    await ctx.step({
      name: 'availability without party_size → 400 naming party_size',
      method: 'GET',
      path: `/venues/${enc(venueId)}/availability`,
      query: { date, start_time: '00:00', end_time: '23:45' },
      expect: 400,
      expectMsg: 'party_size',
      invalidRequest: true,
    });
    await ctx.step({
      name: 'book without party_size → 400 naming party_size',
      method: 'PUT',
      path: `/venues/${enc(venueId)}/book`,
      form: { date, time: '19:00', first_name: 'Contract', last_name: 'Suite', phone: '+14155550123' },
      expect: 400,
      expectMsg: 'party_size',
      invalidRequest: true,
      write: true,
    });
  }
  await ctx.step({
    name: 'over the rate limit → 429 (Prefer: code=429)',
    method: 'GET',
    path: '/venues',
    headers: { prefer: 'code=429' },
    expect: 429,
    mockOnly: true,
  });
}
