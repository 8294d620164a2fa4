/** Finding 4: snapshot import checks every record and the world's invariants, or changes nothing. */
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, testServer } from '../support/harness.js';

const VOLUME = { guests: 30, daysOfHistory: 4, daysAhead: 4 };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Snapshot = any;

/** One seeded world for the whole file: every refusal must leave it exactly as it was anyway. */
let world: ReturnType<typeof build> | undefined;
const seeded = () => (world ??= build());

async function build() {
  const t = testServer({ volume: VOLUME });
  const state = async () => (await t.control('GET', '/state')).text();
  const importText = (text: string) =>
    t.app.request('/_mock/state', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
  return { t, state, importText };
}

/** Each spoils one thing of an exported snapshot the way the attacker did. */
const SPOILERS: Record<string, [(s: Snapshot) => void, RegExp]> = {
  'status EATEN': [(s) => (s.reservations[0].status = 'EATEN'), /reservations\/0\/status/],
  'negative duration': [(s) => (s.reservations[0].durationMin = -90), /reservations\/0\/durationMin/],
  'start minute 99999': [(s) => (s.reservations[0].startMin = 99999), /reservations\/0\/startMin/],
  'date not-a-date': [(s) => (s.reservations[0].date = 'not-a-date'), /reservations\/0\/date/],
  'date 2026-02-30': [
    (s) => (s.reservations[0].date = '2026-02-30'),
    /reservations\/0\/date is not a real date/,
  ],
  'unknown table id': [(s) => (s.reservations[0].tableIds = ['no-such-table']), /reservations\/0\/tableIds/],
  'duplicate reference code': [
    (s) => (s.reservations[1].referenceCode = s.reservations[0].referenceCode),
    /reservations\/1\/referenceCode/,
  ],
  'client of another group': [
    (s) => {
      const other = s.clients.find((c: Snapshot) => c.venueGroupId !== s.reservations[0].venueGroupId);
      s.reservations[0].clientId = other.id;
    },
    /reservations\/0\/clientId/,
  ],
  'infinite money (as null after JSON)': [
    (s) => (s.charges[0].baseAmount = 'Infinity'),
    /charges\/0\/baseAmount/,
  ],
  'token for a made-up credential': [
    (s) => s.tokens.push({ token: 'a'.repeat(128), clientId: 'intruder', expiresMs: 4_000_000_000_000 }),
    /tokens\/\d+\/clientId/,
  ],
};

describe('snapshot import', () => {
  it('accepts the mock’s own export unchanged (round trip)', async () => {
    const { state, importText } = await seeded();
    const saved = await state();
    expect(JSON.parse(saved).reservations.length).toBeGreaterThan(10);
    expect((await importText(saved)).status).toBe(200);
    expect((await state()) === saved).toBe(true);
  });

  for (const [name, [spoil, named]] of Object.entries(SPOILERS)) {
    it(`refuses a snapshot with ${name}: 400 naming it, state untouched, the API still answers`, async () => {
      const { t, state, importText } = await seeded();
      const saved = await state();
      const snapshot = JSON.parse(saved);
      spoil(snapshot);
      const reply = await importText(JSON.stringify(snapshot));
      expect(reply.status).toBe(400);
      expect(((await reply.json()) as { msg: string }).msg).toMatch(named);
      expect((await state()) === saved, 'state untouched').toBe(true);
      const token = await t.login(CREDENTIALS.harbor);
      expect((await t.get('/reservations?from_date=2026-12-01&to_date=2026-12-12', token)).status).toBe(200);
    });
  }

  it('refuses a __proto__ key anywhere in a record', async () => {
    const { state, importText } = await seeded();
    const saved = await state();
    const text = saved.replace('"referenceCode":', '"__proto__":{"polluted":true},"referenceCode":');
    expect(text).not.toBe(saved);
    const reply = await importText(text);
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { msg: string }).msg).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await state()) === saved, 'state untouched').toBe(true);
  });

  it('refuses a live hold on a table a reservation occupies', async () => {
    const { state, importText } = await seeded();
    const snapshot = JSON.parse(await state());
    const r = snapshot.reservations.find((x: Snapshot) => x.status === 'CONFIRMED' && x.tableIds.length > 0);
    snapshot.holds.push({
      id: '1796662800.123456',
      venueId: r.venueId,
      conciergeId: null,
      date: r.date,
      startMin: r.startMin,
      durationMin: r.durationMin,
      partySize: 2,
      tableIds: [r.tableIds[0]],
      shiftPersistentId: 'x',
      accessPersistentId: 'y',
      reservationId: null,
      createdMs: 1796662800000,
      expiresMs: 1796663100000,
      state: 'live',
    });
    const reply = await importText(JSON.stringify(snapshot));
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { msg: string }).msg).toMatch(/holds\/0\/tableIds/);
  });
});
