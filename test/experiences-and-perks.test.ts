import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer, type TestServer } from './support/harness.js';

/** Harbor Grill's offers (fixtures/venues/default.json): looked up by key, ids derived from them. */
function offers(t: TestServer) {
  const venue = t.mock.catalog.venues.get(t.venueId('harbor-grill'))!;
  const perk = (key: string) => venue.offers.perks.find((p) => p.key === key)!.id;
  const experience = (key: string) => venue.offers.experiences.find((e) => e.key === key)!.id;
  return { venue: venue.id, perk, experience };
}

async function setup() {
  const t = testServer();
  const token = await t.login(CREDENTIALS.ava);
  const ava = t.conciergeId('ava');
  const o = offers(t);
  const base = `/concierge/${ava}/venues/${o.venue}`;
  const times = async (query: string) => {
    const reply = await t.get(`${base}/availability/dining?${query}`, token);
    expect(reply.status).toBe(200);
    return (
      reply.body.data.availability[0].timeslots as { time: string; experience_id: string | null }[]
    ).map((s) => s.time);
  };
  return { t, token, ava, base, times, ...o };
}

// 2026-12-10 is a Thursday, 2026-12-14 a Monday (the clock starts Monday 2026-12-07, noon in New York).
const DINNER_THU = 'date=2026-12-10&party_size=2&start_time=17:00&end_time=21:45';

