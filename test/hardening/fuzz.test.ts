/**
 * Property-based fuzzing generated from openapi/sevenrooms.yaml and openapi/mock-control.yaml:
 * every operation, every parameter and field, valid values and values the spec refuses, under every
 * kind of credential. Properties, for every answer:
 *   1. never a 5xx (no fault rule is configured);
 *   2. the answer is valid against the spec (the project's contract validator);
 *   3. a request the spec refuses gets 400; a request it accepts never gets a 400 that quotes a
 *      schema rule (domain refusals — a date not on the calendar, a range too long — stay allowed);
 *   4. nothing done under one tenant changes what another tenant reads.
 * `npm test` runs a bounded pass with a fixed seed; `npm run fuzz` a long one (FUZZ_RUNS, FUZZ_SEED).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContractValidator } from '../../contracts/validate/index.js';
import { CONTROL_SPEC_PATH, loadSpec } from '../../mock-server/spec/load-spec.js';
import { listOperations } from '../../mock-server/spec/operations.js';
import { CREDENTIALS, testServer, type TestServer } from '../support/harness.js';
import { requestArbitrary, type FuzzRequest } from '../support/fuzz/requests.js';
import { harvest, type IdPools } from '../support/fuzz/world-ids.js';
import { observerReads, readAll } from '../support/fuzz/tenant-reads.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
/** Generous: a long `npm run fuzz` pass gets the time it needs. */
const TIMEOUT = Math.max(240_000, RUNS * 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const VOLUME = { guests: 20, daysOfHistory: 3, daysAhead: 3 };
/** Phrases of a schema violation as the request validator words them (see describe() there). */
const SCHEMA_PHRASE =
  /must (match pattern|match format|be (integer|number|boolean|string|equal to one of|<=|>=|<|>)|NOT have (more|fewer))|Unknown field|Missing required field|must not be empty|must be a finite number/;

interface Sent {
  status: number;
  text: string;
  headers: Headers;
  stream: boolean;
}

async function send(t: TestServer, req: FuzzRequest, token: string | undefined): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = token;
  if (req.contentType) headers['content-type'] = req.contentType;
  const res = await t.app.request(req.url, { method: req.method, headers, body: req.body });
  // An event stream never ends: its status and headers are the answer; the stream is closed.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '', headers: res.headers, stream: true };
  }
  return { status: res.status, text: await res.text(), headers: res.headers, stream: false };
}

function checkAnswer(
  validator: ReturnType<typeof createContractValidator>,
  req: FuzzRequest,
  answer: Sent,
  authenticated: boolean,
): string | null {
  const label = `${req.method} ${req.url.slice(0, 160)}${req.spoiled ? ` [spoiled ${req.spoiled}]` : ''}`;
  if (answer.status >= 500) return `${label}: ${answer.status} ${answer.text.slice(0, 200)}`;
  if (answer.stream)
    return answer.status === 200 || !req.spoiled ? null : `${label}: refused input, a stream opened`;
  const verdict = validator.validateResponse({
    method: req.method,
    url: req.url,
    status: answer.status,
    responseHeaders: Object.fromEntries(answer.headers),
    responseBody: answer.text,
  });
  if (!verdict.valid)
    return `${label}: answer not valid against the spec: ${verdict.violations
      .map((v) => v.message)
      .join('; ')
      .slice(0, 300)}`;
  if (req.spoiled && authenticated && answer.status !== 400)
    return `${label}: the spec refuses this request, the mock answered ${answer.status} ${answer.text.slice(0, 160)}`;
  if (!req.spoiled && answer.status === 400 && SCHEMA_PHRASE.test(answer.text))
    return `${label}: the spec accepts this request, the mock refused it by a schema rule: ${answer.text.slice(0, 200)}`;
  return null;
}

