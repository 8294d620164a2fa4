import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { createMockServer, type MockServer } from '../mock-server/server.js';

/** Pagination exactly as the reference describes it, on every paged list, with its failure modes. */
type Body = { status: number; msg?: string; data: Record<string, unknown> & { results?: { id: string }[] } };

let server: MockServer;
const tokens: Record<string, string> = {};
let harborGrill: string;
let larder: string;

beforeAll(async () => {
  server = createMockServer({
    seed: 9,
    clock: new ManualClock('2026-12-07T17:00:00Z'),
    volume: { guests: 450, daysOfHistory: 14, daysAhead: 7 },
  });
  for (const [id, secret] of [
    ['harbor-pos', 'harbor-pos-secret'],
    ['thames-crm', 'thames-crm-secret'],
    ['luxe-group', 'luxe-group-secret'],
    ['luxe-ava', 'luxe-ava-secret'],
  ]) {
    const res = await server.app.request('/2_4/auth', {
      method: 'POST',
      body: new URLSearchParams({ client_id: id!, client_secret: secret! }),
    });
    tokens[id!] = ((await res.json()) as { data: { token: string } }).data.token;
  }
  const venues = [...server.catalog.venues.values()];
  harborGrill = venues.find((v) => v.key === 'harbor-grill')!.id;
  larder = venues.find((v) => v.key === 'the-larder')!.id;
});

async function get(path: string, who = 'harbor-pos'): Promise<{ status: number; body: Body }> {
  const res = await server.app.request(path, { headers: { Authorization: tokens[who]! } });
  return { status: res.status, body: (await res.json()) as Body };
}

const RESERVATIONS = '/2_4/reservations?from_date=2026-11-23&to_date=2026-12-14';
const EXPORT = '/2_4/reservations/export?from_date=2026-11-23&to_date=2026-12-14';
const withCursor = (path: string, cursor: string) => `${path}&cursor=${encodeURIComponent(cursor)}`;

describe('page sizes', () => {
  it('defaults to 30 reservations and 50 clients per page when limit is omitted', async () => {
    const r = await get(RESERVATIONS);
    expect(r.body.data.results).toHaveLength(30);
    expect(r.body.data.limit).toBe(30);
    const c = await get('/2_4/clients');
    expect(c.body.data.results).toHaveLength(50);
    expect(c.body.data.limit).toBe(50);
    const x = await get('/2_4/clients/export');
    expect(x.body.data.results).toHaveLength(50);
  });

  it('serves up to 400 and clamps larger limits to 400', async () => {
    for (const limit of ['400', '401', '100000']) {
      const r = await get(`${EXPORT}&limit=${limit}`);
      expect(r.status).toBe(200);
      expect(r.body.data.limit).toBe(400);
      expect(r.body.data.results).toHaveLength(400);
    }
    const one = await get(`${EXPORT}&limit=1`);
    expect(one.body.data.results).toHaveLength(1);
  });

  it('refuses a limit that is not a positive whole number with 400 naming limit, never a 500', async () => {
    for (const limit of ['abc', '0', '-5', '2.5', 'ten', '12abc']) {
      const r = await get(`${EXPORT}&limit=${encodeURIComponent(limit)}`);
      expect(r.status, `limit=${limit}`).toBe(400);
      expect(r.body.msg).toMatch(/limit/);
    }
  });
});

