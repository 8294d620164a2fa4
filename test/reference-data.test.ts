import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer } from './support/harness.js';

const AVAILABILITY = 'date=2026-12-08&party_size=2&start_time=19:00&end_time=19:30';

describe('municipalities', () => {
  it('the full list names every municipality; the concierge list only those with its venues', async () => {
    const t = testServer();
    const ava = await t.login(CREDENTIALS.ava);
    const all = await t.get('/municipalities', ava);
    expect(all.status).toBe(200);
    expect(Object.values(all.body.data)).toEqual(['London', 'Miami', 'New York City', 'Paris']);
    // Any credential may read the full list.
    expect((await t.get('/municipalities', await t.login(CREDENTIALS.harbor))).body.data).toEqual(
      all.body.data,
    );
    const own = await t.get(`/concierge/${t.conciergeId('ava')}/municipalities`, ava);
    expect(Object.values(own.body.data)).toEqual(['London', 'New York City']);
    const noah = await t.login(CREDENTIALS.noah);
    const noahs = await t.get(`/concierge/${t.conciergeId('noah')}/municipalities`, noah);
    expect(Object.values(noahs.body.data)).toEqual(['London']);
    // Another concierge's list is refused like any path naming another concierge.
    expect((await t.get(`/concierge/${t.conciergeId('noah')}/municipalities`, ava)).status).toBe(403);
  });

  it('venue search and municipality availability filter by the listed ids', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.ava);
    const ava = t.conciergeId('ava');
    const ids = Object.fromEntries(
      Object.entries((await t.get('/municipalities', token)).body.data as Record<string, string>).map(
        ([id, name]) => [name, id],
      ),
    );
    const venues = async (id: string) =>
      (
        (await t.get(`/concierge/${ava}/venues?municipality_id=${id}`, token)).body.data as { name: string }[]
      ).map((v) => v.name);
    expect(await venues(ids['New York City']!)).toEqual(['Harbor Grill', 'Pier Nine']);
    expect(await venues(ids.London!)).toEqual(['The Larder']);
    expect(await venues(ids.Paris!)).toEqual([]);
    const one = await t.get(`/concierge/${ava}/venues/${t.venueId('the-larder')}`, token);
    expect(one.body.data).toMatchObject({ municipality_id: ids.London, municipality: 'London' });

    const inLondon = await t.get(
      `/concierge/${ava}/availability/dining?${AVAILABILITY}&municipality_id=${ids.London}`,
      token,
    );
    expect(inLondon.status).toBe(200);
    expect(inLondon.body.data.availability.map((d: { venue: { name: string } }) => d.venue.name)).toEqual([
      'The Larder',
    ]);
    const inParis = await t.get(
      `/concierge/${ava}/availability/dining?${AVAILABILITY}&municipality_id=${ids.Paris}`,
      token,
    );
    expect(inParis.status).toBe(204);
  });
});

describe('client tags', () => {
  it('lists the group categories with tags and the colours clients carry, by url key, id or name', async () => {
    const t = testServer();
    const harbor = await t.login(CREDENTIALS.harbor);
    const venue = t.venueId('harbor-grill');
    // A booking adds a tag in a category the fixture does not declare.
    const booked = await t.put(`/venues/${venue}/book`, harbor, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      client_tags_to_add: 'Dietary:Nut Allergy,Wine:Sommelier Pairing',
      ...guest(1),
    });
    expect(booked.status).toBe(200);
    const reply = await t.get('/tags/client/harborgrill', harbor);
    expect(reply.status).toBe(200);
    const categories = reply.body.data as { name: string; tags: string[]; color_hex: string; vip: number }[];
    expect(categories.map((c) => c.name)).toEqual([
      'Dietary',
      'Preferences',
      'Occasion',
      'VIP',
      'Loyalty',
      'Wine',
    ]);
    expect(categories[0]!.tags).toContain('Nut Allergy');
    expect(categories.find((c) => c.name === 'VIP')!.vip).toBe(1);
    const client = await t.get(`/clients/${booked.body.data.reservation.client_id}`, harbor);
    for (const tag of client.body.data.client_tags as { group_display: string; color: string }[]) {
      expect(categories.find((c) => c.name === tag.group_display)!.color_hex).toBe(tag.color);
    }
    expect((await t.get(`/tags/client/${venue}`, harbor)).body.data).toEqual(categories);
    expect((await t.get('/tags/client/Harbor%20Grill', harbor)).body.data).toEqual(categories);
  });

  it('every tag on seeded clients is listed in its category', async () => {
    const t = testServer({ volume: { guests: 300, daysOfHistory: 7, daysAhead: 7 } });
    const harbor = await t.login(CREDENTIALS.harbor);
    const categories = (await t.get('/tags/client/piernine', harbor)).body.data as {
      name: string;
      tags: string[];
    }[];
    let checked = 0;
    for (const client of t.mock.store.clients.values()) {
      if (client.venueGroupId !== t.mock.catalog.venues.get(t.venueId('pier-nine'))!.venueGroupId) continue;
      for (const tag of client.clientTags) {
        expect(categories.find((c) => c.name === tag.group_display)?.tags).toContain(tag.tag_display);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('another group’s venue is exactly as missing; a concierge sees the venues it books', async () => {
    const t = testServer();
    const thames = await t.login(CREDENTIALS.thames);
    const foreign = await t.get('/tags/client/harborgrill', thames);
    const missing = await t.get('/tags/client/nowhere', thames);
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    const ava = await t.login(CREDENTIALS.ava);
    expect((await t.get('/tags/client/thelarder', ava)).status).toBe(200);
    expect((await t.get('/tags/client/riversidebrasserie', ava)).status).toBe(404);
  });
});
