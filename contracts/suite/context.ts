import type { ContractValidator } from '../validate/contract-validator.js';
import type { Exchange } from '../validate/types.js';
import type { SuiteState } from './state.js';
import type { ParamRecord, StepResult, SuiteCredentials, Target } from './types.js';

/** Which token a step sends in `Authorization`. */
export type StepAuth = 'venueGroup' | 'concierge' | 'conciergeGroup' | 'none' | { raw: string };

/** One request of a scenario, with what the suite expects back. */
export interface StepSpec {
  name: string;
  method: string;
  /** The spec path with parameters filled in, e.g. `/venues/ahN...`. */
  path: string;
  query?: ParamRecord;
  form?: ParamRecord;
  headers?: Record<string, string>;
  /** Default `venueGroup`. */
  auth?: StepAuth;
  /** Acceptable statuses; default 200. */
  expect?: number | number[];
  /** Text the error envelope's `msg` must contain. */
  expectMsg?: string;
  /** Changes state: skipped against a real target unless writes are allowed. */
  write?: boolean;
  /** Only meaningful against the mock (e.g. `Prefer: code=429`). */
  mockOnly?: boolean;
  /** Sends a request that breaks the contract on purpose; request violations are then expected. */
  invalidRequest?: boolean;
}

/** What a scenario gets back from a step. */
export interface StepOutcome {
  /** False when the step was skipped or the status was not the expected one. */
  ok: boolean;
  skipped: boolean;
  status?: number;
  headers?: Record<string, string>;
  // The body is whatever the target sent; scenarios read it defensively.
  json?: unknown;
}

export interface SuiteContextOptions {
  target: Target;
  validator: ContractValidator;
  credentials: SuiteCredentials;
  allowWrites: boolean;
  /** Called after each step (progress output). */
  onStep?: (step: StepResult) => void;
}

/**
 * Runs steps for the scenarios: sends each request through the target, validates the exchange,
 * checks the expected status and message, and records the result. Scenarios share discovered ids
 * through `state`.
 */
export class SuiteContext {
  readonly steps: StepResult[] = [];
  readonly tokens: { venueGroup?: string; concierge?: string; conciergeGroup?: string } = {};
  /** Ids and values discovered along the way (venue ids, slots, reservation ids...). */
  readonly state: SuiteState = { today: new Date(), venueIds: [], conciergeVenueIds: [] };
  scenario = 'setup';
  /** The first request that succeeded for each operation, so later scenarios can replay it. */
  readonly replayable = new Map<string, StepSpec>();

  constructor(private readonly options: SuiteContextOptions) {}

  get target(): Target {
    return this.options.target;
  }
  get credentials(): SuiteCredentials {
    return this.options.credentials;
  }
  get validator(): ContractValidator {
    return this.options.validator;
  }

  /** Records a step that was not sent, with the reason. */
  skip(spec: Pick<StepSpec, 'name' | 'method' | 'path'>, reason: string): StepOutcome {
    this.record({
      scenario: this.scenario,
      name: spec.name,
      operationId: this.validator.match(spec.method, spec.path)?.operationId ?? null,
      method: spec.method,
      path: spec.path,
      status: 'skipped',
      reason,
      violations: [],
      problems: [],
      durationMs: 0,
    });
    return { ok: false, skipped: true };
  }

