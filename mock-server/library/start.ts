import { ManualClock, SystemClock, type Clock } from '../clock.js';
import type { Scope } from '../domain/model.js';
import { listen } from '../listen.js';
import { loadScenario, type LoadedScenario } from '../seed/scenario.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../server.js';
import { createControlClient, type ControlClient } from './control-client.js';

export interface StartMockServerOptions extends Omit<MockServerOptions, 'clock' | 'scenario'> {
  /** Port to listen on; default 0 (a free one — read it from `url`). */
  port?: number;
  /** Address to bind; default 127.0.0.1. */
  host?: string;
  /** A {@link Clock}, `'system'`, or an ISO instant to freeze time at. Default: frozen at 2026-12-07T17:00:00Z. */
  clock?: Clock | string;
  /** A shipped scenario's name (`fully-booked-friday`, ...), a scenario file's path, or a loaded scenario. */
  scenario?: LoadedScenario | string;
}

/** One client credential the mock accepts, with what it may see. */
export interface MockCredential {
  clientId: string;
  clientSecret: string;
  description: string;
  scope: Scope;
}

/** A mock listening on a port, for a test runner's global setup. */
export interface StartedMockServer {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The API base real integration code points at: `${url}/2_4`. */
  apiUrl: string;
  port: number;
  /** Every credential the mock accepts (client_id, client_secret, scope). */
  credentials: readonly MockCredential[];
  /** The credential with this client_id; throws if there is none. */
  credential(clientId: string): MockCredential;
  /** Typed client for the control API (reset, clock, faults, journal, webhooks). */
  control: ControlClient;
  /** The server object itself, for in-process inspection (store, clock, feed). */
  mock: MockServer;
  /** Stops listening, closes open connections and the webhook pipeline. */
  stop(): Promise<void>;
}

/**
 * Builds the mock and listens on a free loopback port: what a vitest/jest global setup needs.
 *
 * @example
 * // vitest.global-setup.ts
 * import { startMockServer } from 'sevenrooms-mock';
 * export default async function setup({ provide }) {
 *   const mock = await startMockServer({ scenario: 'quiet-weekday' });
 *   provide('sevenroomsUrl', mock.apiUrl);
 *   return () => mock.stop();
 * }
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<StartedMockServer> {
  const { port = 0, host = '127.0.0.1', clock, scenario, ...rest } = options;
  const serverOptions: MockServerOptions = { ...rest };
  if (clock !== undefined) serverOptions.clock = toClock(clock);
  if (scenario !== undefined)
    serverOptions.scenario = typeof scenario === 'string' ? loadScenario(scenario) : scenario;
  const mock = createMockServer(serverOptions);
  const server = await listen(mock, { port, host });
  const credentials = [...mock.catalog.credentials.values()].map(
    ({ clientId, clientSecret, description, scope }) => ({ clientId, clientSecret, description, scope }),
  );
  return {
    url: server.url,
    apiUrl: `${server.url}/2_4`,
    port: server.port,
    credentials,
    credential(clientId) {
      const found = credentials.find((c) => c.clientId === clientId);
      if (!found) throw new Error(`The mock has no credential ${clientId}`);
      return found;
    },
    control: createControlClient(server.url, rest.adminToken ? { adminToken: rest.adminToken } : {}),
    mock,
    stop: () => server.close(),
  };
}

function toClock(clock: Clock | string): Clock {
  if (typeof clock !== 'string') return clock;
  if (clock === 'system') return new SystemClock();
  const at = Date.parse(clock);
  if (!Number.isFinite(at)) throw new Error(`clock must be "system" or an ISO instant; got ${clock}`);
  return new ManualClock(at);
}
