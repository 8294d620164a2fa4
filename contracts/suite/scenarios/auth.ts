import type { SuiteContext } from '../context.js';
import { digString } from '../read.js';
import { targetNow } from '../state.js';
import type { FormOf } from '../forms.js';

/** Authenticates every configured credential and checks that a missing secret is refused, naming it. */
export async function authScenario(ctx: SuiteContext): Promise<void> {
  ctx.scenario = 'auth';
  const { venueGroup, concierge, conciergeGroup } = ctx.credentials;
  const labels = {
    venueGroup: 'venue group',
    concierge: 'concierge',
    conciergeGroup: 'concierge group',
  } as const;
  for (const [kind, credential] of [
    ['venueGroup', venueGroup],
    ['concierge', concierge],
    ['conciergeGroup', conciergeGroup],
  ] as const) {
    const name = `authenticate (${labels[kind]} credential)`;
    if (!credential && kind === 'conciergeGroup') continue;
    if (!credential) {
      ctx.skip({ name, method: 'POST', path: '/auth' }, `no ${kind} credential configured`);
      continue;
    }
    const outcome = await ctx.step({
      name,
      method: 'POST',
      path: '/auth',
      auth: 'none',
      form: {
        client_id: credential.clientId,
        client_secret: credential.clientSecret,
      } satisfies FormOf<'authenticate'>,
    });
    const token = digString(outcome.json, 'data', 'token');
    if (token) ctx.tokens[kind] = token;
    const now = targetNow(outcome.json, outcome.headers);
    if (now) ctx.state.today = now;
  }
  if (venueGroup) {
    await ctx.step({
      name: 'authenticate without client_secret → 400 naming client_secret',
      method: 'POST',
      path: '/auth',
      auth: 'none',
      form: { client_id: venueGroup.clientId },
      expect: 400,
      expectMsg: 'client_secret',
      invalidRequest: true,
    });
  }
}
