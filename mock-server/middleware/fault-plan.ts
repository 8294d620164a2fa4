import type { FaultStatus } from '../errors.js';
import type { Random } from '../random.js';
import { sampleLatency } from './latency.js';
import type { FaultPhase, FaultRule } from './fault-rules.js';

/** What the fault middleware knows about a request when it rolls the dice. */
export interface RequestFacts {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly credential: string | undefined;
}

/** A rule prepared for matching, with its hit counter (for `times`). */
export interface CompiledRule {
  readonly rule: FaultRule;
  readonly paths: readonly RegExp[] | undefined;
  hits: number;
}

/** How a request ends when a fault takes it over instead of (or after) the handler. */
export type Termination =
  | {
      readonly kind: 'error';
      readonly status: FaultStatus;
      readonly message?: string;
      readonly retryAfter?: number;
      readonly phase: FaultPhase;
      readonly by: string;
    }
  | { readonly kind: 'drop'; readonly phase: FaultPhase; readonly by: string };

/** The faults decided for one request; `by` is the rule id, or `"prefer"`. */
export interface FaultPlan {
  latency?: { readonly ms: number; readonly by: string };
  termination?: Termination;
  slow?: { readonly chunkBytes: number; readonly delayMs: number; readonly by: string };
}

/** `*` = within one segment, `**` = across segments, `:name` = one non-empty segment. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === ':' && (i === 0 || glob[i - 1] === '/')) {
      while (i + 1 < glob.length && glob[i + 1] !== '/') i++;
      re += '[^/]+';
    } else re += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function compileRule(rule: FaultRule): CompiledRule {
  return { rule, paths: rule.match?.paths?.map(globToRegExp), hits: 0 };
}

/** Whether a rule's scope covers the request (ignores probability and `times`). */
export function ruleMatches(cr: CompiledRule, f: RequestFacts): boolean {
  const m = cr.rule.match;
  if (m === undefined) return true;
  if (m.methods && !m.methods.includes(f.method)) return false;
  if (m.operationIds && (f.operationId === undefined || !m.operationIds.includes(f.operationId)))
    return false;
  if (m.credentials && (f.credential === undefined || !m.credentials.includes(f.credential))) return false;
  if (cr.paths && !cr.paths.some((re) => re.test(f.path))) return false;
  return true;
}

/**
 * Rolls the configured rules for one request, in rule order. Dice: one per matching rule whose
 * probability is strictly between 0 and 1, plus the draws of a random latency it wins — all
 * synchronous, so a seeded Random yields the same faults for the same sequence of requests.
 * Per kind the first rule that hits wins; a later hit of the same kind is ignored and not counted.
 * Error and drop share one slot (both end the request). Increments `hits` of the winning rules.
 *
 * @returns the plan, or `undefined` when nothing hit (no allocation on the common path).
 */
export function rollFaults(
  rules: readonly CompiledRule[],
  f: RequestFacts,
  random: Random,
): FaultPlan | undefined {
  let plan: FaultPlan | undefined;
  for (const cr of rules) {
    const r = cr.rule;
    if ((r.times !== undefined && cr.hits >= r.times) || r.probability <= 0 || !ruleMatches(cr, f)) continue;
    if (r.probability < 1 && !(random.next() < r.probability)) continue;
    plan ??= {};
    switch (r.kind) {
      case 'latency':
        if (plan.latency) continue;
        plan.latency = { ms: sampleLatency(r.latency, random), by: r.id };
        break;
      case 'error':
        if (plan.termination) continue;
        plan.termination = {
          kind: 'error',
          status: r.status,
          message: r.message,
          retryAfter: r.retryAfter,
          phase: r.phase,
          by: r.id,
        };
        break;
      case 'drop':
        if (plan.termination) continue;
        plan.termination = { kind: 'drop', phase: r.phase, by: r.id };
        break;
      case 'slow_body':
        if (plan.slow) continue;
        plan.slow = { chunkBytes: r.chunkBytes, delayMs: sampleLatency(r.chunkDelay, random), by: r.id };
        break;
    }
    cr.hits++;
  }
  return plan;
}