describe('experiences', () => {
  it('lists and details the venue experiences in the reference shape', async () => {
    const { t, token, venue, experience } = await setup();
    const list = await t.get(`/experiences/${venue}`, token);
    expect(list.status).toBe(200);
    expect(list.body.data.experience.map((e: { name: string }) => e.name)).toEqual([
      "Chef's Counter Tasting",
      'Raw Bar Brunch',
    ]);
    const id = experience('chefs-counter');
    const one = await t.get(`/experiences/${venue}/details/${id}`, token);
    expect(one.body.data.experience).toMatchObject({
      id,
      venue_id: venue,
      price_description: '$185 per guest',
      is_featured: true,
      hero_image: { crop_info: { height: 0, width: 0, x: 0, y: 0 } },
      thefork_menu: [],
    });
    expect(
      (await t.get(`/experiences/${venue}/details/${experience('raw-bar-brunch')}x`, token)).status,
    ).toBe(404);
    // Another venue's experience under this venue's path is as missing.
    const larder = t.mock.catalog.venues.get(t.venueId('the-larder'))!.offers.experiences[0]!.id;
    expect((await t.get(`/experiences/${venue}/details/${larder}`, token)).status).toBe(404);
    expect((await t.get(`/experiences/${t.venueId('the-larder')}/details/${larder}`, token)).status).toBe(
      200,
    );
  });

  it('availability with experience_id keeps to its days, shift, hours and party sizes, and marks the slots', async () => {
    const { t, token, base, times, experience } = await setup();
    const id = experience('chefs-counter');
    const all = await times(DINNER_THU);
    const only = await times(`${DINNER_THU}&experience_id=${id}`);
    expect(all).toContain('17:00');
    expect(only[0]).toBe('18:00');
    expect(only.at(-1)).toBe('20:30');
    expect(only.length).toBeLessThan(all.length);
    const reply = await t.get(`${base}/availability/dining?${DINNER_THU}&experience_id=${id}`, token);
    expect(
      reply.body.data.availability[0].timeslots.every(
        (s: { experience_id: string }) => s.experience_id === id,
      ),
    ).toBe(true);
    // Monday: not offered. A party of 6: too large.
    expect(
      await times(`date=2026-12-14&party_size=2&start_time=17:00&end_time=21:45&experience_id=${id}`),
    ).toEqual([]);
    expect(
      await times(`date=2026-12-10&party_size=6&start_time=17:00&end_time=21:45&experience_id=${id}`),
    ).toEqual([]);
    // Another venue's experience id is refused, naming the field.
    const foreign = t.mock.catalog.venues.get(t.venueId('the-larder'))!.offers.experiences[0]!.id;
    const bad = await t.get(`${base}/availability/dining?${DINNER_THU}&experience_id=${foreign}`, token);
    expect(bad.status).toBe(400);
    expect(bad.body.msg).toMatch(/experience_id/);
  });

  it('booking with experience_id outside its window is a 400; inside it the reservation is booked', async () => {
    const { t, token, base, experience } = await setup();
    const id = experience('chefs-counter');
    const early = await t.put(`${base}/book`, token, {
      date: '2026-12-10',
      time: '17:00',
      party_size: 2,
      experience_id: id,
      ...guest(1),
    });
    expect(early.status).toBe(400);
    expect(early.body.msg).toMatch(/experience_id .* is offered from 18:00 to 20:30 only/);
    const ok = await t.put(`${base}/book`, token, {
      date: '2026-12-10',
      time: '19:00',
      party_size: 2,
      experience_id: id,
      ...guest(1),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.reservation).toMatchObject({ experience_id: id, perks: {}, request_id: null });
  });
});

describe('perks', () => {
  it('lists the perks offered on a date', async () => {
    const { t, token, base, perk } = await setup();
    const monday = await t.get(`${base}/perks?date=2026-12-14`, token);
    expect(monday.status).toBe(200);
    expect(monday.body.data.perks).toEqual([
      {
        id: perk('champagne-welcome'),
        title: 'A glass of Champagne on arrival',
        url: 'https://harborgrill.example.com/perks/champagne',
        is_sold_out: false,
      },
      { id: perk('chefs-amuse'), title: 'An amuse-bouche from the chef', url: '', is_sold_out: false },
    ]);
    // The amuse-bouche runs Monday to Thursday only.
    const saturday = await t.get(`${base}/perks?date=2026-12-12`, token);
    expect(saturday.body.data.perks.map((p: { id: string }) => p.id)).toEqual([perk('champagne-welcome')]);
    expect((await t.get(`${base}/perks?date=2026-02-30`, token)).status).toBe(400);
  });

  it('a perk limits availability as the fixture says: dinner only, parties up to 6', async () => {
    const { times, perk } = await setup();
    const id = perk('champagne-welcome');
    const day = 'date=2026-12-10&start_time=11:30&end_time=21:45';
    const withPerk = await times(`${day}&party_size=2&perk_id=${id}`);
    expect(withPerk[0]).toBe('17:00'); // lunch slots are gone
    expect((await times(`${day}&party_size=2`))[0]).toBe('11:30');
    expect(await times(`${day}&party_size=8&perk_id=${id}`)).toEqual([]);
  });

  it('its nightly limit is consumed by bookings, then it is sold out: availability empties and booking is a 409', async () => {
    const { t, token, base, times, ava, perk } = await setup();
    const id = perk('champagne-welcome');
    const book = (n: number, time: string) =>
      t.put(`${base}/book`, token, { date: '2026-12-10', time, party_size: 2, perk_id: id, ...guest(n) });
    const ids: string[] = [];
    for (const [n, time] of [
      [1, '18:00'],
      [2, '18:15'],
      [3, '18:30'],
      [4, '18:45'],
    ] as const) {
      const reply = await book(n, time);
      expect(reply.status).toBe(200);
      ids.push(reply.body.data.reservation_id);
    }
    const first = await t.get(`/concierge/${ava}/reservations/${ids[0]}`, token);
    expect(first.body.data.perks).toEqual({ [id]: 'A glass of Champagne on arrival' });
    const perks = await t.get(`${base}/perks?date=2026-12-10`, token);
    expect(perks.body.data.perks.find((p: { id: string }) => p.id === id).is_sold_out).toBe(true);
    expect(await times(`${DINNER_THU}&perk_id=${id}`)).toEqual([]);
    const fifth = await book(5, '19:00');
    expect(fifth.status).toBe(409);
    expect(fifth.body.msg).toMatch(/sold out on 2026-12-10/);
    // Another night is untouched; cancelling one booking frees the perk again.
    expect((await t.get(`${base}/perks?date=2026-12-11`, token)).body.data.perks[0].is_sold_out).toBe(false);
    expect((await t.del(`/concierge/${ava}/reservations/${ids[0]}`, token)).status).toBe(200);
    expect((await book(5, '19:00')).status).toBe(200);
  });

  it('booking with a perk outside its window is a 400 naming perk_id', async () => {
    const { t, token, base, perk } = await setup();
    const lunch = await t.put(`${base}/book`, token, {
      date: '2026-12-10',
      time: '12:00',
      party_size: 2,
      perk_id: perk('champagne-welcome'),
      ...guest(9),
    });
    expect(lunch.status).toBe(400);
    expect(lunch.body.msg).toMatch(/perk_id .* is not offered in this shift/);
  });
});

describe('who may read experiences and perks', () => {
  it('a venue-group credential sees its own venues; another group, or a venue a concierge does not book, is 404', async () => {
    const { t, token, venue, ava } = await setup();
    const harbor = await t.login(CREDENTIALS.harbor);
    const thames = await t.login(CREDENTIALS.thames);
    expect((await t.get(`/experiences/${venue}`, harbor)).status).toBe(200);
    const unknown = 'ahFzfnNldmVucm9vbXMtbW9ja3IcCxIPbmlnaHRsb29wX1ZlbnVlGICAgICAgIAKDA';
    const missing = await t.get(`/experiences/${unknown}`, thames);
    const foreign = await t.get(`/experiences/${venue}`, thames);
    expect([missing.status, foreign.status]).toEqual([404, 404]);
    expect(foreign.body.msg).toBe(missing.body.msg.replace(unknown, venue));
    const experience = offers(t).experience('chefs-counter');
    expect((await t.get(`/experiences/${venue}/details/${experience}`, thames)).status).toBe(404);
    // Ava does not book Riverside Brasserie: its experiences and perks are hidden from her.
    const riverside = t.venueId('riverside-brasserie');
    expect((await t.get(`/experiences/${riverside}`, token)).status).toBe(404);
    expect((await t.get(`/concierge/${ava}/venues/${riverside}/perks?date=2026-12-10`, token)).status).toBe(
      404,
    );
    // The concierge group sees what any of its concierges books.
    const group = await t.login(CREDENTIALS.luxeGroup);
    expect((await t.get(`/experiences/${riverside}`, group)).status).toBe(200);
  });
});
