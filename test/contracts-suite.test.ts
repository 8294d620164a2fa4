import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuiteViaPrism } from '../contracts/prism/run-via-prism.js';
import { computeCoverage } from '../contracts/report/coverage.js';
import { stepDiagnostics } from '../contracts/report/diagnostic.js';
import { credentialsFromCatalog } from '../contracts/suite/mock-credentials.js';
import { runContractSuite } from '../contracts/suite/run-suite.js';
import { createInProcessTarget } from '../contracts/suite/targets/in-process.js';
import { createUrlTarget } from '../contracts/suite/targets/url.js';
import type { StepResult, SuiteResult, Target } from '../contracts/suite/types.js';
import { createContractValidator } from '../contracts/validate/index.js';
import { createMockServer } from '../mock-server/server.js';
import { DEFAULT_SPEC_PATH, loadSpec } from '../mock-server/spec/load-spec.js';

const validator = createContractValidator(loadSpec().doc);

/** Every failed step with its diagnostics, so a failing assertion says what went wrong. */
const failures = (result: SuiteResult) =>
  result.steps
    .filter((s) => s.status === 'failed')
    .map((s) => `${s.scenario} › ${s.name}: ${stepDiagnostics(s).join('; ')}`);

function freshMock() {
  const server = createMockServer();
  return { server, credentials: credentialsFromCatalog(server.catalog) };
}

