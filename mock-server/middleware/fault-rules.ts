import { FAULT_STATUSES, type FaultStatus } from '../errors.js';
import { ConfigError, type ConfigIssue, isRecord } from '../config-error.js';
import { type LatencySpec, checkLatencySpec } from './latency.js';

/**
 * Which requests a rule applies to. Every list given must match (AND); within a list any entry
 * matches (OR). Omitted lists match everything.
 */
export interface FaultMatch {
  readonly operationIds?: readonly string[];
  /** Globs over the full request path: `*` = within one segment, `**` = any segments, `:name` = one segment. */
  readonly paths?: readonly string[];
  /** HTTP methods, upper case. */
  readonly methods?: readonly string[];
  /** Credential keys, e.g. `client:abc`. */
  readonly credentials?: readonly string[];
}

export type FaultPhase = 'before' | 'after';

interface RuleBase {
  readonly id: string;
  /** Chance, 0..1, that a matching request is hit. Default 1. */
  readonly probability: number;
  readonly match?: FaultMatch;
  /** Stop after this many applied hits (e.g. "fail the next two bookings"). Default unlimited. */
  readonly times?: number;
}

/** One configured fault. `phase: 'after'` lets the handler run (and change state) before the error/drop. */
export type FaultRule = RuleBase &
  (
    | { readonly kind: 'latency'; readonly latency: LatencySpec }
    | {
        readonly kind: 'error';
        readonly status: FaultStatus;
        readonly message?: string;
        readonly retryAfter?: number;
        readonly phase: FaultPhase;
      }
    | { readonly kind: 'drop'; readonly phase: FaultPhase }
    | { readonly kind: 'slow_body'; readonly chunkBytes: number; readonly chunkDelay: LatencySpec }
  );

export type FaultKind = FaultRule['kind'];

const KINDS: readonly FaultKind[] = ['latency', 'error', 'drop', 'slow_body'];
const COMMON = ['id', 'kind', 'probability', 'match', 'times'];
const FIELDS: Readonly<Record<FaultKind, readonly string[]>> = {
  latency: ['latency'],
  error: ['status', 'message', 'retryAfter', 'phase'],
  drop: ['phase'],
  slow_body: ['chunkBytes', 'chunkDelay'],
};
const MATCH_FIELDS = ['operationIds', 'paths', 'methods', 'credentials'] as const;

/**
 * Validates a fault configuration — an array of rules or `{ "rules": [...] }` — collecting every
 * problem with its JSON pointer. Rules without an `id` get `rule-<n>` (1-based position).
 *
 * @throws ConfigError listing every issue.
 * @example parseFaultConfig([{ kind: 'error', status: 503, probability: 0.3, match: { operationIds: ['bookVenueReservation'] } }])
 */
export function parseFaultConfig(json: unknown): FaultRule[] {
  const issues: ConfigIssue[] = [];
  let list: unknown = json;
  let base = '';
  if (isRecord(json)) {
    list = json.rules;
    base = '/rules';
  }
  if (!Array.isArray(list))
    throw new ConfigError('fault config', [{ pointer: base, message: 'must be an array of fault rules' }]);
  const rules: FaultRule[] = [];
  const ids = new Set<string>();
  list.forEach((item, i) => {
    const rule = checkFaultRule(item, `${base}/${i}`, issues, `rule-${i + 1}`);
    if (!rule) return;
    if (ids.has(rule.id))
      issues.push({ pointer: `${base}/${i}/id`, message: `duplicates the id "${rule.id}"` });
    ids.add(rule.id);
    rules.push(rule);
  });
  if (issues.length > 0) throw new ConfigError('fault config', issues);
  return rules;
}

