import type { StepSpec, SuiteContext } from './context.js';
import { addDays, dig, digArray, digString, isoDate } from './read.js';
import type { Slot } from './state.js';

/** Every timeslot in an availability body (`data.availability[].timeslots[]`, or `data.dates{}`). */
export function timeslotsOf(json: unknown): unknown[] {
  const days = [...digArray(json, 'data', 'availability')];
  const dates = dig(json, 'data', 'dates');
  if (dates && typeof dates === 'object') days.push(...Object.values(dates));
  return days.flatMap((day) => digArray(day, 'timeslots'));
}

/** The first bookable (not request-only) slot of an availability body. */
export function firstSlot(json: unknown, date: string): Slot | undefined {
  for (const slot of timeslotsOf(json)) {
    const time = digString(slot, 'time');
    if (!time || dig(slot, 'is_requestable') === true || dig(slot, 'is_held') === true) continue;
    const accessPersistentId = digString(slot, 'access_persistent_id');
    const shiftPersistentId = digString(slot, 'shift_persistent_id');
    const realDate = digString(slot, 'real_datetime_of_slot')?.slice(0, 10);
    return {
      date: realDate ?? date,
      time: time.slice(0, 5),
      ...(accessPersistentId ? { accessPersistentId } : {}),
      ...(shiftPersistentId ? { shiftPersistentId } : {}),
    };
  }
  return undefined;
}

/**
 * Asks for availability on the days after the target's today, one day at a time, until a bookable
 * slot appears (at most `days` requests). Every request is a validated step.
 */
export async function findSlot(
  ctx: SuiteContext,
  spec: (date: string) => StepSpec,
  days = 7,
): Promise<Slot | undefined> {
  for (let offset = 1; offset <= days; offset++) {
    const date = isoDate(addDays(ctx.state.today, offset));
    const outcome = await ctx.step(spec(date));
    if (outcome.skipped || (outcome.status !== 200 && outcome.status !== 204)) return undefined;
    const slot = firstSlot(outcome.json, date);
    if (slot) return slot;
  }
  return undefined;
}

/** The availability query the suite uses: the whole day, a party of two. */
export function availabilityQuery(date: string): Record<string, string | number> {
  return { date, start_time: '00:00', end_time: '23:45', party_size: 2 };
}

/** The guest details the suite books with (an obviously fake person, E.164 test number). */
export const SUITE_GUEST = {
  first_name: 'Contract',
  last_name: 'Suite',
  phone: '+14155550123',
  email: 'contract-suite@example.com',
} as const;
