/** Finding 9: where a fuzzer looks first, the spec and the mock say the same thing. */
import type { oas31 } from 'openapi3-ts';
import { describe, expect, it } from 'vitest';
import { resolveRef } from '../../mock-server/spec/load-spec.js';
import { CREDENTIALS, testServer } from '../support/harness.js';

describe('spec and behaviour agree', () => {
  it('a wrong method on an API path is 405 with Allow, even where a sibling path takes a parameter', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const reply = await t.send('DELETE', '/reservations/export', { token });
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET');
    // The parameterised sibling still answers its own methods.
    expect((await t.send('DELETE', '/reservations/ABCDEFG', { token })).status).toBe(404);
  });

  it('an unknown or wrong method on a control path is 405 with Allow', async () => {
    const t = testServer();
    for (const method of ['PATCH', 'DELETE', 'FOO']) {
      const reply = await t.control(method, '/clock');
      expect(reply.status, method).toBe(405);
      expect(reply.headers.get('allow')).toBe('GET, PUT');
    }
    expect((await t.control('GET', '/no-such-thing')).status).toBe(404);
  });

  it('the control API refuses {"seconds": null} instead of reading it as 0', async () => {
    const t = testServer();
    const reply = await t.control('POST', '/clock/advance', { seconds: null });
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { msg: string }).msg).toMatch(/seconds/);
  });

  it('an empty optional query parameter whose schema has minLength is a 400 naming it', async () => {
    const t = testServer();
    const token = await t.login(CREDENTIALS.harbor);
    const range = 'from_date=2026-12-01&to_date=2026-12-09';
    for (const name of ['client_id', 'cursor', 'venue_id', 'venue_group_id']) {
      const reply = await t.get(`/reservations?${range}&${name}=`, token);
      expect(reply.status, name).toBe(400);
      expect(reply.body.msg).toContain(name);
    }
    // Optional parameters without minLength may still be empty.
    expect((await t.get(`/reservations?${range}&sort_order=`, token)).status).toBe(200);
  });

  it('no list operation documents an example cursor that it would refuse', async () => {
    const t = testServer();
    const doc = t.mock.spec;
    const cursor = resolveRef<oas31.ParameterObject>(doc, { $ref: '#/components/parameters/Cursor' });
    const examples = [
      cursor.example,
      ...Object.values(cursor.examples ?? {}).map((e) => (e as { value: unknown }).value),
    ];
    expect(examples.filter((e) => e !== undefined)).toEqual([]);
    expect(cursor.description).toMatch(/Mock convention:.*only.*(issued|returned)/is);
  });
});
