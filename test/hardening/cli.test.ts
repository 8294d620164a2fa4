/** The hardening flags and notes as a user meets them: `sevenrooms-mock serve ...`. */
import { describe, expect, it } from 'vitest';
import { serverPerTest } from '../support/serve-quietly.js';

const { start } = serverPerTest();

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
