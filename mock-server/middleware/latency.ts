import type { Random } from '../random.js';
import { type ConfigIssue, isRecord } from '../config-error.js';

/** How long an injected delay lasts, in milliseconds. */
export type LatencySpec =
  | { readonly distribution: 'fixed'; readonly ms: number }
  | { readonly distribution: 'uniform'; readonly minMs: number; readonly maxMs: number }
  /** Heavy-tailed like real network latency: `median * exp(sigma * Z)`, Z standard normal. */
  | { readonly distribution: 'lognormal'; readonly medianMs: number; readonly sigma: number };

/**
 * Waits `ms` of real time. Injected so tests can record delays instead of waiting. Latency is not
 * driven by the mock Clock on purpose: an HTTP client experiences wall time, and a ManualClock that
 * nobody advances would hang the request forever.
 */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** No delay is ever longer than this (also caps the log-normal tail). */
export const MAX_LATENCY_MS = 300_000;

/**
 * Draws one delay. `fixed` draws no dice, `uniform` one, `lognormal` two, so a seeded Random gives
 * the same delays for the same request sequence.
 */
export function sampleLatency(spec: LatencySpec, random: Random): number {
  switch (spec.distribution) {
    case 'fixed':
      return spec.ms;
    case 'uniform':
      return Math.round(spec.minMs + random.next() * (spec.maxMs - spec.minMs));
    case 'lognormal': {
      // Box–Muller; 1 - next() is in (0, 1], so the log is finite.
      const u1 = 1 - random.next();
      const u2 = random.next();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Math.min(MAX_LATENCY_MS, Math.round(spec.medianMs * Math.exp(spec.sigma * z)));
    }
  }
}

const isMs = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_LATENCY_MS;
const MS_RULE = `must be an integer number of milliseconds from 0 to ${MAX_LATENCY_MS}`;

/** Validates a latency spec; a bare number is shorthand for a fixed delay. Pushes issues, returns the spec if valid. */
export function checkLatencySpec(
  v: unknown,
  pointer: string,
  issues: ConfigIssue[],
): LatencySpec | undefined {
  if (typeof v === 'number') {
    if (isMs(v)) return { distribution: 'fixed', ms: v };
    issues.push({ pointer, message: MS_RULE });
    return undefined;
  }
  if (!isRecord(v)) {
    issues.push({ pointer, message: 'must be a number of milliseconds or {distribution, …}' });
    return undefined;
  }
  const before = issues.length;
  const field = (name: string, ok: (x: unknown) => boolean, rule: string): void => {
    if (!ok(v[name])) issues.push({ pointer: `${pointer}/${name}`, message: rule });
  };
  const allowed = (names: string[]): void => {
    for (const k of Object.keys(v)) {
      if (k !== 'distribution' && !names.includes(k))
        issues.push({
          pointer: `${pointer}/${k}`,
          message: `is not a field of a ${String(v.distribution)} latency (${names.join(', ')})`,
        });
    }
  };
  switch (v.distribution) {
    case 'fixed':
      field('ms', isMs, MS_RULE);
      allowed(['ms']);
      return issues.length === before ? { distribution: 'fixed', ms: v.ms as number } : undefined;
    case 'uniform':
      field('minMs', isMs, MS_RULE);
      field('maxMs', isMs, MS_RULE);
      allowed(['minMs', 'maxMs']);
      if (issues.length === before && (v.minMs as number) > (v.maxMs as number))
        issues.push({ pointer: `${pointer}/maxMs`, message: 'must not be less than minMs' });
      return issues.length === before
        ? { distribution: 'uniform', minMs: v.minMs as number, maxMs: v.maxMs as number }
        : undefined;
    case 'lognormal':
      field('medianMs', isMs, MS_RULE);
      field('sigma', (x) => typeof x === 'number' && x >= 0 && x <= 5, 'must be a number from 0 to 5');
      allowed(['medianMs', 'sigma']);
      return issues.length === before
        ? { distribution: 'lognormal', medianMs: v.medianMs as number, sigma: v.sigma as number }
        : undefined;
    default:
      issues.push({
        pointer: `${pointer}/distribution`,
        message: 'must be "fixed", "uniform" or "lognormal"',
      });
      return undefined;
  }
}
