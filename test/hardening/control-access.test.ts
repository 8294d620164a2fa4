/** Finding 1: a peer whose address cannot be read is never trusted as loopback. */
import { describe, expect, it } from 'vitest';
import { testServer } from '../support/harness.js';

describe('control access with an unreadable peer address', () => {
  // What @hono/node-server hands over when the client reset the connection before the address was read.
  const resetPeer = { incoming: { socket: {} } };

  it('refuses the control API to a socket without a remote address, even with no admin token set', async () => {
    const t = testServer({ adminToken: 'let-me-in-please' });
    const reset = await t.control('POST', '/clock/advance', { seconds: 3600 }, resetPeer);
    expect(reset.status).toBe(403);
    expect((await t.control('GET', '/state', undefined, resetPeer)).status).toBe(403);
    const open = testServer();
    expect((await open.control('POST', '/reset', undefined, resetPeer)).status).toBe(403);
    expect((await open.app.request('/_mock/ui/', {}, resetPeer)).status).toBe(403);
    // The clock did not move.
    const clock = (await (await t.control('GET', '/clock')).json()) as { now: string };
    expect(clock.now).toBe('2026-12-07T17:00:00.000Z');
  });

  it('still serves in-process callers (no socket at all) and loopback sockets', async () => {
    const t = testServer();
    expect((await t.control('GET', '/clock')).status).toBe(200);
    const loopback = { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } };
    expect((await t.control('GET', '/clock', undefined, loopback)).status).toBe(200);
  });
});
