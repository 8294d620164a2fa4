import type { operations } from '../spec/generated-control-types.js';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Responses<K extends keyof operations> = operations[K]['responses'];
/** The JSON a control operation answers with on success, as the control API's spec describes it. */
export type ControlResult<K extends keyof operations> = JsonOf<
  Responses<K>[Extract<keyof Responses<K>, 200 | 201 | 202 | 204>]
>;
/** The JSON body a control operation takes. */
export type ControlBody<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** A control request the mock refused; `status` and `body` are its answer. */
export class ControlApiError extends Error {
  override readonly name = 'ControlApiError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    const msg = (body as { msg?: unknown } | null)?.msg;
    super(`${what} answered ${status}${typeof msg === 'string' ? `: ${msg}` : ''}`);
  }
}

/**
 * A typed client for the mock's control API (openapi/mock-control.yaml): the calls a test suite makes
 * between tests — reset, move the clock, add faults, read the journal. Every method resolves to the
 * documented answer or throws {@link ControlApiError}.
 */
export interface ControlClient {
  /** `http://host:port/_mock` */
  readonly url: string;
  health(): Promise<ControlResult<'getHealth'>>;
  /** Back to the state the server started with (same seed, same clock start). */
  reset(): Promise<ControlResult<'resetState'>>;
  clock(): Promise<ControlResult<'getClock'>>;
  /** Freezes the clock at an ISO instant. */
  setClock(now: string): Promise<ControlResult<'setClock'>>;
  advanceClock(seconds: number): Promise<ControlResult<'advanceClock'>>;
  exportState(): Promise<ControlResult<'exportState'>>;
  importState(snapshot: ControlBody<'importState'>): Promise<ControlResult<'importState'>>;
  journal(query?: {
    limit?: number;
    operation_id?: string;
    status?: string;
  }): Promise<ControlResult<'listJournal'>>;
  addFault(rule: ControlBody<'addFault'>): Promise<ControlResult<'addFault'>>;
  clearFaults(): Promise<ControlResult<'clearFaults'>>;
  setRateLimits(patch: ControlBody<'setRateLimits'>): Promise<ControlResult<'setRateLimits'>>;
  addWebhookEndpoint(
    endpoint: ControlBody<'addWebhookEndpoint'>,
  ): Promise<ControlResult<'addWebhookEndpoint'>>;
  webhookDeliveries(): Promise<ControlResult<'listWebhookDeliveries'>>;
  /** Any other control route, e.g. `request('POST', '/venues/V/walk-ins', {...})`. */
  request(method: string, path: string, body?: unknown): Promise<unknown>;
}

/** A control client for the mock at `baseUrl` (its origin, e.g. `http://127.0.0.1:4010`). */
export function createControlClient(baseUrl: string, options: { adminToken?: string } = {}): ControlClient {
  const url = `${baseUrl.replace(/\/+$/, '')}/_mock`;
  const request = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.adminToken ? { 'x-mock-admin-token': options.adminToken } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ControlApiError(res.status, parsed, `${method} /_mock${path}`);
    return parsed;
  };
  // Each method names its answer type; the spec (and the control API's tests) guarantee the shape.
  const call = <K extends keyof operations>(method: string, path: string, body?: unknown) =>
    request(method, path, body) as Promise<ControlResult<K>>;
  return {
    url,
    health: () => call<'getHealth'>('GET', '/health'),
    reset: () => call<'resetState'>('POST', '/reset'),
    clock: () => call<'getClock'>('GET', '/clock'),
    setClock: (now) => call<'setClock'>('PUT', '/clock', { now }),
    advanceClock: (seconds) => call<'advanceClock'>('POST', '/clock/advance', { seconds }),
    exportState: () => call<'exportState'>('GET', '/state'),
    importState: (snapshot) => call<'importState'>('PUT', '/state', snapshot),
    journal: (query = {}) => {
      const q = new URLSearchParams(
        Object.entries(query).flatMap(([k, v]): [string, string][] =>
          v === undefined ? [] : [[k, String(v)]],
        ),
      );
      return call<'listJournal'>('GET', `/journal${q.size ? `?${q}` : ''}`);
    },
    addFault: (rule) => call<'addFault'>('POST', '/faults', rule),
    clearFaults: () => call<'clearFaults'>('DELETE', '/faults'),
    setRateLimits: (patch) => call<'setRateLimits'>('PUT', '/rate-limits', patch),
    addWebhookEndpoint: (endpoint) => call<'addWebhookEndpoint'>('POST', '/webhooks/endpoints', endpoint),
    webhookDeliveries: () => call<'listWebhookDeliveries'>('GET', '/webhooks/deliveries'),
    request,
  };
}
