import { FAULT_STATUSES, type FaultStatus, MockError } from '../errors.js';
import { type LatencySpec, MAX_LATENCY_MS } from './latency.js';

/** What a request asked for through `Prefer`. Fields absent were not asked for. */
export interface FaultPreference {
  code?: FaultStatus;
  latency?: LatencySpec;
  drop?: boolean;
  /** Delay between body chunks, ms (the response is streamed slowly). */
  slowMs?: number;
  /** `Retry-After` seconds for `code=429` / `code=503`. */
  retryAfter?: number;
  /** Whether `code`/`drop` strike before the handler runs (default) or after it has changed state. */
  phase?: 'before' | 'after';
}

/**
 * Preferences defined elsewhere (RFC 7240, Prism) that clients may send to any server; the mock
 * ignores them instead of rejecting the request.
 */
const FOREIGN = new Set(['return', 'respond-async', 'wait', 'handling', 'example', 'dynamic']);
const KNOWN = 'code, latency, drop, slow, retry-after, phase';
const MAX_RETRY_AFTER = 86_400;

const invalid = (why: string): MockError => new MockError('unprocessable', `Invalid Prefer header: ${why}`);
const msPattern = /^\d{1,6}$/;

function ms(name: string, raw: string): number {
  const n = msPattern.test(raw) ? Number(raw) : NaN;
  if (!(n <= MAX_LATENCY_MS))
    throw invalid(`${name} must be milliseconds from 0 to ${MAX_LATENCY_MS}; got "${raw}".`);
  return n;
}

/**
 * Parses the fault-injection preferences of a `Prefer` header (grammar in
 * docs/decisions/0004-rate-limits-and-faults.md). Directives are separated by `,` or `;`; names are
 * case-insensitive; values may be quoted. Returns `undefined` when nothing fault-related was asked.
 *
 * @throws MockError `unprocessable` (422) naming the first bad directive and what is allowed.
 * @example parsePrefer('code=503, latency=250') // { code: 503, latency: { distribution: 'fixed', ms: 250 } }
 */
export function parsePrefer(header: string | undefined | null): FaultPreference | undefined {
  if (!header) return undefined;
  const pref: FaultPreference = {};
  let any = false;
  for (const part of header.split(/[,;]/)) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = (eq === -1 ? item : item.slice(0, eq)).trim().toLowerCase();
    let value = eq === -1 ? '' : item.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (FOREIGN.has(name)) continue;
    if (
      Object.hasOwn(pref, name) ||
      (name === 'retry-after' && pref.retryAfter !== undefined) ||
      (name === 'slow' && pref.slowMs !== undefined)
    )
      throw invalid(`"${name}" is given more than once.`);
    any = true;
    switch (name) {
      case 'code': {
        const code = /^\d{3}$/.test(value) ? Number(value) : NaN;
        if (!(FAULT_STATUSES as readonly number[]).includes(code))
          throw invalid(
            `code must be one of ${FAULT_STATUSES.join(', ')} (the statuses the API documents); got "${value}".`,
          );
        pref.code = code as FaultStatus;
        break;
      }
      case 'latency': {
        const dash = value.indexOf('-');
        if (dash === -1) pref.latency = { distribution: 'fixed', ms: ms('latency', value) };
        else {
          const minMs = ms('latency', value.slice(0, dash));
          const maxMs = ms('latency', value.slice(dash + 1));
          if (minMs > maxMs) throw invalid(`latency range "${value}" has its minimum above its maximum.`);
          pref.latency = { distribution: 'uniform', minMs, maxMs };
        }
        break;
      }
      case 'drop':
        if (value === '' || value === 'true') pref.drop = true;
        else if (value === 'false') pref.drop = false;
        else throw invalid(`drop must be true or false; got "${value}".`);
        break;
      case 'slow':
        pref.slowMs = ms('slow', value);
        break;
      case 'retry-after': {
        const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
        if (!(n <= MAX_RETRY_AFTER))
          throw invalid(`retry-after must be whole seconds from 0 to ${MAX_RETRY_AFTER}; got "${value}".`);
        pref.retryAfter = n;
        break;
      }
      case 'phase':
        if (value !== 'before' && value !== 'after')
          throw invalid(`phase must be "before" or "after"; got "${value}".`);
        pref.phase = value;
        break;
      default:
        throw invalid(`unknown preference "${name}"; supported: ${KNOWN}.`);
    }
  }
  if (pref.phase !== undefined && pref.code === undefined && pref.drop !== true)
    throw invalid('phase only applies together with code or drop=true.');
  if (pref.retryAfter !== undefined && pref.code === undefined)
    throw invalid('retry-after only applies together with code (e.g. code=429).');
  return any ? pref : undefined;
}
