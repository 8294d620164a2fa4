import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer } from './support/harness.js';

describe('POST /auth', () => {
  it('returns a 128-hex token that expires after 24 hours of clock time', async () => {
    const t = testServer();
    const reply = await t.send('POST', '/auth', { form: CREDENTIALS.harbor });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 200, msg: 'Successfully authenticated.' });
    expect(reply.body.data.token).toMatch(/^[0-9a-f]{128}$/);
    expect(reply.body.data.token_expiration_datetime).toBe('2026-12-08T17:00:00.000000');
    const token = reply.body.data.token as string;
    expect((await t.get('/venues', token)).status).toBe(200);
    t.clock.advance(24 * 3600 * 1000);
    const expired = await t.get('/venues', token);
    expect(expired.status).toBe(401);
    expect(expired.body.msg).toMatch(/expired/);
  });

  it('refuses wrong secrets, missing fields, unknown and Bearer-prefixed tokens with clear messages', async () => {
    const t = testServer();
    const wrong = await t.send('POST', '/auth', {
      form: { client_id: 'harbor-pos', client_secret: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    const missing = await t.send('POST', '/auth', { form: { client_id: 'harbor-pos' } });
    expect(missing.status).toBe(400);
    expect(missing.body.msg).toContain('client_secret');
    expect((await t.get('/venues', 'f'.repeat(128))).status).toBe(401);
    expect((await t.get('/venues')).body.msg).toMatch(/Missing Authorization/);
    const token = await t.login(CREDENTIALS.harbor);
    const bearer = await t.get('/venues', `Bearer ${token}`);
    expect(bearer.status).toBe(401);
    expect(bearer.body.msg).toMatch(/raw token.*without a "Bearer " prefix/);
  });
});

describe('tenant isolation', () => {
  it('a venue-group credential never sees another group’s venues or reservations', async () => {
    const t = testServer();
    const harbor = await t.login(CREDENTIALS.harbor);
    const thames = await t.login(CREDENTIALS.thames);
    const larder = t.venueId('the-larder');
    const booked = await t.put(`/venues/${larder}/book`, thames, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      ...guest(1),
    });
    expect(booked.status).toBe(200);
    const id = booked.body.data.reservation_id as string;
    const code = booked.body.data.reservation.reference_code as string;

    const venues = await t.get('/venues', harbor);
    expect(venues.body.data.results.map((v: { name: string }) => v.name)).toEqual([
      'Harbor Grill',
      'Pier Nine',
    ]);
    for (const path of [
      `/venues/${larder}`,
      `/venues/${larder}/availability?date=2026-12-08&party_size=2&start_time=18:00&end_time=20:00`,
      `/reservations/${id}`,
      `/reservations/${code}`,
      `/clients/${booked.body.data.reservation.client_id}`,
    ]) {
      const reply = await t.get(path, harbor);
      expect(reply.status, path).toBe(404);
      expect(reply.text).not.toContain('Guest1');
    }
    expect((await t.del(`/reservations/${id}`, harbor)).status).toBe(404);
    const listed = await t.get('/reservations?from_date=2026-12-01&to_date=2026-12-31', harbor);
    expect(listed.body.data.results.map((r: { id: string }) => r.id)).not.toContain(id);
    const foreignGroup = await t.get(
      `/venues?venue_group_id=${booked.body.data.reservation.venue_group_id}`,
      harbor,
    );
    expect(foreignGroup.status).toBe(403);
  });

  it('a concierge acts only for itself, books only its venues, and sees only what it booked', async () => {
    const t = testServer();
    const ava = await t.login(CREDENTIALS.ava);
    const noah = await t.login(CREDENTIALS.noah);
    const avaId = t.conciergeId('ava');
    const noahId = t.conciergeId('noah');
    expect((await t.get(`/concierge/${noahId}/venues`, ava)).status).toBe(403);
    expect((await t.get(`/concierge/${avaId}/venues/${t.venueId('riverside-brasserie')}`, ava)).status).toBe(
      404,
    );
    expect((await t.get('/venues', ava)).status).toBe(403);

    const booked = await t.put(`/concierge/${avaId}/venues/${t.venueId('the-larder')}/book`, ava, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      ...guest(2),
    });
    expect(booked.status).toBe(200);
    const id = booked.body.data.reservation_id as string;
    expect((await t.get(`/concierge/${noahId}/reservations/${id}`, noah)).status).toBe(404);
    expect((await t.get(`/concierge/${avaId}/reservations/${id}`, ava)).body.data.user.name).toMatch(/Ava/);

    const group = await t.login(CREDENTIALS.luxeGroup);
    const gid = t.conciergeGroupId();
    const search = await t.get(
      `/concierge_group/${gid}/reservations?from_date=2026-12-01&to_date=2026-12-31`,
      group,
    );
    expect(search.body.data.results.map((r: { id: string }) => r.id)).toEqual([id]);
    const noahSearch = await t.get(`/concierge_group/${gid}/reservations`, noah);
    expect(noahSearch.body.data.results).toEqual([]);
    expect((await t.get(`/concierge_group/${gid}/reservations/${id}`, noah)).status).toBe(404);
    const harbor = await t.login(CREDENTIALS.harbor);
    expect((await t.get(`/concierge_group/${gid}/reservations`, harbor)).status).toBe(403);
  });
});

describe('token bookkeeping', () => {
  it('drops expired tokens when a new one is issued, and keeps the live ones', async () => {
    const t = testServer();
    const old = await t.login(CREDENTIALS.harbor);
    t.clock.advance(12 * 3600 * 1000);
    const live = await t.login(CREDENTIALS.thames);
    t.clock.advance(13 * 3600 * 1000); // old has expired, live has 11 hours left
    const fresh = await t.login(CREDENTIALS.harbor);
    expect([...t.mock.store.tokens.keys()]).toEqual([live, fresh]);
    expect((await t.get('/venues', old)).status).toBe(401);
    expect((await t.get('/venues', live)).status).toBe(200);
  });
});
