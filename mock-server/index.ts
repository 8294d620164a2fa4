/**
 * The `sevenrooms-mock` package: build the mock in-process, listen on a port, start one for a test
 * runner's global setup, verify its webhooks, and the API's types generated from the spec.
 */
export { createMockServer, API_PREFIXES, DEFAULT_START_TIME } from './server.js';
export type { MockServer, MockServerOptions } from './server.js';
export { listen, type ListeningServer } from './listen.js';
export { startMockServer } from './library/start.js';
export type { MockCredential, StartedMockServer, StartMockServerOptions } from './library/start.js';
export { createControlClient, ControlApiError } from './library/control-client.js';
export type { ControlBody, ControlClient, ControlResult } from './library/control-client.js';
export { ManualClock, SystemClock, type Clock } from './clock.js';
export { createLogger, LOG_LEVELS, type Logger, type LogLevel } from './logger.js';
export { listScenarios, loadScenario, type LoadedScenario } from './seed/scenario.js';
export { DEFAULT_VOLUME, type SeedVolume } from './seed/volume.js';
export type { Catalog, Credential, Scope } from './domain/model.js';
export {
  DEFAULT_TOLERANCE_SEC,
  DELIVERY_ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  verifyWebhookSignature,
} from './webhooks/signing.js';
export type { VerifyFailureReason, VerifyOptions, VerifyResult } from './webhooks/signing.js';
export { startReceiver, type ReceiverHandle, type ReceiverOptions } from './webhooks/receiver.js';
export type * from './api-types.js';