describe('contract suite against the mock', () => {
  it('in-process: every exchange conforms and every operation is exercised', async () => {
    const { server, credentials } = freshMock();
    const result = await runContractSuite({
      target: createInProcessTarget(server.app),
      validator,
      credentials,
    });
    expect(failures(result)).toEqual([]);
    expect(result.steps.filter((s) => s.status === 'skipped')).toEqual([]);
    const coverage = computeCoverage(validator.operations, result.steps);
    expect(coverage.operations.missing).toEqual([]);
    expect(coverage.operations.percent).toBe(100);
    // Every documented error status of every operation was answered and validated at least once.
    const unexercisedErrors = coverage.byOperation.flatMap((op) =>
      op.documented
        .filter((key) => /^[45]/.test(key) && !op.exercised.includes(key))
        .map((key) => `${op.operationId} ${key}`),
    );
    expect(unexercisedErrors).toEqual([]);
  }, 60_000);

  describe('over a real listening port', () => {
    let listening: ServerType | undefined;
    let port = 0;
    const { server, credentials } = freshMock();
    beforeAll(async () => {
      await new Promise<void>((resolve) => {
        listening = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
          port = info.port;
          resolve();
        });
      });
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => (listening ? listening.close(() => resolve()) : resolve()));
    });

    it('conforms over HTTP too, under another version prefix', async () => {
      const target = createUrlTarget(`http://127.0.0.1:${port}/api-ext/2_2`);
      const result = await runContractSuite({ target, validator, credentials });
      expect(failures(result)).toEqual([]);
      expect(result.steps[0]?.exchange?.url).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:${port}/api-ext/2_2/auth$`),
      );
      expect(computeCoverage(validator.operations, result.steps).operations.exercised).toBe(
        validator.operations.length,
      );
      // A full suite run over a socket: hundreds of validated exchanges, slow on a loaded 2-core machine.
    }, 60_000);
  });

  it('treats a real target as read-only: write steps are skipped and reported, never sent', async () => {
    const { server, credentials } = freshMock();
    const inner = createInProcessTarget(server.app);
    const sent: string[] = [];
    const realLike: Target = {
      name: 'pretend-real',
      kind: 'real',
      fetch: (method, path, request) => {
        sent.push(`${method} ${path}`);
        return inner.fetch(method, path, request);
      },
    };
    const result = await runContractSuite({ target: realLike, validator, credentials });
    expect(failures(result)).toEqual([]);
    expect(sent.filter((s) => !s.startsWith('GET ') && s !== 'POST /auth')).toEqual([]);
    const skipped = result.steps.filter((s) => s.status === 'skipped');
    expect(skipped.map((s) => s.name)).toContain('book a reservation');
    expect(skipped.find((s) => s.name === 'book a reservation')?.reason).toBe(
      'writes are disabled against a real target (use --allow-writes)',
    );
    expect(skipped.map((s) => s.name)).toContain('over the rate limit → 429 (Prefer: code=429)');
  });
});

describe('contract suite against a mock that breaks the contract', () => {
  /** Wraps the mock so one operation's answers are bent out of contract. */
  function bent(
    mutate: (path: string, method: string, response: Awaited<ReturnType<Target['fetch']>>) => void,
  ): Target {
    const inner = createInProcessTarget(createMockServer().app);
    return {
      name: 'bent mock',
      kind: 'mock',
      async fetch(method, path, request) {
        const response = await inner.fetch(method, path, request);
        mutate(path, method, response);
        return response;
      },
    };
  }
  const credentials = freshMock().credentials;
  const failedOf = (result: SuiteResult, operationId: string): StepResult[] =>
    result.steps.filter((s) => s.status === 'failed' && s.operationId === operationId);

  it('catches a dropped required field, naming the operation and pointer', async () => {
    const target = bent((path, method, response) => {
      if (method === 'GET' && /^\/venues\/[^/]+$/.test(path) && response.status === 200) {
        const body = JSON.parse(response.bodyText) as { data: Record<string, unknown> };
        delete body.data.name;
        response.bodyText = JSON.stringify(body);
      }
    });
    const result = await runContractSuite({ target, validator, credentials, scenarios: ['auth', 'venues'] });
    expect(result.passed).toBe(false);
    expect(failedOf(result, 'getVenue').flatMap(stepDiagnostics)).toEqual([
      '[getVenue] response.body /data/name: is required',
    ]);
  });

  it('catches a value of the wrong type on a later page of a list', async () => {
    const target = bent((path, method, response) => {
      if (path === '/venues' && response.status === 200) {
        const body = JSON.parse(response.bodyText) as { data: { limit: unknown } };
        body.data.limit = String(body.data.limit);
        response.bodyText = JSON.stringify(body);
      }
    });
    const result = await runContractSuite({ target, validator, credentials, scenarios: ['auth', 'venues'] });
    const diagnostics = failedOf(result, 'listVenues').flatMap(stepDiagnostics);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(new Set(diagnostics)).toEqual(
      new Set(['[listVenues] response.body /data/limit: must be integer']),
    );
  });

  it('catches an undocumented status', async () => {
    const target = bent((path, _method, response) => {
      if (path === '/clients/export') response.status = 418;
    });
    const result = await runContractSuite({
      target,
      validator,
      credentials,
      scenarios: ['auth', 'venues', 'clients'],
    });
    const [first] = failedOf(result, 'exportClients');
    expect(stepDiagnostics(first!)).toEqual([
      'expected status 200, got 418',
      expect.stringMatching(
        /^\[exportClients\] response\.status: status 418 is not documented \(documented: 200, 400, 401/,
      ),
    ]);
  });
});

describe('contract suite through Prism', () => {
  it('runs through `prism proxy --errors` and agrees with Prism on every exchange', async () => {
    const { server, credentials } = freshMock();
    const { result, disagreements } = await runSuiteViaPrism({
      target: createInProcessTarget(server.app),
      validator,
      credentials,
      specPath: DEFAULT_SPEC_PATH,
    });
    expect(disagreements).toEqual([]);
    expect(failures(result)).toEqual([]);
    // Prism answers deliberately invalid requests itself (422) instead of forwarding them.
    const intercepted = result.steps.filter((s) => s.status === 'skipped');
    expect(intercepted.map((s) => s.httpStatus)).toEqual(intercepted.map(() => 422));
    expect(intercepted.map((s) => s.name)).toContain('book without party_size → 400 naming party_size');
    expect(computeCoverage(validator.operations, result.steps).operations.percent).toBe(100);
  }, 120_000);
});
