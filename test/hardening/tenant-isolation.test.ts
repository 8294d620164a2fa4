/**
 * Tenant-isolation sweep, generated from the spec: for every operation that takes an id (a path
 * parameter, or a `*_id` query parameter or form field), under every credential, every known id the credential
 * cannot read (another tenant's) is tried and must answer exactly like an id that does not exist —
 * same status, same message but for the id itself. Which ids a credential can read is learnt from
 * the API (any GET that takes that id answers 200); nothing is listed by hand.
 */
import type { oas31 } from 'openapi3-ts';
import { describe, expect, it } from 'vitest';
import { listOperations, type OperationSpec } from '../../mock-server/spec/operations.js';
import type { Credential } from '../../mock-server/domain/model.js';
import { CREDENTIALS, guest, testServer, type TestServer } from '../support/harness.js';
import { fieldsOf } from '../support/fuzz/requests.js';
import { harvest, pick, type IdPools } from '../support/fuzz/world-ids.js';

const DATE = '2026-12-09';
const PER_NAME = 25;

/** The catalog ids a credential acts under (its concierge, group, first venue), for the other ids of a path. */
function ownScope(t: TestServer, credential: Credential): Record<string, string> {
  const scope = credential.scope;
  const venues = [...t.mock.catalog.venues.values()];
  if (scope.kind === 'venue_group')
    return {
      venue_group_id: scope.venueGroupId,
      venue_id: venues.find((v) => v.venueGroupId === scope.venueGroupId)!.id,
    };
  const conciergeId =
    scope.kind === 'concierge'
      ? scope.conciergeId
      : t.mock.catalog.conciergeGroups.get(scope.conciergeGroupId)!.conciergeIds[0]!;
  const concierge = t.mock.catalog.concierges.get(conciergeId)!;
  return {
    concierge_id: conciergeId,
    concierge_group_id: concierge.conciergeGroupId,
    venue_id: concierge.venueIds[0]!,
  };
}

/** Books one reservation and places one hold as a concierge, so concierge-owned ids exist. */
async function conciergeActivity(
  t: TestServer,
  who: { client_id: string; client_secret: string },
  n: number,
) {
  const token = await t.login(who);
  const conciergeId = t.mock.catalog.credentials.get(who.client_id)!.scope as { conciergeId: string };
  const concierge = t.mock.catalog.concierges.get(conciergeId.conciergeId)!;
  const venue = concierge.venueIds[concierge.venueIds.length - 1]!;
  const base = `/concierge/${concierge.id}/venues/${venue}`;
  await t.put(`${base}/book`, token, { date: DATE, time: '19:00', party_size: 2, ...guest(n) });
  const slots = await t.get(
    `${base}/availability/dining?date=${DATE}&party_size=2&start_time=20:00&end_time=20:00`,
    token,
  );
  const slot = slots.body?.data?.availability?.[0]?.timeslots?.[0];
  if (slot)
    await t.put(`${base}/holds`, token, {
      date: DATE,
      time: '20:00',
      party_size: 2,
      shift_persistent_id: slot.shift_persistent_id,
      access_persistent_id: slot.access_persistent_id,
    });
}

/** Names of the ids the API addresses objects by: its path parameters. */
const addressable = (doc: oas31.OpenAPIObject) =>
  new Set(Object.keys(doc.paths ?? {}).flatMap((p) => [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)));

const idFieldsOf = (doc: oas31.OpenAPIObject, op: OperationSpec) => {
  const ids = addressable(doc);
  return fieldsOf(doc, op).filter((f) => f.where === 'path' || ids.has(f.name));
};

