/**
 * Retries wait for the mock's clock. On a frozen clock they wait until someone moves it, which is
 * documented but easy to miss in a demo: these helpers say so where people look — the start-up
 * banner and the control API's delivery log.
 */
import { ManualClock, type Clock } from '../clock.js';
import type { Delivery } from './types.js';

export const ADVANCE_HINT = 'advance it with POST /_mock/clock/advance (or PUT /_mock/clock)';

export const isFrozen = (clock: Clock): boolean => clock instanceof ManualClock;

/** True when the delivery's next attempt is due only after a clock that will not move by itself. */
export function waitsOnFrozenClock(delivery: Delivery, clock: Clock): boolean {
  return (
    isFrozen(clock) &&
    delivery.state === 'retrying' &&
    delivery.nextAttemptAt !== null &&
    delivery.nextAttemptAt > clock.now()
  );
}

/** The delivery as the control API shows it: with `waitingOnFrozenClock`. */
export function describeDelivery<T extends Delivery>(
  delivery: T,
  clock: Clock,
): T & { waitingOnFrozenClock: boolean } {
  return { ...delivery, waitingOnFrozenClock: waitsOnFrozenClock(delivery, clock) };
}

/** A sentence for the delivery log when any retry is stalled by the frozen clock; null otherwise. */
export function frozenClockNote(deliveries: readonly Delivery[], clock: Clock): string | null {
  const stalled = deliveries.filter((d) => waitsOnFrozenClock(d, clock)).length;
  if (stalled === 0) return null;
  return `${stalled} ${stalled === 1 ? 'delivery waits' : 'deliveries wait'} for a retry on the frozen clock; ${ADVANCE_HINT} to send ${stalled === 1 ? 'it' : 'them'}`;
}

/** The start-up banner's line when the clock is frozen: retries (and hold expiry) wait for it. */
export function frozenClockBannerNote(clock: Clock): string | null {
  return isFrozen(clock)
    ? `Note:         the clock is frozen: failed webhook deliveries wait for their retry until you ${ADVANCE_HINT}`
    : null;
}
