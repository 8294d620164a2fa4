/**
 * Quality gates over the real description, openapi/sevenrooms.yaml:
 * the 0001 operation table, per-operation completeness, every example against its schema (with the
 * project's own Ajv compiler), the marking of mock conventions, and a clean Redocly lint.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { oas31 } from 'openapi3-ts';
import { loadSpec, resolveRef } from '../mock-server/spec/load-spec.js';
import { createSchemaCompiler } from '../mock-server/spec/schema-compiler.js';
import {
  checkExample,
  collectExampleCases,
  escapePointer,
  operationsOf,
  redoclyProblems,
} from './support/spec-gates.js';

const DECISION_0001 = fileURLToPath(new URL('../docs/decisions/0001-wire-conventions.md', import.meta.url));

const { doc } = loadSpec();
const compiler = createSchemaCompiler(doc);

const operations = operationsOf(doc, doc.paths, '/paths');
const webhookOperations = operationsOf(doc, doc.webhooks, '/webhooks');
const byId = new Map(operations.map((entry) => [entry.operation.operationId, entry]));

/** The operation table of docs/decisions/0001-wire-conventions.md: operationId, method, path. */
function readDecisionTable(): { operationId: string; method: string; path: string }[] {
  const rows: { operationId: string; method: string; path: string }[] = [];
  const row = /^\|\s*`(\w+)`\s*\|\s*(GET|PUT|POST|DELETE|PATCH)\s+`([^`]+)`/;
  for (const line of readFileSync(DECISION_0001, 'utf8').split('\n')) {
    const match = row.exec(line);
    if (match) rows.push({ operationId: match[1]!, method: match[2]!.toLowerCase(), path: match[3]! });
  }
  return rows;
}

const TABLE = readDecisionTable();

/** Writes that can conflict with current state (a slot taken or held) and so document 409. */
const CONFLICTING_WRITES = new Set([
  'bookVenueReservation',
  'bookConciergeReservation',
  'createConciergeHold',
  'requestConciergeReservation',
  'addConciergeCharge',
  'updateConciergeReservationRequest',
  'updateReservation',
]);
/** The two multi-venue availability operations answer 204 with no body when nothing is open. */
const NO_CONTENT_OPERATIONS = new Set([
  'getConciergeMultiVenueDiningAvailability',
  'getConciergeDiningAvailability',
]);
/** Statuses every operation documents: validation, auth, scope, lookup, rate limit, injected faults. */
const ERROR_STATUSES = ['400', '401', '403', '404', '408', '429', '500', '502', '503', '504'];
/** `/auth` has no token to check and no resource to look up, so no 403 or 404. */
const AUTH_ERROR_STATUSES = ['400', '401', '408', '429', '500', '502', '503', '504'];

describe('0001 operation table', () => {
  it('is read from the decision record (at least the 31 operations of the first release)', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(31);
  });

  it.each(TABLE)('$operationId is $method $path', ({ operationId, method, path }) => {
    const entry = byId.get(operationId);
    expect(entry, `operation ${operationId} is missing`).toBeDefined();
    expect({ method: entry?.method, path: entry?.path }).toEqual({ method, path });
  });

  it('describes no operation outside the table, and no operationId twice', () => {
    const ids = operations.map((entry) => entry.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !TABLE.some((row) => row.operationId === id))).toEqual([]);
  });
});

describe('every operation', () => {
  it.each(operations.map((entry) => [entry.operation.operationId ?? entry.pointer, entry] as const))(
    '%s is complete',
    (_id, { operation }) => {
      const id = operation.operationId;
      expect(id, 'operationId').toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.summary?.trim(), 'summary').toBeTruthy();
      expect(operation.description?.trim(), 'description').toBeTruthy();
      expect(operation.tags, 'exactly one tag').toHaveLength(1);

      const security = operation.security ?? doc.security ?? [];
      if (id === 'authenticate') expect(security, 'authenticate needs no token').toEqual([]);
      else expect(security, 'security requirement').toContainEqual({ AuthToken: [] });

      const responses = operation.responses as Record<string, oas31.ResponseObject | oas31.ReferenceObject>;
      const statuses = Object.keys(responses);
      expect(
        statuses.some((status) => /^2\d\d$/.test(status)),
        'a 2xx response',
      ).toBe(true);

      const expected = [...(id === 'authenticate' ? AUTH_ERROR_STATUSES : ERROR_STATUSES)];
      if (CONFLICTING_WRITES.has(id ?? '')) expected.push('409');
      for (const status of expected) {
        const response = responses[status];
        expect(response, `response ${status}`).toBeDefined();
        expect((response as oas31.ReferenceObject).$ref, `response ${status} is a shared component`).toMatch(
          /^#\/components\/responses\//,
        );
        const resolved = resolveRef<oas31.ResponseObject>(doc, response!);
        expect(resolved.content?.['application/json']?.schema, `response ${status} schema`).toEqual({
          $ref: '#/components/schemas/ErrorEnvelope',
        });
      }
      if (!CONFLICTING_WRITES.has(id ?? ''))
        expect(statuses, 'no 409 on a non-conflicting operation').not.toContain('409');
      if (NO_CONTENT_OPERATIONS.has(id ?? '')) {
        const noContent = resolveRef<oas31.ResponseObject>(doc, responses['204']!);
        expect(noContent.content, '204 has no body').toBeUndefined();
      }
    },
  );

  it('has a success example, and a request example for each form body', () => {
    const missing: string[] = [];
    for (const { operation, pointer } of operations) {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      for (const [status, raw] of success) {
        const response = resolveRef<oas31.ResponseObject>(doc, raw as oas31.ResponseObject);
        const media = response.content?.['application/json'];
        if (status !== '204' && !media?.example && Object.keys(media?.examples ?? {}).length === 0) {
          missing.push(`${pointer}/responses/${status}`);
        }
      }
      if (operation.requestBody) {
        const body = resolveRef<oas31.RequestBodyObject>(doc, operation.requestBody);
        const form = body.content['application/x-www-form-urlencoded'];
        if (!form || (!form.example && Object.keys(form.examples ?? {}).length === 0)) {
          missing.push(`${pointer}/requestBody`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

/** Where an example sits, what it says, and the schema it must satisfy. */
describe('examples', () => {
  const cases = collectExampleCases(doc, [...operations, ...webhookOperations]);

  it('are found everywhere they are written (the walk is not vacuous)', () => {
    const at = (fragment: string) => cases.filter((c) => c.pointer.includes(fragment)).length;
    expect(at('/responses/200/content/')).toBeGreaterThanOrEqual(31);
    expect(at('/requestBody/content/')).toBeGreaterThanOrEqual(6);
    expect(at('/parameters/')).toBeGreaterThanOrEqual(50);
    expect(at('/responses/4')).toBeGreaterThanOrEqual(31);
    expect(at('/components/schemas/')).toBeGreaterThanOrEqual(5);
    expect(at('/headers/')).toBeGreaterThanOrEqual(31);
  });

  it('every example validates against its schema', () => {
    expect(cases.flatMap((c) => checkExample(compiler, c))).toEqual([]);
  });

  it('a broken example fails with its pointer and a message', () => {
    const original = cases.find(
      (c) =>
        c.pointer ===
        '/paths/~1reservations~1{reservation_id}/get/responses/200/content/application~1json/examples/reservation/value',
    );
    expect(original).toBeDefined();
    const value = structuredClone(original!.value) as { data: Record<string, unknown> };
    value.data.max_guests = 'two';
    delete value.data.reference_code;
    const failures = checkExample(compiler, { ...original!, value });
    expect(failures).toEqual(
      expect.arrayContaining([
        `${original!.pointer}/data/max_guests: must be integer,null`,
        `${original!.pointer}/data/reference_code: is required`,
      ]),
    );
  });
});

describe('mock conventions', () => {
  /** Every node carrying `x-mock-convention`, with its pointer. */
  function conventionNodes(
    node: unknown,
    pointer: string,
    into: { pointer: string; node: Record<string, unknown> }[],
  ) {
    if (Array.isArray(node))
      return node.forEach((item, index) => conventionNodes(item, `${pointer}/${index}`, into));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if ('x-mock-convention' in record) into.push({ pointer, node: record });
    for (const [key, value] of Object.entries(record))
      conventionNodes(value, `${pointer}/${escapePointer(key)}`, into);
  }
  const marked: { pointer: string; node: Record<string, unknown> }[] = [];
  conventionNodes(doc, '', marked);

  it('every marked node is `x-mock-convention: true` with a "Mock convention:" sentence', () => {
    const bad = marked
      .filter(
        ({ node }) =>
          node['x-mock-convention'] !== true || !/Mock convention:/.test(String(node.description)),
      )
      .map(({ pointer }) => pointer);
    expect(marked.length).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });

  it.each([
    'getReservation',
    'cancelReservation',
    'getVenueAvailability',
    'searchConciergeGroupReservations',
  ])('operation %s (a path or shape that is not public) is marked', (operationId) => {
    expect(byId.get(operationId)?.operation['x-mock-convention']).toBe(true);
  });

  it.each(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'])(
    'response header %s is marked',
    (name) => {
      const header = doc.components?.headers?.[name] as oas31.HeaderObject | undefined;
      expect(header?.['x-mock-convention']).toBe(true);
      expect(header?.description).toMatch(/Mock convention:/);
    },
  );

  it.each([
    'X-SevenRooms-Mock-Signature',
    'X-SevenRooms-Mock-Event-Id',
    'X-SevenRooms-Mock-Delivery-Attempt',
  ])('webhook signing header %s is marked', (name) => {
    const [webhook] = webhookOperations;
    const parameter = (webhook?.operation.parameters ?? [])
      .map((raw) => resolveRef<oas31.ParameterObject>(doc, raw))
      .find((candidate) => candidate.name === name && candidate.in === 'header');
    expect(parameter?.['x-mock-convention']).toBe(true);
    expect(parameter?.required).toBe(true);
  });

  it('limit clamping, cursor rejection and the client export filter are marked', () => {
    const parameters = doc.components?.parameters ?? {};
    for (const name of ['Limit30', 'Limit50', 'Limit100', 'Cursor', 'ClientsUpdatedSince']) {
      expect((parameters[name] as oas31.ParameterObject)['x-mock-convention'], name).toBe(true);
    }
  });

  it('limit has a minimum and no maximum (values over 400 are clamped, not rejected)', () => {
    for (const name of ['Limit30', 'Limit50', 'Limit100']) {
      const schema = (doc.components?.parameters?.[name] as oas31.ParameterObject)
        .schema as oas31.SchemaObject;
      expect(schema).toMatchObject({ type: 'integer', minimum: 1 });
      expect(schema.maximum, name).toBeUndefined();
    }
  });
});

describe('response objects stay open', () => {
  it('no response schema sets additionalProperties: false (the real API sends more fields)', () => {
    const closed: string[] = [];
    const visit = (node: unknown, pointer: string): void => {
      if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'additionalProperties' || key === 'unevaluatedProperties') && value === false)
          closed.push(pointer);
        visit(value, `${pointer}/${escapePointer(key)}`);
      }
    };
    const forms = new Set([
      'AuthForm',
      'BookReservationForm',
      'CreateHoldForm',
      'ReleaseHoldForm',
      'ReservationRequestForm',
    ]);
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      if (!forms.has(name)) visit(schema, `/components/schemas/${name}`);
    }
    expect(closed).toEqual([]);
  });
});

describe('redocly lint', () => {
  it('reports zero errors and zero warnings with openapi/redocly.yaml', async () => {
    expect(await redoclyProblems('openapi/redocly.yaml', 'openapi/sevenrooms.yaml')).toEqual([]);
  }, 60_000);
});
