import { describe, expect, it } from 'vitest';
import { createRandom } from '../mock-server/random.js';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

// 2026-12-07 17:00 UTC is Monday noon in New York (Harbor Grill's time zone).
const TOMORROW = '2026-12-08';
const TODAY = '2026-12-07';

/** The answer without its request id, which differs on every request by design. */
const withoutRequestId = (text: string) => text.replace(/"request_id":"[^"]*"/, '');

/** What the same request answers when nothing is cached: the uncached path, for comparison. */
async function uncached(t: TestServer, path: string, token: string): Promise<string> {
  t.mock.store.renders.clear();
  return withoutRequestId((await t.get(path, token)).text);
}

const availabilityPath = (venue: string, date: string, party: number, from = '11:00', to = '23:00') =>
  `/venues/${venue}/availability?date=${date}&party_size=${party}&start_time=${from}&end_time=${to}`;

const times = (text: string): string[] =>
  (
    JSON.parse(text) as { data: { availability: { timeslots: { time: string }[] }[] } }
  ).data.availability[0]!.timeslots.map((s) => s.time);

describe('cached renderings are never stale', () => {
  it('a reservation read again shows a venue-side status change and a change to its guest', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const booked = await t.put(`/venues/${venue}/book`, token, {
      date: TOMORROW,
      time: '19:00',
      party_size: 2,
      ...guest(1),
    });
    const id = booked.body.data.reservation_id as string;
    const first = await t.get(`/reservations/${id}`, token);
    expect(first.body.data).toMatchObject({ status: 'CONFIRMED', is_vip: false });
    // Read twice: the second answer comes from the cache and must equal the first.
    expect(withoutRequestId((await t.get(`/reservations/${id}`, token)).text)).toBe(
      withoutRequestId(first.text),
    );

    const seated = await t.control('POST', `/venues/${venue}/reservations/${id}/seat`, {});
    expect(seated.status).toBe(200);
    expect((await t.get(`/reservations/${id}`, token)).body.data.status).toBe('SEATED');

    const record = t.mock.store.reservations.get(id)!;
    t.mock.store.updateClient(t.mock.store.clients.get(record.clientId)!, { isVip: true });
    const after = await t.get(`/reservations/${id}`, token);
    expect(after.body.data.is_vip).toBe(true);
    expect(withoutRequestId(after.text)).toBe(await uncached(t, `/reservations/${id}`, token));
  });

  it('availability follows a hold taken and the clock passing its expiry, though the query repeats', async () => {
    const t = testServer();
    const harbor = await t.login(CREDENTIALS.harbor);
    const ava = await t.login(CREDENTIALS.ava);
    const venue = t.venueId('harbor-grill');
    // A party of 8 fits only one table at Harbor Grill: one hold takes the slot.
    const query = availabilityPath(venue, TOMORROW, 8, '19:00', '19:00');
    const before = await t.get(query, harbor);
    expect(times(before.text)).toEqual(['19:00']);
    const concierge = t.conciergeId('ava');
    const dining = await t.get(
      `/concierge/${concierge}/venues/${venue}/availability/dining?date=${TOMORROW}&party_size=8&start_time=19:00&end_time=19:00`,
      ava,
    );
    const slot = dining.body.data.availability[0].timeslots[0];
    const hold = await t.put(`/concierge/${concierge}/venues/${venue}/holds`, ava, {
      date: TOMORROW,
      time: '19:00',
      party_size: 8,
      shift_persistent_id: slot.shift_persistent_id,
      access_persistent_id: slot.access_persistent_id,
      hold_wait_time_sec: 90,
    });
    expect(hold.status).toBe(200);
    expect(times((await t.get(query, harbor)).text)).toEqual([]);
    // Still held 80 s later (within the same cached minute or not), free once 90 s have passed.
    t.clock.advance(80_000);
    expect(times((await t.get(query, harbor)).text)).toEqual([]);
    t.clock.advance(10_000);
    expect(times((await t.get(query, harbor)).text)).toEqual(['19:00']);
  });

  it("today's availability drops the slots the clock has passed, minute by minute", async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const query = availabilityPath(venue, TODAY, 2, '11:00', '14:00');
    const noon = times((await t.get(query, token)).text);
    expect(noon[0]! > '12:00').toBe(true);
    t.clock.advance(45 * 60_000);
    const later = times((await t.get(query, token)).text);
    expect(later.every((time) => time > '12:45')).toBe(true);
    expect(later.length).toBeLessThan(noon.length);
  });

  it('a clock moved back does not reuse an answer computed later', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    const query = availabilityPath(venue, TODAY, 2, '11:00', '14:00');
    const start = t.clock.now();
    t.clock.set(start + 60 * 60_000);
    const late = times((await t.get(query, token)).text);
    t.clock.set(start);
    const early = times((await t.get(query, token)).text);
    expect(early.length).toBeGreaterThan(late.length);
  });

  it('after every step of a random workload, cached answers equal what the uncached path renders', async () => {
    const t = testServer({ volume: { guests: 60, daysOfHistory: 2, daysAhead: 3, occupancy: 0.4 } });
    const token = await t.login(CREDENTIALS.harbor);
    const ava = await t.login(CREDENTIALS.ava);
    const concierge = t.conciergeId('ava');
    const venue = t.venueId('harbor-grill');
    const random = createRandom(42);
    const booked: string[] = [];
    const queries = [
      availabilityPath(venue, TODAY, 2),
      availabilityPath(venue, TOMORROW, 4),
      availabilityPath(venue, TOMORROW, 2, '18:00', '21:00'),
    ];
    const groupId = t.mock.catalog.venues.get(venue)!.venueGroupId;
    const list = `/reservations?venue_group_id=${groupId}&from_date=${TODAY}&to_date=2026-12-10&limit=50`;

    for (let step = 0; step < 60; step++) {
      const action = random.int(0, 5);
      const hour = 17 + random.int(0, 4);
      const time = `${hour}:${random.int(0, 1) === 0 ? '00' : '30'}`;
      if (action === 0 || booked.length === 0) {
        const reply = await t.put(`/venues/${venue}/book`, token, {
          date: TOMORROW,
          time,
          party_size: random.int(1, 6),
          ...guest(step),
        });
        if (reply.status === 200) booked.push(reply.body.data.reservation_id as string);
      } else if (action === 1) {
        await t.del(`/reservations/${booked[random.int(0, booked.length - 1)]}`, token);
      } else if (action === 2) {
        const id = booked[random.int(0, booked.length - 1)]!;
        await t.control('POST', `/venues/${venue}/reservations/${id}/seat`, {});
      } else if (action === 3) {
        const dining = await t.get(
          `/concierge/${concierge}/venues/${venue}/availability/dining?date=${TOMORROW}&party_size=2&start_time=${time}&end_time=${time}`,
          ava,
        );
        const slot = dining.body.data?.availability?.[0]?.timeslots?.[0];
        if (slot)
          await t.put(`/concierge/${concierge}/venues/${venue}/holds`, ava, {
            date: TOMORROW,
            time,
            party_size: 2,
            shift_persistent_id: slot.shift_persistent_id,
            access_persistent_id: slot.access_persistent_id,
            hold_wait_time_sec: 60 + random.int(0, 120),
          });
      } else if (action === 4) {
        t.clock.advance(random.int(1, 90) * 1000);
      } else {
        const id = booked[random.int(0, booked.length - 1)]!;
        const record = t.mock.store.reservations.get(id);
        if (record)
          t.mock.store.updateClient(t.mock.store.clients.get(record.clientId)!, {
            isVip: random.int(0, 1) === 1,
          });
      }
      for (const path of [...queries, list, ...booked.slice(-3).map((id) => `/reservations/${id}`)]) {
        const served = withoutRequestId((await t.get(path, token)).text);
        expect(served, `step ${step}: ${path}`).toBe(await uncached(t, path, token));
      }
    }
  });
});
