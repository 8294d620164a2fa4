import { describe, expect, it } from 'vitest';
import { ManualClock } from '../mock-server/clock.js';
import { formatNaiveIso, parseNaiveIso } from '../mock-server/domain/time.js';
import { createMockServer, type MockServer } from '../mock-server/server.js';

/**
 * An integration's incremental sync, as real ones run it: export everything page by page with the
 * cursor, remember when the sync started, then ask for `updated_since` that mark. Bookings, edits
 * and cancellations land between pages; every record must still arrive exactly once, and the
 * follow-up pass must return exactly what changed.
 */
const NOW = '2026-12-07T17:00:00Z';
type Row = Record<string, unknown> & { id: string; updated: string };
type ListBody = { status: number; data: { results: Row[]; cursor?: string; limit: number } };

function setup() {
  const clock = new ManualClock(NOW);
  const server = createMockServer({
    seed: 21,
    clock,
    volume: { guests: 120, daysOfHistory: 10, daysAhead: 10 },
  });
  return { server, clock };
}

async function authed(server: MockServer) {
  const res = await server.app.request('/2_4/auth', {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'harbor-pos', client_secret: 'harbor-pos-secret' }),
  });
  const token = ((await res.json()) as { data: { token: string } }).data.token;
  const get = async (path: string) => {
    const r = await server.app.request(path, { headers: { Authorization: token } });
    expect(r.status, `${path}: ${await r.clone().text()}`).toBe(200);
    return (await r.json()) as ListBody;
  };
  const send = async (method: string, path: string, form: Record<string, string> = {}) => {
    const r = await server.app.request(path, {
      method,
      headers: { Authorization: token },
      body: method === 'DELETE' ? undefined : new URLSearchParams(form),
    });
    expect(r.status, `${method} ${path}: ${await r.clone().text()}`).toBe(200);
    return (await r.json()) as { data: Record<string, unknown> & { reservation?: Row } };
  };
  return { get, send };
}

/** Pages `path` to the end, running `between(pageNumber)` after each page but the last. */
async function drain(
  get: (path: string) => Promise<ListBody>,
  path: string,
  between: (page: number, rows: Row[]) => Promise<void> = async () => {},
): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const body = await get(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    expect(body.data).not.toHaveProperty('has_more');
    rows.push(...body.data.results);
    cursor = body.data.cursor;
    pages++;
    if (cursor) await between(pages, rows);
  } while (cursor);
  return { rows, pages };
}

const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('incremental reservation sync', () => {
  it('sees every reservation exactly once despite bookings, edits and cancellations between pages; updated_since returns exactly the changes', async () => {
    const { server, clock } = setup();
    const { get, send } = await authed(server);
    const venueId = [...server.catalog.venues.values()].find((v) => v.key === 'harbor-grill')!.id;
    const groupId = server.catalog.venues.get(venueId)!.venueGroupId;
    const mark = formatNaiveIso(clock.now());
    const changed = new Set<string>();
    const seen = new Set<string>();
    let booked = 0;

    const bookOne = async (date: string) => {
      const avail = await get(
        `/2_4/venues/${venueId}/availability?date=${date}&party_size=2&start_time=17:00&end_time=22:00`,
      );
      const slot = (avail.data as unknown as { availability: { timeslots: { time: string }[] }[] })
        .availability[0]!.timeslots[0]!;
      const res = await send('PUT', `/2_4/venues/${venueId}/book`, {
        date,
        time: slot.time,
        party_size: '2',
        first_name: 'Sync',
        last_name: `Tester${booked}`,
        phone: `+1212555${String(7000 + booked++).padStart(4, '0')}`,
      });
      changed.add(res.data.reservation_id as string);
    };

    const { rows, pages } = await drain(
      get,
      '/2_4/reservations/export?from_date=2026-11-27&to_date=2026-12-17&limit=100',
      async (page, sofar) => {
        for (const r of sofar) seen.add(r.id);
        clock.advance(60_000);
        if (page === 1) {
          // Cancel one we already have and one we have not reached yet; edit one of each too.
          const future = [...server.store.reservations.values()].filter(
            (r) => r.status === 'CONFIRMED' && r.date > '2026-12-08' && r.venueGroupId === groupId,
          );
          const done = future.find((r) => seen.has(r.id))!;
          const ahead = future.filter((r) => !seen.has(r.id));
          await send('DELETE', `/2_4/reservations/${done.id}`);
          await send('DELETE', `/2_4/reservations/${ahead[0]!.id}`);
          for (const r of [future.filter((x) => seen.has(x.id))[1]!, ahead[1]!]) {
            await send('PUT', `/2_4/venues/${r.venueId}/book`, {
              reservation_id: r.id,
              date: r.date,
              time: `${String(Math.floor(r.startMin / 60)).padStart(2, '0')}:${String(r.startMin % 60).padStart(2, '0')}`,
              party_size: String(r.partySize),
              notes: 'Edited mid-sync',
            });
            changed.add(r.id);
          }
          changed.add(done.id).add(ahead[0]!.id);
        }
        if (page <= 3) await bookOne('2026-12-12');
      },
    );

    expect(pages).toBeGreaterThan(5);
    expect(new Set(ids(rows)).size).toBe(rows.length);
    const inRange = [...server.store.reservations.values()].filter(
      (r) => r.venueGroupId === groupId && r.date >= '2026-11-27' && r.date <= '2026-12-17',
    );
    expect(new Set(ids(rows))).toEqual(new Set(inRange.map((r) => r.id)));
    expect(booked).toBe(3);

    const delta = await drain(get, `/2_4/reservations/export?updated_since=${mark}&limit=2`);
    expect(new Set(ids(delta.rows))).toEqual(changed);
    expect(delta.rows).toHaveLength(changed.size);
    for (const r of delta.rows) expect(parseNaiveIso(r.updated)!).toBeGreaterThan(parseNaiveIso(mark)!);
    const cancelled = delta.rows.filter((r) => r.status === 'CANCELED');
    expect(cancelled).toHaveLength(2);
  });

  it('a reservation created after the last page shows up in the next updated_since pass, not in a repeat', async () => {
    const { server, clock } = setup();
    const { get, send } = await authed(server);
    const first = await drain(
      get,
      '/2_4/reservations/export?from_date=2026-12-07&to_date=2026-12-17&limit=400',
    );
    const mark = formatNaiveIso(clock.now());
    clock.advance(1_000);
    const venueId = [...server.catalog.venues.values()].find((v) => v.key === 'pier-nine')!.id;
    const res = await send('PUT', `/2_4/venues/${venueId}/book`, {
      date: '2026-12-15',
      time: '17:00',
      party_size: '2',
      first_name: 'Late',
      last_name: 'Arrival',
      phone: '+12125559911',
    });
    const delta = await drain(get, `/2_4/reservations/export?updated_since=${mark}`);
    expect(ids(delta.rows)).toEqual([res.data.reservation_id]);
    expect(ids(first.rows)).not.toContain(res.data.reservation_id);
  });
});

