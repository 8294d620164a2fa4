/**
 * Walk-in waitlist entries for the last week's and today's evenings: busier on Fridays and
 * Saturdays, recent ones still WAITING, older ones seated, gone or cancelled. About half are known
 * guests; the rest are walk-ins with just a name and maybe a phone.
 */
import type { Faker } from '@faker-js/faker';
import type { IdFactory } from '../domain/ids.js';
import type { WaitlistRecord } from '../store/records.js';
import type { ContactBook } from './contacts.js';
import { WeightedList, type Dice } from './dice.js';
import type { GuestLedger } from './ledger.js';
import { SEED_MARGIN_MS } from './lifecycle.js';
import { DAY_WEIGHT, type LocalDay, type VenuePlan } from './venue-plan.js';

/** Days before today that still have waitlist entries. */
export const WAITLIST_DAYS = 6;

const MINUTE = 60_000;
const QUOTES = [10, 15, 20, 30, 45, 60];
const PARTY = new WeightedList<number>([
  [1, 8],
  [2, 50],
  [3, 15],
  [4, 20],
  [5, 4],
  [6, 3],
]);
const ENDED = new WeightedList<WaitlistRecord['status']>([
  ['SEATED', 60],
  ['LEFT', 25],
  ['CANCELED', 15],
]);

export interface WaitlistOptions {
  plan: VenuePlan;
  day: LocalDay;
  nowMs: number;
  occupancy: number;
  dice: Dice;
  faker: Faker;
  ids: IdFactory;
  ledger: GuestLedger;
  contacts: ContactBook;
  out: WaitlistRecord[];
}

/** Adds one venue-evening's waitlist (entries after now are not created: they have not happened). */
export function addWaitlistDay(o: WaitlistOptions): void {
  const { dice, day } = o;
  const shifts = o.plan.byWeekday[day.weekday] ?? [];
  const evening = shifts.find((s) => s.shift.category === 'DINNER') ?? shifts[shifts.length - 1];
  if (!evening) return;
  const { startMin, endMin } = evening.shift;
  const latest = o.nowMs - SEED_MARGIN_MS;
  const count = Math.round((DAY_WEIGHT[day.weekday] ?? 1) * 10 * o.occupancy * (0.6 + 0.8 * dice.u()));
  for (let i = 0; i < count; i++) {
    const createdMs =
      day.utc(dice.int(startMin + 45, Math.max(startMin + 45, endMin - 30))) + dice.int(0, 59_999);
    if (createdMs > latest) continue;
    const quoted = dice.pick(QUOTES);
    const waiting = createdMs > latest - 45 * MINUTE;
    const status = waiting ? 'WAITING' : ENDED.draw(dice);
    const guest = dice.chance(0.5) ? o.ledger.pick(dice) : null;
    const firstName = guest?.firstName ?? o.faker.person.firstName();
    const lastName = guest?.lastName ?? o.faker.person.lastName();
    o.out.push({
      seq: 0,
      id: o.ids.key('nightloop_WaitlistEntry'),
      venueId: o.plan.venue.id,
      venueGroupId: o.plan.venue.venueGroupId,
      clientId: guest?.id ?? null,
      date: day.date,
      firstName,
      lastName,
      phone: guest ? guest.phone : dice.chance(0.7) ? o.contacts.phone() : null,
      email: guest?.email ?? null,
      partySize: PARTY.draw(dice),
      quotedWaitMinutes: quoted,
      status,
      notes: null,
      reservationId: null,
      createdMs,
      updatedMs: waiting ? createdMs : Math.min(latest, createdMs + dice.int(5, quoted + 15) * MINUTE),
    });
  }
}
