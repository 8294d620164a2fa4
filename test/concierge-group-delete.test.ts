import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer } from './support/harness.js';

describe('concierge-group hard delete', () => {
  it('deletes a reservation a concierge of the group booked: it is gone, and its slot is free again', async () => {
    const t = testServer();
    const ava = t.conciergeId('ava');
    const avaToken = await t.login(CREDENTIALS.ava);
    const venue = t.venueId('harbor-grill');
    const booked = await t.put(`/concierge/${ava}/venues/${venue}/book`, avaToken, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 4,
      ...guest(1),
    });
    const id = booked.body.data.reservation_id as string;
    const code = booked.body.data.reservation.reference_code as string;
    const group = await t.login(CREDENTIALS.luxeGroup);
    const path = `/concierge_group/${t.conciergeGroupId()}/reservations`;
    const deleted = await t.del(`${path}/${code}/delete`, group);
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ reservation_id: id });
    expect((await t.get(`${path}/${id}`, group)).status).toBe(404);
    expect((await t.del(`${path}/${id}/delete`, group)).status).toBe(404);
    const avail = await t.get(
      `/concierge/${ava}/venues/${venue}/availability/dining?date=2026-12-08&party_size=2&start_time=19:00&end_time=19:00`,
      avaToken,
    );
    expect(avail.body.data.availability[0].timeslots[0].pacing_covers_remaining).toBe(32);
  });

  it("another tenant's reservation is exactly as missing; a concierge reaches only its own", async () => {
    const t = testServer();
    const venue = t.venueId('the-larder');
    const harbor = await t.login(CREDENTIALS.thames);
    const direct = await t.put(`/venues/${venue}/book`, harbor, {
      date: '2026-12-08',
      time: '19:00',
      party_size: 2,
      ...guest(2),
    });
    const noahToken = await t.login(CREDENTIALS.noah);
    const byNoah = await t.put(`/concierge/${t.conciergeId('noah')}/venues/${venue}/book`, noahToken, {
      date: '2026-12-08',
      time: '19:15',
      party_size: 2,
      ...guest(3),
    });
    const group = await t.login(CREDENTIALS.luxeGroup);
    const path = `/concierge_group/${t.conciergeGroupId()}/reservations`;
    const missing = await t.del(`${path}/ZZZZZZZ/delete`, group);
    const notTheGroups = await t.del(`${path}/${direct.body.data.reservation_id}/delete`, group);
    expect(notTheGroups.status).toBe(404);
    expect(notTheGroups.body.msg).toBe(missing.body.msg);
    // Ava, through the group path, cannot delete Noah's booking.
    const ava = await t.login(CREDENTIALS.ava);
    expect((await t.del(`${path}/${byNoah.body.data.reservation_id}/delete`, ava)).status).toBe(404);
    // A venue-group credential may not act for the concierge group at all.
    expect((await t.del(`${path}/${byNoah.body.data.reservation_id}/delete`, harbor)).status).toBe(403);
    expect(t.mock.store.reservations.has(byNoah.body.data.reservation_id)).toBe(true);
  });
});
