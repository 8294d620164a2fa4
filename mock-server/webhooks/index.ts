/**
 * Webhooks: emission from store changes, delivery with retries, signing, and a receiver. Users'
 * receivers need only `verifyWebhookSignature` (and the header names) from here.
 */
export { createWebhookService } from './webhook-service.js';
export type {
  EndpointStats,
  WebhookService,
  WebhookServiceOptions,
  WebhookStats,
} from './webhook-service.js';
export { parseWebhookConfig, WebhookConfigError, type WebhookConfigIssue } from './config.js';
export { EndpointRegistry, matchesEventKind } from './endpoints.js';
export { buildWebhookEvent, diffEntities, eventKind, IGNORED_UPDATE_FIELDS } from './events.js';
export { DEFAULT_JITTER, DEFAULT_RETRY_SCHEDULE_MS, DEFAULT_TIMEOUT_MS } from './delivery.js';
export {
  computeSignature,
  DEFAULT_TOLERANCE_SEC,
  DELIVERY_ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  parseSignatureHeader,
  SIGNATURE_HEADER,
  signPayload,
  verifyWebhookSignature,
} from './signing.js';
export type { VerifyFailureReason, VerifyOptions, VerifyResult } from './signing.js';
export { formatEventLine } from './format-event.js';
export { startReceiver } from './receiver.js';
export type { ReceiverHandle, ReceiverOptions, ReceiverStats } from './receiver.js';
export { RECEIVER_USAGE, ReceiverUsageError, runReceiverCli } from './receiver-cli.js';
export type { ReceiverCliIo } from './receiver-cli.js';
export type * from './types.js';
