import type { Next } from 'hono';
import { type FaultStatus, faultError } from '../errors.js';
import type { Random } from '../random.js';
import { ConfigError, type ConfigIssue } from '../config-error.js';
import { dropConnection } from './drop.js';
import {
  type CompiledRule,
  type FaultPlan,
  type Termination,
  compileRule,
  rollFaults,
} from './fault-plan.js';
import { type FaultRule, checkFaultRule } from './fault-rules.js';
import { type Sleep, realSleep, sampleLatency } from './latency.js';
import { parsePrefer } from './prefer-header.js';
import { DEFAULT_BUDGET } from './rate-limit-config.js';
import { LIMIT_HEADER, REMAINING_HEADER, RESET_HEADER, RETRY_AFTER_HEADER } from './rate-limit-headers.js';
import { slowBody } from './slow-body.js';
import type { InjectedFault, MiddlewareContext } from './types.js';

export interface FaultsOptions {
  /** The fault dice: `createRandom(deriveSeed(seed, 'faults'))`, so faults never shift other streams. */
  random: Random;
  /** Start-up rules, e.g. from `parseFaultConfig(json)`. */
  rules?: readonly FaultRule[];
  /** Real time by default; tests inject a recorder. See latency.ts for why this is not the Clock. */
  sleep?: Sleep;
  /** Honour `Prefer` fault directives. Default true. */
  allowPrefer?: boolean;
  /** Chunk size for `Prefer: slow=…`. Default 64 bytes. */
  preferChunkBytes?: number;
  /** `Retry-After` of an injected 429 when neither rule nor header says. Default 1 s. */
  defaultRetryAfter?: number;
  /** Default `c.get('operationId')`. */
  operationId?: (c: MiddlewareContext) => string | undefined;
  /** Default `c.get('credentialKey')`. */
  credential?: (c: MiddlewareContext) => string | undefined;
}

/** A rule as the control API lists it, with how many times it has hit. */
export type FaultRuleStatus = FaultRule & { readonly hits: number };

/** Runtime handle for the control API. */
export interface FaultController {
  list(): FaultRuleStatus[];
  /** Validates (throws ConfigError) and appends a rule; an `id` is assigned if absent. */
  add(rule: unknown): FaultRule;
  /** Removes a rule by id; false if there was none. */
  remove(id: string): boolean;
  clear(): void;
}

/** A fault injector: Hono middleware that answers through `c.res` (so it returns nothing). */
export type FaultsMiddleware = ((c: MiddlewareContext, next: Next) => Promise<void>) & {
  readonly controller: FaultController;
};

const REASON: Readonly<Record<FaultStatus, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Fault injection: latency, error statuses, dropped connections and slow bodies, from configured
 * rules (rolled with the seeded Random in request order) and from the request's `Prefer` header,
 * which overrides the rules kind by kind. Errors are thrown as MockErrors, so they get the SevenRooms
 * envelope from the server's `onError`; a malformed `Prefer` is a 422.
 *
 * @example
 * const f = faults({ random: createRandom(deriveSeed(seed, 'faults')), rules: parseFaultConfig(json) });
 * app.use('*', f);
 * f.controller.add({ kind: 'error', status: 503, probability: 0.3, match: { operationIds: ['bookVenueReservation'] } });
 */
