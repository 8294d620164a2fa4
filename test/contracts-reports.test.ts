import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../contracts/report/console.js';
import { computeCoverage } from '../contracts/report/coverage.js';
import { renderJson } from '../contracts/report/json.js';
import { renderJunit } from '../contracts/report/junit.js';
import type { StepResult, SuiteResult } from '../contracts/suite/types.js';
import { createTestSpec } from '../contracts/testing/test-spec.js';
import { createContractValidator } from '../contracts/validate/index.js';

const validator = createContractValidator(createTestSpec());

function step(overrides: Partial<StepResult>): StepResult {
  return {
    scenario: 'venues',
    name: 'get venue',
    operationId: 'getVenue',
    method: 'GET',
    path: '/venues/v1',
    status: 'passed',
    httpStatus: 200,
    violations: [],
    problems: [],
    durationMs: 3,
    ...overrides,
  };
}

const steps: StepResult[] = [
  step({}),
  step({
    name: 'list venues <page 1> & "more"',
    operationId: 'listVenues',
    path: '/venues',
    status: 'failed',
    violations: [
      {
        operationId: 'listVenues',
        in: 'response.body',
        pointer: '/data/results/0/id',
        message: 'must be string',
      },
    ],
    problems: ['expected status 200, got 500 ("<b>boom</b> & \u0007bell")'],
    httpStatus: 500,
  }),
  step({
    scenario: 'errors',
    name: 'rate limit',
    status: 'skipped',
    reason: 'only run against a mock target',
    httpStatus: undefined,
  }),
  step({ scenario: 'errors', name: 'unknown token → 401', httpStatus: 404 }),
];
const result: SuiteResult = {
  target: { name: 'fake <target>', kind: 'mock' },
  startedAt: '2026-12-07T17:00:00.000Z',
  durationMs: 12,
  steps,
  passed: false,
};

describe('JUnit output', () => {
  const xml = renderJunit(result);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(xml) as {
    testsuites: {
      tests: string;
      failures: string;
      skipped: string;
      testsuite: Array<{
        name: string;
        tests: string;
        failures: string;
        skipped: string;
        testcase: Array<{
          name: string;
          failure?: { message: string; '#text': string };
          skipped?: { message: string };
        }>;
      }>;
    };
  };

  it('parses as XML with one testcase per step and the right counts', () => {
    expect(parsed.testsuites).toMatchObject({ tests: '4', failures: '1', skipped: '1' });
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.skipped])).toEqual([
      ['venues', '2', '1', '0'],
      ['errors', '2', '0', '1'],
    ]);
    expect(suites.flatMap((s) => s.testcase).length).toBe(steps.length);
  });

  it('carries the diagnostic of a failure, escaped and intact after parsing', () => {
    const failed = parsed.testsuites.testsuite[0]?.testcase[1];
    expect(failed?.name).toBe('list venues <page 1> & "more" [listVenues]');
    expect(failed?.failure?.message).toBe('expected status 200, got 500 ("<b>boom</b> & \uFFFDbell")');
    expect(failed?.failure?.['#text']).toContain(
      '[listVenues] response.body /data/results/0/id: must be string',
    );
  });

  it('gives a skipped step its reason', () => {
    expect(parsed.testsuites.testsuite[1]?.testcase[0]?.skipped?.message).toBe(
      'only run against a mock target',
    );
  });
});

describe('coverage', () => {
  it('counts operations and documented statuses exercised against the spec totals', () => {
    const coverage = computeCoverage(validator.operations, steps);
    expect(coverage.operations).toEqual({
      total: 8,
      exercised: 2,
      percent: 25,
      missing: [
        'authenticate',
        'bookVenueReservation',
        'getClient',
        'exportClients',
        'getConciergeDiningAvailability',
        'cancelReservation',
      ],
    });
    // getVenue: 200 and 404 of its 2; listVenues: 500 is not documented, so nothing.
    const getVenue = coverage.byOperation.find((op) => op.operationId === 'getVenue');
    expect(getVenue?.exercised).toEqual(['200', '404']);
    expect(coverage.statuses.exercised).toBe(2);
    expect(coverage.statuses.total).toBe(16);
  });
});

describe('console and JSON output', () => {
  const coverage = computeCoverage(validator.operations, steps);

  it('shows failures with their diagnostics, skips with reasons, counts and coverage', () => {
    const text = renderConsole(result, coverage);
    expect(text).toContain('FAIL venues › list venues <page 1> & "more"  GET /venues → 500');
    expect(text).toContain('       [listVenues] response.body /data/results/0/id: must be string');
    expect(text).toContain('skip errors › rate limit');
    expect(text).toContain('Steps: 2 passed, 1 failed, 1 skipped (4)');
    expect(text).toContain('Operations exercised: 2/8 (25%)');
    expect(text).not.toContain('get venue  GET');
  });

  it('is valid JSON with the verdict, counts and coverage', () => {
    const json = JSON.parse(renderJson(result, coverage)) as {
      passed: boolean;
      counts: unknown;
      coverage: { operations: { exercised: number } };
    };
    expect(json.passed).toBe(false);
    expect(json.counts).toEqual({ total: 4, passed: 2, failed: 1, skipped: 1 });
    expect(json.coverage.operations.exercised).toBe(2);
  });
});
