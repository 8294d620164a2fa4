/** Finding 6: a hold or an availability search names only the caller's own reservation; others are 404. */
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, guest, testServer } from '../support/harness.js';

const DATE = '2026-12-09';

async function world() {
  const t = testServer();
  const harbor = await t.login(CREDENTIALS.harbor);
  const ava = await t.login(CREDENTIALS.ava);
  const avaId = t.conciergeId('ava');
  const venue = t.venueId('harbor-grill');
  const book = async (token: string, path: string, n: number) => {
    const reply = await t.put(path, token, { date: DATE, time: '19:00', party_size: 2, ...guest(n) });
    expect(reply.status).toBe(200);
    return reply.body.data.reservation as { id: string; reference_code: string };
  };
  const foreign = await book(harbor, `/venues/${venue}/book`, 1);
  const own = await book(ava, `/concierge/${avaId}/venues/${venue}/book`, 2);
  const slots = await t.get(
    `/concierge/${avaId}/venues/${venue}/availability/dining?date=${DATE}&party_size=2&start_time=19:00&end_time=19:00`,
    ava,
  );
  const slot = slots.body.data.availability[0].timeslots[0] as {
    shift_persistent_id: string;
    access_persistent_id: string;
  };
  const hold = (reservationId: string) =>
    t.put(`/concierge/${avaId}/venues/${venue}/holds`, ava, {
      date: DATE,
      time: '19:00',
      party_size: 2,
      shift_persistent_id: slot.shift_persistent_id,
      access_persistent_id: slot.access_persistent_id,
      reservation_id: reservationId,
    });
  const range = (reservationId: string) =>
    t.get(
      `/concierge/${avaId}/venues/${venue}/availability/range?date=${DATE}&days_out=1&party_size=2&start_time=19:00&end_time=19:00&reservation_id=${reservationId}`,
      ava,
    );
  return { t, foreign, own, hold, range };
}

describe('reservation_id on holds and availability ranges', () => {
  it('a hold naming another tenant’s reservation is 404, exactly like a code that does not exist', async () => {
    const { foreign, own, hold } = await world();
    const byForeignCode = await hold(foreign.reference_code);
    const byForeignId = await hold(foreign.id);
    const missing = await hold('ZZZZZZZ');
    expect(missing.status).toBe(404);
    for (const reply of [byForeignCode, byForeignId]) {
      expect(reply.status).toBe(404);
      expect(reply.body.msg).toBe(missing.body.msg);
    }
    expect((await hold(own.reference_code)).status).toBe(200);
  });

  it('an availability range naming another tenant’s reservation is 404, like a missing one', async () => {
    const { foreign, own, range } = await world();
    const missing = await range('ZZZZZZZ');
    expect(missing.status).toBe(404);
    const byForeign = await range(foreign.reference_code);
    expect(byForeign.status).toBe(404);
    expect(byForeign.body.msg).toBe(missing.body.msg);
    expect((await range(own.reference_code)).status).toBe(200);
  });
});
