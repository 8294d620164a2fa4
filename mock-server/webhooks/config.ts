/**
 * Validation of webhook endpoint configuration, wherever it comes from (CLI flags, a config file, the
 * control API). Every problem is collected with its JSON pointer, so a user fixes a file in one pass.
 */
import { ConfigError, isRecord, type ConfigIssue } from '../config-error.js';
import type { WebhookEndpointConfig } from './types.js';

export type WebhookConfigIssue = ConfigIssue;

/** Invalid webhook configuration: the shared ConfigError (a 400), named for what it is about. */
export class WebhookConfigError extends ConfigError {
  override readonly code = 'invalid_webhook_config';

  constructor(issues: readonly WebhookConfigIssue[]) {
    super('webhook configuration', issues);
    this.name = 'WebhookConfigError';
  }
}

const ENTITY_PATTERNS = new Set(['reservation', 'client', '*']);
const CHANGE_PATTERNS = new Set(['created', 'updated', 'deleted', '*']);
const KNOWN_KEYS = new Set(['url', 'secret', 'venueGroupIds', 'events', 'enabled', 'description']);

/** True for `*`, `reservation.*`, `*.deleted`, `client.updated`, … */
export function isValidEventPattern(pattern: string): boolean {
  if (pattern === '*') return true;
  const [entity, change, extra] = pattern.split('.');
  return extra === undefined && ENTITY_PATTERNS.has(entity ?? '') && CHANGE_PATTERNS.has(change ?? '');
}

/** Appends the issues of one endpoint object, found at `pointer`. */
export function collectEndpointIssues(value: unknown, pointer: string, issues: WebhookConfigIssue[]): void {
  if (!isRecord(value)) {
    issues.push({ pointer, message: 'must be an object with at least "url"' });
    return;
  }
  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.has(key)) {
      issues.push({
        pointer: `${pointer}/${key}`,
        message: `is not a known key (known: ${[...KNOWN_KEYS].join(', ')})`,
      });
    }
  }
  collectUrlIssues(value.url, `${pointer}/url`, issues);
  if (value.secret !== undefined && (typeof value.secret !== 'string' || value.secret.length < 8)) {
    issues.push({ pointer: `${pointer}/secret`, message: 'must be a string of at least 8 characters' });
  }
  collectStringListIssues(
    value.venueGroupIds,
    `${pointer}/venueGroupIds`,
    issues,
    () => true,
    'a venue group id',
  );
  collectStringListIssues(
    value.events,
    `${pointer}/events`,
    issues,
    isValidEventPattern,
    'an event kind such as "reservation.updated", "client.*" or "*"',
  );
  if (value.enabled !== undefined && typeof value.enabled !== 'boolean') {
    issues.push({ pointer: `${pointer}/enabled`, message: 'must be true or false' });
  }
  if (value.description !== undefined && typeof value.description !== 'string') {
    issues.push({ pointer: `${pointer}/description`, message: 'must be a string' });
  }
}

function collectUrlIssues(url: unknown, pointer: string, issues: WebhookConfigIssue[]): void {
  if (typeof url !== 'string') {
    issues.push({ pointer, message: 'is required and must be an absolute http(s) URL' });
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    issues.push({ pointer, message: `"${url}" is not an absolute URL` });
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    issues.push({ pointer, message: `must use http or https, not ${parsed.protocol.replace(':', '')}` });
  }
}

function collectStringListIssues(
  value: unknown,
  pointer: string,
  issues: WebhookConfigIssue[],
  valid: (s: string) => boolean,
  what: string,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({ pointer, message: 'must be a non-empty array (omit it to match everything)' });
    return;
  }
  value.forEach((item, i) => {
    if (typeof item !== 'string' || !valid(item)) {
      issues.push({ pointer: `${pointer}/${i}`, message: `${JSON.stringify(item)} is not ${what}` });
    }
  });
}

/** Throws {@link WebhookConfigError} unless `value` is a valid endpoint configuration. */
export function assertEndpointConfig(value: unknown, pointer = ''): asserts value is WebhookEndpointConfig {
  const issues: WebhookConfigIssue[] = [];
  collectEndpointIssues(value, pointer, issues);
  if (issues.length > 0) throw new WebhookConfigError(issues);
}

/**
 * Parses a webhook configuration document: JSON text or an already-parsed value, either an array of
 * endpoints or `{"webhooks": [...]}`. Throws {@link WebhookConfigError} listing every problem.
 *
 * @example
 * parseWebhookConfig('[{"url":"http://127.0.0.1:4242/hooks","events":["reservation.*"]}]')
 */
export function parseWebhookConfig(json: unknown): WebhookEndpointConfig[] {
  let doc: unknown = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (err) {
      throw new WebhookConfigError([
        { pointer: '', message: `is not valid JSON (${(err as Error).message})` },
      ]);
    }
  }
  let list: unknown = doc;
  let base = '';
  if (isRecord(doc)) {
    list = doc.webhooks;
    base = '/webhooks';
    const extra = Object.keys(doc).filter((k) => k !== 'webhooks');
    if (extra.length > 0 || !Array.isArray(list)) {
      throw new WebhookConfigError([
        { pointer: '', message: 'must be an array of endpoints or an object with only a "webhooks" array' },
      ]);
    }
  }
  if (!Array.isArray(list)) {
    throw new WebhookConfigError([
      { pointer: '', message: 'must be an array of endpoints or {"webhooks": [...]}' },
    ]);
  }
  const issues: WebhookConfigIssue[] = [];
  list.forEach((item, i) => collectEndpointIssues(item, `${base}/${i}`, issues));
  if (issues.length > 0) throw new WebhookConfigError(issues);
  return list as WebhookEndpointConfig[];
}

/** The tuning options of the webhook service, validated like endpoint config. */
export interface WebhookTuningOptions {
  retrySchedule: readonly number[];
  jitter: number;
  batchWindowMs: number;
  maxBatchSize: number;
  timeoutMs: number;
  maxQueuedEvents: number;
  logLimit: number;
  logMaxBytes: number;
}

/** Throws {@link WebhookConfigError} (the same error as endpoint config, so CLI flags report alike). */
export function assertServiceOptions(o: WebhookTuningOptions): void {
  const issues: WebhookConfigIssue[] = [];
  const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;
  const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
  o.retrySchedule.forEach((ms, i) => {
    if (!nonNegative(ms))
      issues.push({ pointer: `/retrySchedule/${i}`, message: 'must be a non-negative number of ms' });
  });
  if (!(o.jitter >= 0 && o.jitter < 1)) issues.push({ pointer: '/jitter', message: 'must be in [0, 1)' });
  if (!nonNegative(o.batchWindowMs))
    issues.push({ pointer: '/batchWindowMs', message: 'must be a non-negative number' });
  if (!positiveInt(o.maxBatchSize))
    issues.push({ pointer: '/maxBatchSize', message: 'must be a positive integer' });
  if (!(o.timeoutMs > 0)) issues.push({ pointer: '/timeoutMs', message: 'must be a positive number' });
  if (!positiveInt(o.maxQueuedEvents) || o.maxQueuedEvents < o.maxBatchSize) {
    issues.push({ pointer: '/maxQueuedEvents', message: 'must be an integer at least maxBatchSize' });
  }
  if (!positiveInt(o.logLimit)) issues.push({ pointer: '/logLimit', message: 'must be a positive integer' });
  if (!(o.logMaxBytes > 0)) issues.push({ pointer: '/logMaxBytes', message: 'must be a positive number' });
  if (issues.length > 0) throw new WebhookConfigError(issues);
}
