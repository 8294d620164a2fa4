/** The hardening flags and notes as a user meets them: `sevenrooms-mock serve ...`. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serve } from '../../mock-server/cli/serve.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});

async function start(args: string[]): Promise<{ url: string; banner: string }> {
  let banner = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    banner += String(chunk);
    return true;
  });
  const quiet = [
    '--port',
    '0',
    '--log-level',
    'silent',
    '--guests',
    '0',
    '--history-days',
    '0',
    '--days-ahead',
    '0',
  ];
  stop = await serve([...quiet, ...args], {});
  vi.restoreAllMocks();
  return { url: /listening on (http:\/\/\S+)/.exec(banner)![1]!, banner };
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