export function faults({
  random,
  rules = [],
  sleep = realSleep,
  allowPrefer = true,
  preferChunkBytes = 64,
  defaultRetryAfter = 1,
  operationId = (c) => c.get('operationId'),
  credential = (c) => c.get('credentialKey'),
}: FaultsOptions): FaultsMiddleware {
  let compiled: CompiledRule[] = rules.map(compileRule);
  let nextId = rules.length + 1;

  // Not async: a request with no fault to apply (nearly all of them) passes straight to `next`,
  // without a promise of its own.
  function faults(c: MiddlewareContext, next: Next): Promise<void> {
    const pref = allowPrefer ? parsePrefer(c.req.header('prefer')) : undefined;
    const plan =
      compiled.length === 0
        ? undefined
        : rollFaults(
            compiled,
            {
              method: c.req.method,
              path: c.req.path,
              operationId: operationId(c),
              credential: credential(c),
            },
            random,
          );
    if (pref === undefined && plan === undefined) return next();
    return inject(c, next, plan, pref);
  }

  async function inject(
    c: MiddlewareContext,
    next: Next,
    plan: FaultPlan | undefined,
    pref: ReturnType<typeof parsePrefer>,
  ): Promise<void> {
    // The header overrides the rules kind by kind (docs/decisions/0004).
    const p: FaultPlan = plan ?? {};
    if (pref?.latency) p.latency = { ms: sampleLatency(pref.latency, random), by: 'prefer' };
    if (pref?.drop === true) p.termination = { kind: 'drop', phase: pref.phase ?? 'before', by: 'prefer' };
    else if (pref?.code !== undefined)
      p.termination = {
        kind: 'error',
        status: pref.code,
        retryAfter: pref.retryAfter,
        phase: pref.phase ?? 'before',
        by: 'prefer',
      };
    else if (pref?.drop === false && p.termination?.kind === 'drop') p.termination = undefined;
    if (pref?.slowMs !== undefined)
      p.slow =
        pref.slowMs > 0 ? { chunkBytes: preferChunkBytes, delayMs: pref.slowMs, by: 'prefer' } : undefined;
    c.set('injectedFaults', describe(p));

    if (p.latency && p.latency.ms > 0) await sleep(p.latency.ms);
    const t = p.termination;
    if (t?.phase === 'before') {
      c.res = terminate(c, t);
      return;
    }
    await next();
    if (t) {
      // Discard the handler's response first, so none of its headers leak into the fault's.
      c.res = undefined;
      c.res = terminate(c, t);
      return;
    }
    if (p.slow) {
      const res = c.res;
      c.res = undefined;
      c.res = slowBody(res, p.slow.chunkBytes, p.slow.delayMs, sleep);
    }
  }

  function terminate(c: MiddlewareContext, t: Termination): Response {
    if (t.kind === 'drop') return dropConnection(c, t.by);
    const headers: Record<string, string> = {};
    if (t.status === 429) {
      // A spec-valid 429 looks like a real one: Retry-After and an exhausted X-RateLimit-*.
      const retry = t.retryAfter ?? defaultRetryAfter;
      const current = c.get('rateLimitHeaders');
      headers[RETRY_AFTER_HEADER] = String(retry);
      headers[LIMIT_HEADER] = current?.[LIMIT_HEADER] ?? String(DEFAULT_BUDGET.limit);
      headers[REMAINING_HEADER] = '0';
      headers[RESET_HEADER] = String(Math.max(retry, Number(current?.[RESET_HEADER] ?? 0)));
      throw faultError(
        429,
        `Rate limit exceeded (injected fault ${t.by}); retry after ${retry} seconds.`,
        headers,
      );
    }
    if (t.retryAfter !== undefined) headers[RETRY_AFTER_HEADER] = String(t.retryAfter);
    throw faultError(
      t.status,
      t.message ?? `Injected fault (${t.by}): ${t.status} ${REASON[t.status]}.`,
      headers,
    );
  }

  const controller: FaultController = {
    list: () => compiled.map((cr) => ({ ...cr.rule, hits: cr.hits })),
    add(input) {
      const issues: ConfigIssue[] = [];
      let id = `rule-${nextId}`;
      while (compiled.some((cr) => cr.rule.id === id)) id = `rule-${++nextId}`;
      const rule = checkFaultRule(input, '', issues, id);
      if (rule && compiled.some((cr) => cr.rule.id === rule.id))
        issues.push({ pointer: '/id', message: `duplicates the id "${rule.id}"` });
      if (!rule || issues.length > 0) throw new ConfigError('fault rule', issues);
      nextId++;
      compiled = [...compiled, compileRule(rule)];
      return rule;
    },
    remove(id) {
      const before = compiled.length;
      compiled = compiled.filter((cr) => cr.rule.id !== id);
      return compiled.length !== before;
    },
    clear() {
      compiled = [];
    },
  };
  return Object.assign(faults, { controller });
}

function describe(p: FaultPlan): InjectedFault[] {
  const out: InjectedFault[] = [];
  if (p.latency) out.push({ rule: p.latency.by, kind: 'latency', detail: `${p.latency.ms} ms` });
  const t = p.termination;
  if (t)
    out.push({
      rule: t.by,
      kind: t.kind,
      detail: t.kind === 'error' ? `${t.status} (${t.phase})` : `(${t.phase})`,
    });
  if (p.slow)
    out.push({ rule: p.slow.by, kind: 'slow_body', detail: `${p.slow.chunkBytes} B / ${p.slow.delayMs} ms` });
  return out;
}
