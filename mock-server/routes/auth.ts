import { issueToken } from '../auth/tokens.js';
import { formatNaiveIso } from '../domain/time.js';
import { sendJson, str, type HandlerTable } from './context.js';

export const authHandlers = {
  /** POST /auth — form `client_id`, `client_secret` → a 24-hour token, raw, for the Authorization header. */
  authenticate({ c, rt, body }) {
    const token = issueToken(rt.store, str(body, 'client_id')!, str(body, 'client_secret')!);
    return sendJson(c, {
      msg: 'Successfully authenticated.',
      status: 200,
      data: { token: token.token, token_expiration_datetime: formatNaiveIso(token.expiresMs) },
      request_id: c.get('requestId'),
    });
  },
} satisfies HandlerTable;
