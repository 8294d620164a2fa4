/** The hardening flags and notes as a user meets them: `sevenrooms-mock serve ...`. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveQuietly } from '../support/serve-quietly.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});

async function start(args: string[]): Promise<{ url: string; banner: string }> {
  const started = await serveQuietly(args);
  stop = started.stop;
  return started;
}

describe('serve --max-body', () => {
  it('answers 413 to an API body over the cap and serves bodies under it', async () => {
    const { url } = await start(['--max-body', '100']);
    const post = (body: string) =>
      fetch(`${url}/2_4/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const over = await post(`client_id=harbor-pos&client_secret=${'x'.repeat(200)}`);
    expect(over.status).toBe(413);
    expect(((await over.json()) as { msg: string }).msg).toMatch(/--max-body/);
    expect((await post('client_id=harbor-pos&client_secret=harbor-pos-secret')).status).toBe(200);
  });
});