describe('tenant isolation sweep', () => {
  it('another tenant’s ids are indistinguishable from missing ones, for every operation and credential', async () => {
    const t = testServer({
      volume: { guests: 12, daysOfHistory: 2, daysAhead: 2 },
      rateLimit: { enabled: false },
    });
    await conciergeActivity(t, CREDENTIALS.ava, 1);
    await conciergeActivity(t, CREDENTIALS.noah, 2);
    const doc = t.mock.spec;
    const known: IdPools = new Map();
    harvest(
      known,
      Object.fromEntries(
        Object.entries(t.mock.catalog).map(([k, m]) => [k, [...(m as Map<string, unknown>).values()]]),
      ),
    );
    harvest(known, JSON.parse(await (await t.control('GET', '/state')).text()));
    for (const h of t.mock.store.holds.values()) harvest(known, { reservation_hold_id: h.id });
    const operations = listOperations(doc).filter((op) => idFieldsOf(doc, op).length > 0);
    const failures: string[] = [];
    let compared = 0;
    // Comparisons whose missing-id answer is not a validation 400, i.e. that reached the id lookup.
    let reachedLookup = 0;

    for (const [name, secret] of Object.entries(CREDENTIALS)) {
      const token = await t.login(secret);
      const own = ownScope(t, t.mock.catalog.credentials.get(secret.client_id)!);
      const send = async (op: OperationSpec, ids: Record<string, string>) => {
        const fields = fieldsOf(doc, op);
        let path = op.path;
        const query = new URLSearchParams();
        const form = new URLSearchParams();
        for (const f of fields) {
          const value = ids[f.name] ?? (f.where === 'path' ? undefined : f.examples[0]);
          if (value === undefined) continue;
          if (f.where === 'path') path = path.replace(`{${f.name}}`, encodeURIComponent(String(value)));
          else if (f.where === 'query' && (f.required || f.name in ids)) query.set(f.name, String(value));
          else if (f.where === 'body' && (f.required || f.name in ids)) form.set(f.name, String(value));
        }
        const res = await t.app.request(`/2_4${path}${query.size ? `?${query}` : ''}`, {
          method: op.method.toUpperCase(),
          headers: {
            authorization: token,
            ...(op.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(op.body ? { body: form.toString() } : {}),
        });
        return { status: res.status, text: await res.text() };
      };

      // Which known ids this credential can read: a GET of that object (the id in its path) answers 200.
      const readable = new Map<string, Set<string>>();
      for (const op of operations.filter((o) => o.method === 'get')) {
        for (const f of idFieldsOf(doc, op).filter((x) => x.where === 'path')) {
          for (const id of pick(known, f.name).slice(0, 200)) {
            const reply = await send(op, { ...own, [f.name]: id });
            if (reply.status === 200) {
              if (!readable.has(f.name)) readable.set(f.name, new Set());
              readable.get(f.name)!.add(id);
            }
          }
        }
      }

      for (const op of operations) {
        for (const f of idFieldsOf(doc, op)) {
          const foreign = pick(known, f.name)
            .filter((id) => !readable.get(f.name)?.has(id) && id !== own[f.name])
            .slice(0, PER_NAME);
          const missing = [...f.examples.map(String), 'ZZZZZZZ'].find(
            (id) => !pick(known, f.name).includes(id),
          )!;
          const normal = (text: string, id: string) =>
            text.replaceAll(id, '<id>').replace(/"request_id":"[^"]*"/, '"request_id":""');
          const base = await send(op, { ...own, [f.name]: missing });
          for (const id of foreign) {
            const reply = await send(op, { ...own, [f.name]: id });
            compared++;
            if (base.status !== 400) reachedLookup++;
            if (reply.status !== base.status || normal(reply.text, id) !== normal(base.text, missing))
              failures.push(
                `${name} ${op.operationId} ${f.name}=${id.slice(0, 24)}…: ${reply.status} ${reply.text.slice(0, 140)} — missing gives ${base.status} ${base.text.slice(0, 140)}`,
              );
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(reachedLookup).toBeGreaterThan(compared / 2);
    expect(failures.slice(0, 12)).toEqual([]);
  }, 180_000);
});
