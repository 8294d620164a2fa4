import { ManualClock } from '../../mock-server/clock.js';
import { createMockServer, DEFAULT_START_TIME, type MockServerOptions } from '../../mock-server/server.js';

/** Default credentials of the embedded fixture (printed at start-up, documented in the README). */
export const CREDENTIALS = {
  harbor: { client_id: 'harbor-pos', client_secret: 'harbor-pos-secret' },
  thames: { client_id: 'thames-crm', client_secret: 'thames-crm-secret' },
  ava: { client_id: 'luxe-ava', client_secret: 'luxe-ava-secret' },
  noah: { client_id: 'luxe-noah', client_secret: 'luxe-noah-secret' },
  luxeGroup: { client_id: 'luxe-group', client_secret: 'luxe-group-secret' },
} as const;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Tests read nested wire fields freely; the spec sweep checks their shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** No seeded history: booking tests reason about an empty restaurant. Seeded tests pass their own volume. */
export const EMPTY_VOLUME = { guests: 0, daysOfHistory: 0, daysAhead: 0 } as const;

/**
 * A fresh mock on a ManualClock (Monday 2026-12-07 17:00 UTC unless told otherwise), with an empty
 * restaurant unless `volume` is given, and small HTTP helpers.
 */
export function testServer(options: MockServerOptions & { start?: string } = {}) {
  const clock = new ManualClock(options.start ?? DEFAULT_START_TIME);
  const mock = createMockServer({ clock, volume: EMPTY_VOLUME, ...options });
  const send = async (
    method: string,
    path: string,
    init: {
      token?: string;
      form?: Record<string, string | number | boolean>;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Reply> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = init.token;
    const body = init.form
      ? new URLSearchParams(Object.entries(init.form).map(([k, v]): [string, string] => [k, String(v)]))
      : undefined;
    const res = await mock.app.request(
      path.startsWith('/') &&
        !path.startsWith('/2_') &&
        !path.startsWith('/api-ext') &&
        !path.startsWith('/openapi') &&
        !path.startsWith('/_mock') &&
        !path.startsWith('/worlds/')
        ? `/2_4${path}`
        : path,
      { method, headers, body },
    );
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  };
  const login = async (credential: { client_id: string; client_secret: string }): Promise<string> => {
    const reply = await send('POST', '/auth', { form: credential });
    if (reply.status !== 200) throw new Error(`auth failed: ${reply.text}`);
    return reply.body.data.token as string;
  };
  const venueId = (key: string) => [...mock.catalog.venues.values()].find((v) => v.key === key)!.id;
  const conciergeId = (key: string) => [...mock.catalog.concierges.values()].find((c) => c.key === key)!.id;
  const conciergeGroupId = () => [...mock.catalog.conciergeGroups.values()][0]!.id;
  /** A control-API request (`/_mock` + path) with a JSON body. */
  const control = (
    method: string,
    path: string,
    body?: unknown,
    env?: unknown,
    headers: Record<string, string> = {},
  ) =>
    mock.app.request(
      `/_mock${path}`,
      {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      env,
    );
  return {
    mock,
    clock,
    control,
    app: mock.app,
    send,
    get: (path: string, token?: string) => send('GET', path, { token }),
    put: (path: string, token: string, form: Record<string, string | number | boolean>) =>
      send('PUT', path, { token, form }),
    post: (path: string, token: string, form: Record<string, string | number | boolean>) =>
      send('POST', path, { token, form }),
    del: (path: string, token?: string) => send('DELETE', path, { token }),
    login,
    venueId,
    conciergeId,
    conciergeGroupId,
  };
}

export type TestServer = ReturnType<typeof testServer>;

/** A guest's required booking fields, with a phone unique to `n`. */
export function guest(n: number) {
  return {
    first_name: `Guest${n}`,
    last_name: 'Tester',
    phone: `+1212555${String(1000 + n).padStart(4, '0')}`,
  };
}