/** Validates one rule; pushes issues and returns the rule only if it is valid. */
export function checkFaultRule(
  v: unknown,
  pointer: string,
  issues: ConfigIssue[],
  defaultId: string,
): FaultRule | undefined {
  if (!isRecord(v)) {
    issues.push({ pointer, message: 'must be an object' });
    return undefined;
  }
  const before = issues.length;
  const at = (name: string): string => `${pointer}/${name}`;
  const kind = v.kind as FaultKind;
  if (!KINDS.includes(kind)) {
    issues.push({ pointer: at('kind'), message: `must be one of ${KINDS.join(', ')}` });
    return undefined;
  }
  for (const k of Object.keys(v)) {
    if (!COMMON.includes(k) && !FIELDS[kind].includes(k))
      issues.push({
        pointer: at(k),
        message: `is not a field of a ${kind} rule (${[...COMMON, ...FIELDS[kind]].join(', ')})`,
      });
  }
  const id = v.id ?? defaultId;
  if (typeof id !== 'string' || !/^[\w.:-]{1,64}$/.test(id))
    issues.push({ pointer: at('id'), message: 'must be 1–64 characters of letters, digits, _ . : -' });
  const probability = v.probability ?? 1;
  if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1))
    issues.push({ pointer: at('probability'), message: 'must be a number from 0 to 1' });
  if (v.times !== undefined && !(Number.isInteger(v.times) && (v.times as number) >= 1))
    issues.push({ pointer: at('times'), message: 'must be a positive integer' });
  const match = v.match === undefined ? undefined : checkMatch(v.match, at('match'), issues);
  const phase = v.phase ?? 'before';
  if ((kind === 'error' || kind === 'drop') && phase !== 'before' && phase !== 'after')
    issues.push({ pointer: at('phase'), message: 'must be "before" or "after"' });

  let specific: Record<string, unknown> | undefined;
  switch (kind) {
    case 'latency': {
      const latency = checkLatencySpec(v.latency, at('latency'), issues);
      specific = { latency };
      break;
    }
    case 'error':
      if (!(FAULT_STATUSES as readonly unknown[]).includes(v.status))
        issues.push({ pointer: at('status'), message: `must be one of ${FAULT_STATUSES.join(', ')}` });
      if (v.message !== undefined && (typeof v.message !== 'string' || v.message === ''))
        issues.push({ pointer: at('message'), message: 'must be a non-empty string' });
      if (v.retryAfter !== undefined && !(Number.isInteger(v.retryAfter) && (v.retryAfter as number) >= 0))
        issues.push({ pointer: at('retryAfter'), message: 'must be whole seconds, 0 or more' });
      specific = { status: v.status, message: v.message, retryAfter: v.retryAfter, phase };
      break;
    case 'drop':
      specific = { phase };
      break;
    case 'slow_body': {
      const chunkBytes = v.chunkBytes ?? 64;
      if (!(Number.isInteger(chunkBytes) && (chunkBytes as number) >= 1))
        issues.push({ pointer: at('chunkBytes'), message: 'must be a positive integer' });
      const chunkDelay = checkLatencySpec(v.chunkDelay, at('chunkDelay'), issues);
      specific = { chunkBytes, chunkDelay };
      break;
    }
  }
  if (issues.length !== before) return undefined;
  const rule = {
    id,
    kind,
    probability,
    ...(match ? { match } : {}),
    ...(v.times === undefined ? {} : { times: v.times }),
  };
  for (const [k, value] of Object.entries(specific))
    if (value !== undefined) (rule as Record<string, unknown>)[k] = value;
  return rule as FaultRule;
}

function checkMatch(v: unknown, pointer: string, issues: ConfigIssue[]): FaultMatch | undefined {
  if (!isRecord(v)) {
    issues.push({ pointer, message: `must be an object with any of ${MATCH_FIELDS.join(', ')}` });
    return undefined;
  }
  const out: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(v)) {
    if (!(MATCH_FIELDS as readonly string[]).includes(k)) {
      issues.push({
        pointer: `${pointer}/${k}`,
        message: `is not a match field (${MATCH_FIELDS.join(', ')})`,
      });
      continue;
    }
    if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string' && s !== '')) {
      issues.push({ pointer: `${pointer}/${k}`, message: 'must be a non-empty array of non-empty strings' });
      continue;
    }
    if (k === 'paths') {
      list.forEach((p: string, i) => {
        if (!p.startsWith('/') && !p.startsWith('**'))
          issues.push({ pointer: `${pointer}/paths/${i}`, message: 'must start with "/" or "**"' });
      });
    }
    out[k] = k === 'methods' ? list.map((m: string) => m.toUpperCase()) : (list as string[]);
  }
  return out;
}
