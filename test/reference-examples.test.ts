import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContractValidator } from '../contracts/validate/index.js';
import { loadSpec, PACKAGE_ROOT } from '../mock-server/spec/load-spec.js';

/**
 * SevenRooms' own exported Concierge API 2.4 reference sits beside the repository (CI lays
 * `../shared/reference/` next to the clone). Every example response it gives, for every operation the
 * mock's spec also has (matched by method and path template, whatever the parameter names), must
 * validate against the mock's spec — except the few listed below, each with its reason. Operations
 * added to the spec later join automatically.
 */
const REFERENCE_PATH = join(PACKAGE_ROOT, '..', 'shared', 'reference', 'concierge-api-2.4.json');

/** `METHOD template` (parameters written `{}`) → why the reference's example is not accepted. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  'GET /concierge/{}/venues/{}/availability/range':
    'the example keys `dates` by the placeholder "dates_key" instead of a YYYY-MM-DD date; the mock keys ' +
    'by real dates, as the operation describes, and its schema says so',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const template = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

interface ReferenceExample {
  key: string;
  method: string;
  status: number;
  body: unknown;
}

function referenceExamples(doc: {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}): ReferenceExample[] {
  const out: ReferenceExample[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
        const content = (response as { content?: Record<string, { example?: unknown }> }).content;
        const example = content?.['application/json']?.example;
        if (example === undefined) continue;
        out.push({
          key: `${method.toUpperCase()} ${template(path)}`,
          method,
          status: Number(status),
          body: example,
        });
      }
    }
  }
  return out;
}

const available = existsSync(REFERENCE_PATH);
if (!available && process.env.CI) throw new Error(`CI must provide the reference at ${REFERENCE_PATH}`);

describe.skipIf(!available)("the reference's own example responses", () => {
  const spec = loadSpec().doc;
  const validator = createContractValidator(spec);
  /** The mock's operations by `METHOD template`, with a concrete URL that routes to each. */
  const mockOperations = new Map<string, { operationId: string; url: string }>();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, { operationId?: string } | undefined>)[method];
      if (!op?.operationId) continue;
      mockOperations.set(`${method.toUpperCase()} ${template(path)}`, {
        operationId: op.operationId,
        url: `/2_4${path.replace(/\{[^}]+\}/g, 'ahFzfnNldmVucm9vbXMtbW9ja3IcCxIPbmlnaHRsb29w')}`,
      });
    }
  }
  const examples = available
    ? referenceExamples(
        JSON.parse(readFileSync(REFERENCE_PATH, 'utf8')) as Parameters<typeof referenceExamples>[0],
      )
    : [];
  const shared = examples.filter((e) => mockOperations.has(e.key));

  it('covers every operation the reference and the mock share (at least the 17 of the first comparison)', () => {
    expect(shared.length).toBeGreaterThanOrEqual(17);
  });

  it('validates every shared example, apart from the listed exceptions', () => {
    const failures: string[] = [];
    const excused: string[] = [];
    for (const example of shared) {
      const target = mockOperations.get(example.key)!;
      const result = validator.validateResponse({
        method: example.method,
        url: target.url,
        status: example.status,
        responseHeaders: { 'content-type': 'application/json' },
        responseBody: example.body,
      });
      expect(result.operationId, example.key).toBe(target.operationId);
      const problems = result.violations.map((v) => `${v.pointer || '/'} ${v.message}`);
      if (problems.length === 0) continue;
      if (EXCEPTIONS[example.key]) excused.push(example.key);
      else failures.push(`${example.key} ${example.status}: ${problems.slice(0, 5).join('; ')}`);
    }
    expect(failures).toEqual([]);
    // An exception whose example now validates (or whose operation left the spec) is stale.
    expect(excused.sort()).toEqual(Object.keys(EXCEPTIONS).sort());
  });
});
