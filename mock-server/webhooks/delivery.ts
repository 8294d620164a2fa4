/**
 * One HTTP attempt, and the backoff between attempts. The attempt's timeout is real time (a hung
 * socket only ends in real time); *when* the next attempt happens is the mock Clock's business, so
 * tests fast-forward retries with ManualClock.advance.
 */
import { performance } from 'node:perf_hooks';
import type { Random } from '../random.js';

/** Default backoff before retry 1, 2, …: 1 s, 5 s, 30 s, 2 min, 10 min, 1 h — seven attempts in all. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  1_000, 5_000, 30_000, 120_000, 600_000, 3_600_000,
];
export const DEFAULT_JITTER = 0.2;
export const DEFAULT_TIMEOUT_MS = 5_000;

export interface AttemptOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  latencyMs: number;
}

export interface PostWebhookOptions {
  fetch: typeof fetch;
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Aborts the attempt early (the service closing). */
  signal?: AbortSignal;
}

/**
 * POSTs one batch. Never throws: a 2xx is success; any other status, a network error or the timeout
 * is a failed attempt described in `error`. Redirects count as failures (a webhook URL that moved
 * must be reconfigured, not followed silently — as Stripe does).
 */
export async function postWebhook({
  fetch,
  url,
  body,
  headers,
  timeoutMs,
  signal,
}: PostWebhookOptions): Promise<AttemptOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers,
      redirect: 'manual',
      signal: controller.signal,
    });
    // Read the (small) answer so the keep-alive connection is reused; the timeout still covers it.
    await res.arrayBuffer();
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}`, latencyMs: elapsed() };
  } catch (err) {
    const error = timedOut
      ? `timeout after ${timeoutMs} ms`
      : signal?.aborted
        ? 'aborted: service closed'
        : describeError(err);
    return { ok: false, status: null, error, latencyMs: elapsed() };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** `fetch failed` says nothing; the cause (`ECONNREFUSED`, `UND_ERR_SOCKET`) says what happened. */
function describeError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return cause.message ? `${cause.code}: ${cause.message}` : cause.code;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Delay before the retry that follows failed attempt `attempt` (1-based), or null when the schedule is
 * exhausted. Jitter spreads retries by ±`jitter` so many deliveries that failed together do not all
 * come back in the same instant; it is drawn from the seeded Random, so a run is reproducible.
 */
export function retryDelay(
  schedule: readonly number[],
  attempt: number,
  jitter: number,
  random: Random,
): number | null {
  const base = schedule[attempt - 1];
  if (base === undefined) return null;
  if (jitter <= 0) return base;
  return Math.round(base * (1 + jitter * (2 * random.next() - 1)));
}
