import { readFileSync } from 'node:fs';
import { parseFaultConfig, type FaultRule } from '../middleware/fault-rules.js';
import { parseRateLimitConfig } from '../middleware/rate-limit-config.js';
import type { MockServerOptions } from '../server.js';
import { parseWebhookConfig } from '../webhooks/config.js';
import { UsageError } from './usage-error.js';

/** Reads `--faults FILE`: a JSON array of rules or `{"rules": [...]}`, checked like the control API checks them. */
export function readFaultsFile(path: string): FaultRule[] {
  try {
    return parseFaultConfig(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  } catch (err) {
    throw new UsageError(`--faults ${path}: ${(err as Error).message}`);
  }
}

/** What a `--config FILE` may set; flags given on the command line win over it. */
export interface ConfigFile {
  port?: number;
  host?: string;
  seed?: number;
  clock?: string;
  venues?: string;
  adminToken?: string;
  volume?: MockServerOptions['volume'];
  rateLimit?: unknown;
  faults?: unknown;
  webhooks?: unknown;
  /** Same as --data-dir. */
  dataDir?: string;
  maxWorlds?: number;
  worldIdleSeconds?: number;
}

const KNOWN = new Set([
  'port',
  'host',
  'seed',
  'clock',
  'venues',
  'adminToken',
  'volume',
  'rateLimit',
  'faults',
  'webhooks',
  'dataDir',
  'maxWorlds',
  'worldIdleSeconds',
  '$schema',
  'description',
]);

/**
 * Reads and checks a JSON config file. Each section is validated by the same parser the control
 * API uses, so a mistake is reported with its JSON pointer before the server starts.
 */
export function readConfigFile(path: string): { file: ConfigFile; options: Partial<MockServerOptions> } {
  let file: ConfigFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as ConfigFile;
  } catch (err) {
    throw new UsageError(`--config ${path}: ${(err as Error).message}`);
  }
  if (!file || typeof file !== 'object' || Array.isArray(file))
    throw new UsageError(`--config ${path}: must hold a JSON object`);
  const unknown = Object.keys(file).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new UsageError(`--config ${path}: unknown keys ${unknown.join(', ')}`);
  const options: Partial<MockServerOptions> = {};
  try {
    if (file.rateLimit !== undefined) options.rateLimit = parseRateLimitConfig(file.rateLimit);
    if (file.faults !== undefined) options.faults = parseFaultConfig(file.faults);
    if (file.webhooks !== undefined) options.webhooks = { endpoints: parseWebhookConfig(file.webhooks) };
  } catch (err) {
    throw new UsageError(`--config ${path}: ${(err as Error).message}`);
  }
  if (file.volume !== undefined) options.volume = file.volume;
  if (file.adminToken !== undefined) options.adminToken = file.adminToken;
  return { file, options };
}
