import { afterEach, describe, expect, it } from 'vitest';
import { ControlApiError } from '../mock-server/library/control-client.js';
import { startMockServer, type StartedMockServer } from '../mock-server/library/start.js';

let mock: StartedMockServer | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

const EMPTY = { guests: 0, daysOfHistory: 0, daysAhead: 0 };

describe('startMockServer (for a global setup)', () => {
  it('listens on a free loopback port and hands over URL, credentials and a control client', async () => {
    mock = await startMockServer({ volume: EMPTY, clock: '2026-12-07T17:00:00Z' });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.apiUrl).toBe(`${mock.url}/2_4`);
    const { clientId, clientSecret, scope } = mock.credential('harbor-pos');
    expect(scope.kind).toBe('venue_group');
    expect(mock.credentials.map((c) => c.clientId)).toContain('luxe-ava');
    const auth = await fetch(`${mock.apiUrl}/auth`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret }),
    });
    expect(auth.status).toBe(200);

    expect(await mock.control.advanceClock(3600)).toMatchObject({
      now: '2026-12-07T18:00:00.000Z',
      mode: 'frozen',
    });
    expect((await mock.control.clock()).now).toBe('2026-12-07T18:00:00.000Z');
    await mock.control.addFault({ kind: 'error', status: 503 });
    expect((await fetch(`${mock.apiUrl}/venues`, { headers: { authorization: 'x' } })).status).toBe(503);
    await mock.control.clearFaults();
    const journal = await mock.control.journal({ limit: 1 });
    expect(JSON.stringify(journal)).toContain('/2_4/venues');
    await mock.control.reset();
    expect((await mock.control.clock()).now).toBe('2026-12-07T17:00:00.000Z');
    await expect(mock.control.setClock('someday')).rejects.toThrow(ControlApiError);
    expect(() => mock!.credential('nobody')).toThrow(/no credential nobody/);
  });

  it('starts a named scenario, and stop() frees the port', async () => {
    mock = await startMockServer({ scenario: 'quiet-weekday' });
    expect(mock.mock.seeded.reservations).toBeGreaterThan(0);
    const url = mock.url;
    await mock.stop();
    mock = undefined;
    await expect(fetch(`${url}/_mock/health`)).rejects.toThrow();
  });
});