  /** Sends one step and records its verdict. */
  async step(spec: StepSpec): Promise<StepOutcome> {
    const { target } = this.options;
    if (spec.write && target.kind === 'real' && !this.options.allowWrites) {
      return this.skip(spec, 'writes are disabled against a real target (use --allow-writes)');
    }
    if (spec.mockOnly && target.kind !== 'mock') return this.skip(spec, 'only run against a mock target');
    const auth = spec.auth ?? 'venueGroup';
    const headers: Record<string, string> = { ...spec.headers };
    if (auth !== 'none') {
      const token = typeof auth === 'object' ? auth.raw : this.tokens[auth];
      if (token === undefined)
        return this.skip(spec, `no ${String(auth)} token (authentication failed or was skipped)`);
      headers.authorization = token;
    }
    const started = performance.now();
    const response = await target.fetch(spec.method, spec.path, {
      query: spec.query,
      form: spec.form,
      headers,
    });
    const durationMs = performance.now() - started;
    const requestBody = spec.form ? new URLSearchParams(stringRecord(spec.form)).toString() : undefined;
    const exchange: Exchange = {
      method: spec.method,
      url: response.url,
      requestHeaders: requestBody
        ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' }
        : headers,
      ...(requestBody !== undefined ? { requestBody } : {}),
      status: response.status,
      responseHeaders: response.headers,
      responseBody: response.bodyText,
    };
    if (response.intercepted) {
      this.record({
        ...this.base(spec, validationOperation(this.validator, spec)),
        status: 'skipped',
        reason: response.intercepted,
        httpStatus: response.status,
        exchange,
        durationMs,
      });
      return { ok: false, skipped: true, status: response.status };
    }
    const validation = this.validator.validateExchange(exchange);
    const violations = validation.violations.filter(
      (found) => !(spec.invalidRequest && found.in.startsWith('request.')),
    );
    const json = parseJson(response.bodyText);
    const problems = expectationProblems(spec, response.status, json);
    if (spec.invalidRequest && validation.violations.every((found) => !found.in.startsWith('request.'))) {
      problems.push(
        'this request breaks the contract on purpose, but the validator found nothing wrong with it',
      );
    }
    if (validation.operationId && response.status < 300 && problems.length === 0 && !spec.invalidRequest) {
      if (!this.replayable.has(validation.operationId)) this.replayable.set(validation.operationId, spec);
    }
    this.record({
      scenario: this.scenario,
      name: spec.name,
      operationId: validation.operationId,
      method: spec.method,
      path: spec.path,
      status: violations.length === 0 && problems.length === 0 ? 'passed' : 'failed',
      httpStatus: response.status,
      violations,
      problems,
      exchange,
      ...(spec.invalidRequest ? { invalidRequest: true } : {}),
      durationMs,
    });
    return {
      ok: problems.length === 0,
      skipped: false,
      status: response.status,
      headers: response.headers,
      json,
    };
  }

  /** Records a failure found by a scenario itself (for example a cursor that never ends). */
  fail(name: string, problem: string): void {
    this.record({
      scenario: this.scenario,
      name,
      operationId: null,
      method: '',
      path: '',
      status: 'failed',
      violations: [],
      problems: [problem],
      durationMs: 0,
    });
  }

  private base(spec: StepSpec, operationId: string | null) {
    const { scenario } = this;
    return {
      scenario,
      name: spec.name,
      operationId,
      method: spec.method,
      path: spec.path,
      violations: [],
      problems: [],
    };
  }

  private record(step: StepResult): void {
    this.steps.push(step);
    this.options.onStep?.(step);
  }
}

function validationOperation(validator: ContractValidator, spec: StepSpec): string | null {
  return validator.match(spec.method, spec.path)?.operationId ?? null;
}

function expectationProblems(spec: StepSpec, status: number, json: unknown): string[] {
  const expected = Array.isArray(spec.expect) ? spec.expect : [spec.expect ?? 200];
  const problems: string[] = [];
  if (!expected.includes(status)) {
    const msg = readMsg(json);
    problems.push(`expected status ${expected.join(' or ')}, got ${status}${msg ? ` ("${msg}")` : ''}`);
  }
  if (spec.expectMsg !== undefined) {
    const msg = readMsg(json);
    if (!msg?.includes(spec.expectMsg)) {
      problems.push(
        `expected msg to contain "${spec.expectMsg}", got ${msg === undefined ? 'no msg' : `"${msg}"`}`,
      );
    }
  }
  return problems;
}

function readMsg(json: unknown): string | undefined {
  if (json && typeof json === 'object' && 'msg' in json && typeof json.msg === 'string') return json.msg;
  return undefined;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function stringRecord(record: ParamRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = String(value);
  return out;
}