describe('cursors', () => {
  it('are present while more pages follow and absent on the last; no has_more, no totals', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await get(cursor ? withCursor(`${EXPORT}&limit=400`, cursor) : `${EXPORT}&limit=400`);
      expect(
        Object.keys(r.body.data)
          .filter((k) => k !== 'cursor')
          .sort(),
      ).toEqual(['limit', 'results']);
      for (const row of r.body.data.results!) seen.add(row.id);
      cursor = r.body.data.cursor as string | undefined;
      expect(r.body.data).not.toHaveProperty('has_more');
      expect(r.body.data).not.toHaveProperty('total');
      pages++;
      if (!cursor) expect(Object.keys(r.body.data).sort()).toEqual(['limit', 'results']);
    } while (cursor);
    const group = [...server.catalog.venueGroups.values()].find((g) => g.key === 'harbor')!;
    const expected = [...server.store.reservations.values()].filter(
      (r) => r.venueGroupId === group.id && r.date >= '2026-11-23' && r.date <= '2026-12-14',
    );
    expect(pages).toBe(Math.ceil(expected.length / 400));
    expect(seen.size).toBe(expected.length);
  });

  it('a page that ends exactly at the last record carries no cursor; one short of it does', async () => {
    let previous: string | undefined;
    let cursor: string | undefined;
    let last: number;
    do {
      previous = cursor;
      const r = await get(cursor ? withCursor(`${EXPORT}&limit=400`, cursor) : `${EXPORT}&limit=400`);
      last = r.body.data.results!.length;
      cursor = r.body.data.cursor as string | undefined;
    } while (cursor);
    expect(previous).toBeDefined();
    const at = (limit: number) => get(withCursor(`${EXPORT}&limit=${limit}`, previous!));
    const exact = await at(last);
    expect(exact.body.data.results).toHaveLength(last);
    expect(exact.body.data).not.toHaveProperty('cursor');
    if (last > 1) expect((await at(last - 1)).body.data.cursor).toEqual(expect.any(String));
  });

  it('refuses malformed and altered cursors with a clear 400', async () => {
    const first = await get(`${EXPORT}&limit=5`);
    const cursor = first.body.data.cursor as string;
    const text = Buffer.from(cursor, 'base64url').toString();
    const [v, seq, fp, check] = text.split('.');
    const forged = [
      'garbage!!',
      'x'.repeat(500),
      Buffer.from('{"seq":5}').toString('base64url'),
      Buffer.from(`${v}.${(parseInt(seq!, 36) + 40).toString(36)}.${fp}.${check}`).toString('base64url'),
      Buffer.from(`${v}.${seq}.${fp}`).toString('base64url'),
      `${cursor.slice(0, -2)}${cursor.slice(-2) === 'AA' ? 'AB' : 'AA'}`,
      '%F0%9F%8D%95',
    ];
    for (const bad of forged) {
      const r = await get(`${EXPORT}&limit=5&cursor=${bad.startsWith('%') ? bad : encodeURIComponent(bad)}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.msg, bad).toMatch(/^Invalid cursor: .*(malformed|altered)/);
    }
  });

  it('refuses a cursor from another query or another credential', async () => {
    const first = await get(`${EXPORT}&limit=5`);
    const cursor = first.body.data.cursor as string;
    const foreign = [
      {
        path: withCursor('/2_4/reservations/export?from_date=2026-11-24&to_date=2026-12-14&limit=5', cursor),
        who: 'harbor-pos',
      },
      { path: withCursor(`${RESERVATIONS}&limit=5`, cursor), who: 'harbor-pos' },
      { path: withCursor('/2_4/clients/export?limit=5', cursor).replace('?&', '?'), who: 'harbor-pos' },
      { path: withCursor(`${EXPORT}&limit=5`, cursor), who: 'thames-crm' },
      { path: withCursor(`${EXPORT}&limit=5&venue_id=${harborGrill}`, cursor), who: 'harbor-pos' },
    ];
    for (const { path, who } of foreign) {
      const r = await get(path, who);
      expect(r.status, path).toBe(400);
      expect(r.body.msg).toMatch(/^Invalid cursor: it was issued for a different query or credential/);
    }
    // The same cursor with a different page size is fine: limit is not part of the query.
    expect((await get(withCursor(`${EXPORT}&limit=7`, cursor))).status).toBe(200);
  });

  it('a client cursor from one venue group is refused for the other', async () => {
    const harbor = await get('/2_4/clients/export?limit=10');
    const r = await get(
      `/2_4/clients/export?limit=10&cursor=${harbor.body.data.cursor as string}`,
      'thames-crm',
    );
    expect(r.status).toBe(400);
    expect(r.body.msg).toMatch(/Invalid cursor/);
  });
});

describe('filters and required dates', () => {
  it('GET /reservations and /reservations/export answer 400 without dates (or updated_since)', async () => {
    for (const path of [
      '/2_4/reservations',
      '/2_4/reservations/export',
      '/2_4/reservations/export?from_date=2026-12-01',
      '/2_4/reservations?to_date=2026-12-01',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.msg).toMatch(/from_date/);
    }
    expect((await get('/2_4/reservations/export?updated_since=2026-12-01T00:00:00')).status).toBe(200);
  });

  it('unknown client filters are ignored: the unfiltered first page', async () => {
    const plain = await get('/2_4/clients');
    const odd = await get('/2_4/clients?favourite_colour=teal');
    expect(odd.status).toBe(200);
    expect(odd.body.data.results!.map((c) => c.id)).toEqual(plain.body.data.results!.map((c) => c.id));
  });

  it('email, phone and name filters find seeded guests', async () => {
    const guest = (await get('/2_4/clients?limit=400')).body.data.results!.find(
      (c) => (c as unknown as { email: string | null }).email !== null,
    ) as unknown as {
      id: string;
      email: string;
      phone_number: string;
      first_name: string;
      last_name: string;
    };
    for (const q of [
      `email=${encodeURIComponent(guest.email.toUpperCase())}`,
      `phone=${encodeURIComponent(guest.phone_number)}`,
      `name=${encodeURIComponent(`${guest.first_name} ${guest.last_name}`)}`,
    ]) {
      const r = await get(`/2_4/clients?${q}`);
      expect(
        r.body.data.results!.map((c) => c.id),
        q,
      ).toContain(guest.id);
    }
  });
});

describe('other paged lists', () => {
  it('waitlist, charges, venues and concierge-group search page to the end without repeats', async () => {
    const lists: {
      path: string;
      who: string;
      items: (d: Body['data']) => { id: string }[];
      cursor: (d: Body['data']) => unknown;
    }[] = [
      {
        path: `/2_4/waitlist?venue_id=${larder}&limit=3`,
        who: 'thames-crm',
        items: (d) => (d as unknown as { waitlist_entries: { id: string }[] }[])[0]!.waitlist_entries,
        cursor: (d) => (d as unknown as { cursor?: string }[])[0]!.cursor,
      },
      {
        path: `/2_4/venues/${harborGrill}/charges?limit=4`,
        who: 'harbor-pos',
        items: (d) => d.charges as { id: string }[],
        cursor: (d) => d.cursor,
      },
      { path: '/2_4/venues?limit=1', who: 'harbor-pos', items: (d) => d.results!, cursor: (d) => d.cursor },
      {
        path: `/2_4/concierge_group/${[...server.catalog.conciergeGroups.values()][0]!.id}/reservations?from_date=2026-11-23&to_date=2026-12-14&limit=7`,
        who: 'luxe-group',
        items: (d) => d.results!,
        cursor: (d) => d.cursor,
      },
    ];
    for (const list of lists) {
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const r = await get(cursor ? withCursor(list.path, cursor) : list.path, list.who);
        expect(r.status, `${list.path}: ${r.body.msg}`).toBe(200);
        ids.push(...list.items(r.body.data).map((x) => x.id));
        cursor = list.cursor(r.body.data) as string | undefined;
        pages++;
      } while (cursor && pages < 200);
      expect(pages, list.path).toBeGreaterThan(1);
      expect(new Set(ids).size, list.path).toBe(ids.length);
    }
  });

  it('a concierge sees only its own bookings in the group search', async () => {
    const cg = [...server.catalog.conciergeGroups.values()][0]!;
    const ava = [...server.catalog.concierges.values()].find((c) => c.key === 'ava')!;
    const r = await get(
      `/2_4/concierge_group/${cg.id}/reservations?from_date=2026-11-23&to_date=2026-12-14&limit=400`,
      'luxe-ava',
    );
    expect(r.status).toBe(200);
    expect(r.body.data.results!.length).toBeGreaterThan(0);
    for (const row of r.body.data.results!)
      expect((row as unknown as { user: { id: string } }).user.id).toBe(ava.id);
  });
});