describe(`fuzzing both specs (${RUNS} requests per pass, seed ${SEED})`, () => {
  it(
    'the API: no 5xx, spec-valid answers, 400 exactly for what the spec refuses, tenants untouched by each other',
    async () => {
      const t = testServer({ volume: VOLUME, rateLimit: { enabled: false } });
      const doc = t.mock.spec;
      const validator = createContractValidator(doc);
      const pools: IdPools = new Map();
      harvest(
        pools,
        Object.fromEntries(
          Object.entries(t.mock.catalog).map(([k, m]) => [k, [...(m as Map<string, unknown>).values()]]),
        ),
      );
      harvest(pools, JSON.parse(await (await t.control('GET', '/state')).text()));
      const tokens: Record<string, string | undefined> = {
        venue_group: await t.login(CREDENTIALS.harbor),
        concierge: await t.login(CREDENTIALS.ava),
        concierge_group: await t.login(CREDENTIALS.luxeGroup),
        none: undefined,
        unknown: 'f'.repeat(128),
      };
      // Tenant isolation: harbor acts; thames and noah (whose venues are all thames's) only watch.
      const watchers = [await t.login(CREDENTIALS.thames), await t.login(CREDENTIALS.noah)];
      const reads = await observerReads(t, doc, watchers, pools);
      const before = await readAll(t, reads);

      const operations = listOperations(doc);
      const arbitrary = fc.tuple(
        fc.nat({ max: operations.length - 1 }),
        // Mostly real credentials, so requests reach the handlers; sometimes none or an unknown token.
        fc.constantFrom(
          'venue_group',
          'venue_group',
          'venue_group',
          'concierge',
          'concierge',
          'concierge_group',
          'none',
          'unknown',
        ),
        fc.constantFrom('/2_4', '/2_2', '/api-ext/2_4'),
        fc.nat(),
      );
      const failures: string[] = [];
      const covered = new Set<string>();
      const statuses = new Map<number, number>();
      const plan = fc.sample(arbitrary, { numRuns: RUNS, seed: SEED }).map(
        // Round-robin over the operations (every one is covered), the rest drawn by fast-check.
        ([, kind, prefix, seed], i) => [operations[i % operations.length]!, kind, prefix, seed] as const,
      );
      for (const [op, kind, prefix, seed] of plan) {
        const [req] = fc.sample(requestArbitrary(doc, op, pools, prefix), { numRuns: 1, seed });
        // Isolation needs a clean actor: everything is sent as harbor except concierge kinds, whose
        // bookings legitimately land in other venue groups — those are fuzzed after the comparison.
        if (kind.startsWith('concierge')) continue;
        const answer = await send(t, req!, tokens[kind]);
        covered.add(op.operationId);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        try {
          harvest(pools, JSON.parse(answer.text));
        } catch {
          // not JSON: nothing to learn
        }
        const failure = checkAnswer(
          validator,
          req!,
          answer,
          (tokens[kind] !== undefined && kind !== 'unknown') || !op.requiresAuth,
        );
        if (failure) failures.push(failure);
      }
      const after = await readAll(t, reads);
      const changed = reads
        .filter((_, i) => before[i] !== after[i])
        .map((r) => `tenant read changed: GET ${r.url}`);

      for (const [op, kind, prefix, seed] of plan) {
        if (!kind.startsWith('concierge')) continue;
        const [req] = fc.sample(requestArbitrary(doc, op, pools, prefix), { numRuns: 1, seed });
        const answer = await send(t, req!, tokens[kind]);
        covered.add(op.operationId);
        const failure = checkAnswer(validator, req!, answer, true);
        if (failure) failures.push(failure);
      }
      if (process.env.FUZZ_VERBOSE)
        console.log({ reads: reads.length, statuses: Object.fromEntries(statuses) });
      // Not vacuous: most operations answered 200 somewhere, and refusals were seen.
      expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 200);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(RUNS / 20);
      expect(reads.length, reads.map((r) => r.url).join('\n')).toBeGreaterThan(10);
      expect(failures.slice(0, 15)).toEqual([]);
      expect(changed).toEqual([]);
      expect([...operations.map((o) => o.operationId)].filter((id) => !covered.has(id))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'the control API: no 5xx, spec-valid answers, 400 exactly for what the spec refuses',
    async () => {
      const t = testServer({ volume: VOLUME, rateLimit: { enabled: false } });
      const { doc } = loadSpec(CONTROL_SPEC_PATH);
      const validator = createContractValidator(doc);
      const pools: IdPools = new Map();
      harvest(
        pools,
        Object.fromEntries(
          Object.entries(t.mock.catalog).map(([k, m]) => [k, [...(m as Map<string, unknown>).values()]]),
        ),
      );
      harvest(pools, JSON.parse(await (await t.control('GET', '/state')).text()));
      const operations = listOperations(doc);
      const failures: string[] = [];
      const covered = new Set<string>();
      const seeds = fc.sample(fc.nat(), { numRuns: Math.ceil(RUNS / 3), seed: SEED });
      for (const [i, seed] of seeds.entries()) {
        const op = operations[i % operations.length]!;
        const [req] = fc.sample(requestArbitrary(doc, op, pools, '/_mock'), { numRuns: 1, seed });
        const answer = await send(t, req!, undefined);
        covered.add(op.operationId);
        try {
          harvest(pools, JSON.parse(answer.text));
        } catch {
          // not JSON
        }
        const failure = checkAnswer(validator, req!, answer, true);
        if (failure) failures.push(failure);
      }
      await t.mock.close();
      expect(failures.slice(0, 15)).toEqual([]);
      expect(operations.map((o) => o.operationId).filter((id) => !covered.has(id))).toEqual([]);
    },
    TIMEOUT,
  );
});