describe('incremental client sync', () => {
  it('guests created by bookings mid-export arrive once; updated_since returns the new guests and those whose stats changed', async () => {
    const { server, clock } = setup();
    const { get, send } = await authed(server);
    const venueId = [...server.catalog.venues.values()].find((v) => v.key === 'harbor-grill')!.id;
    const mark = formatNaiveIso(clock.now());
    const expected = new Set<string>();
    let n = 0;
    const { rows } = await drain(get, '/2_4/clients/export?limit=25', async (page) => {
      clock.advance(60_000);
      const booking = await send('PUT', `/2_4/venues/${venueId}/book`, {
        date: '2026-12-10',
        time: page % 2 ? '17:00' : '17:15',
        party_size: '2',
        first_name: 'New',
        last_name: `Guest${n}`,
        phone: `+1646555${String(3000 + n++).padStart(4, '0')}`,
      });
      expected.add((booking.data.reservation as Row & { client_id: string }).client_id);
      if (page === 2) {
        const victim = [...server.store.reservations.values()].find(
          (r) => r.status === 'CONFIRMED' && r.date > '2026-12-08' && r.venueId === venueId,
        )!;
        await send('DELETE', `/2_4/reservations/${victim.id}`);
        expected.add(victim.clientId);
      }
    });
    expect(new Set(ids(rows)).size).toBe(rows.length);
    const group = [...server.catalog.venueGroups.values()].find((g) => g.key === 'harbor')!;
    expect(new Set(ids(rows))).toEqual(
      new Set([...server.store.clientsOfGroup(group.id).after(0)].map((c) => c.id)),
    );
    expect(n).toBeGreaterThan(3);

    const delta = await drain(get, `/2_4/clients/export?updated_since=${mark}&limit=3`);
    expect(new Set(ids(delta.rows))).toEqual(expected);
    expect(delta.rows).toHaveLength(expected.size);
  });

  it('a guest created by a booking is listed and fetchable at once', async () => {
    const { server } = setup();
    const { get, send } = await authed(server);
    const venueId = [...server.catalog.venues.values()].find((v) => v.key === 'pier-nine')!.id;
    const booking = await send('PUT', `/2_4/venues/${venueId}/book`, {
      date: '2026-12-09',
      time: '18:00',
      party_size: '4',
      first_name: 'Ines',
      last_name: 'Fresh',
      phone: '+19175550123',
      email: 'Ines.Fresh@Example.com',
    });
    const clientId = (booking.data.reservation as Row & { client_id: string }).client_id;
    const byPhone = await get('/2_4/clients?phone=%2B19175550123');
    expect(ids(byPhone.data.results)).toEqual([clientId]);
    const byEmail = await get('/2_4/clients?email=ines.fresh%40example.com');
    expect(ids(byEmail.data.results)).toEqual([clientId]);
    const byName = await get('/2_4/clients?name=ines%20fresh');
    expect(ids(byName.data.results)).toEqual([clientId]);
    const one = (await get(`/2_4/clients/${clientId}`)) as unknown as { data: Row };
    expect(one.data.id).toBe(clientId);
  });
});
