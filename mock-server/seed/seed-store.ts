/**
 * The seeder's entry point: fills a fresh store with guests, reservation history, future bookings,
 * deposits and waitlists for every venue group, deterministically from the server seed and the
 * clock's now. Records are built in memory and handed to the store in one {@link Store.adopt}, so
 * no change events fire (webhook subscribers see nothing on start-up or reset) and `seq` follows
 * `created` across all kinds, which is the order cursors page in.
 */
import { formatDay, dayNumber, venueLocal } from '../domain/time.js';
import type { VenueGroup } from '../domain/model.js';
import { deriveSeed } from '../random.js';
import type { ChargeRecord, ClientRecord, ReservationRecord, WaitlistRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { ContactBook } from './contacts.js';
import { Dice } from './dice.js';
import { generateGuests } from './guests.js';
import { VenueHistory, type ForcedBooking } from './history.js';
import { GuestLedger } from './ledger.js';
import { guestLocaleFor, localeFaker } from './locale.js';
import { dayKey, resolvePlan, type ResolvedPlan, type SeedPlan } from './plan.js';
import { LocalDay, planVenue } from './venue-plan.js';
import { resolveVolume, type SeedVolume } from './volume.js';
import { addWaitlistDay, WAITLIST_DAYS } from './waitlist.js';
import { VisitExtras } from './visit-extras.js';
import { dressGuests } from './guest-extras.js';
import { makeTag } from '../domain/tags.js';

export { DEFAULT_VOLUME, parseVolume, VolumeError, type SeedVolume } from './volume.js';

export interface SeedOptions {
  seed: number;
  volume?: Partial<SeedVolume> | undefined;
  /** Scenario extras: filled shifts, forced bookings, opening days. */
  plan?: SeedPlan | undefined;
  /** Called after each venue-day, for a progress counter on large volumes (the CLI's, on a TTY). */
  progress?: ((progress: SeedProgress) => void) | undefined;
}

/** How far seeding got: venues finished of all, and reservations generated so far. */
export interface SeedProgress {
  venuesDone: number;
  venues: number;
  reservations: number;
}

/** What was generated (the benchmark and the CLI's start-up line print it). */
export interface SeedSummary {
  guests: number;
  reservations: number;
  charges: number;
  waitlist: number;
}

interface Sink {
  clients: ClientRecord[];
  reservations: ReservationRecord[];
  charges: ChargeRecord[];
  waitlist: WaitlistRecord[];
}

const NO_FILLS: ReadonlyMap<string, number> = new Map();

/**
 * Fills a fresh store with seeded guests and reservation history.
 *
 * @example
 * seedStore(store, { seed: 7, volume: { guests: 50, daysOfHistory: 14, daysAhead: 7 } });
 */
export function seedStore(store: Store, options: SeedOptions): SeedSummary {
  const volume = resolveVolume(options.volume);
  const nowMs = store.clock.now();
  const plan = resolvePlan(store.catalog, options.plan ?? {}, nowMs);
  const sink: Sink = { clients: [], reservations: [], charges: [], waitlist: [] };
  const venues = store.catalog.venues.size;
  let venuesDone = 0;
  const progress = options.progress
    ? (finishedVenue: boolean) => {
        if (finishedVenue) venuesDone++;
        options.progress!({ venuesDone, venues, reservations: sink.reservations.length });
      }
    : undefined;
  for (const group of store.catalog.venueGroups.values()) {
    seedGroup(store, group, { seed: options.seed, volume, plan, nowMs, sink, progress });
  }
  adoptInCreationOrder(store, sink);
  return {
    guests: sink.clients.length,
    reservations: sink.reservations.length,
    charges: sink.charges.length,
    waitlist: sink.waitlist.length,
  };
}

interface GroupContext {
  seed: number;
  volume: SeedVolume;
  plan: ResolvedPlan;
  nowMs: number;
  sink: Sink;
  progress: ((finishedVenue: boolean) => void) | undefined;
}

/**
 * One venue group: its guests (own Faker stream, so groups do not shift each other), then each
 * venue's days in date order (own dice stream per venue), then the guests' history-derived fields.
 */
function seedGroup(store: Store, group: VenueGroup, ctx: GroupContext): void {
  const { catalog } = store;
  const locale = guestLocaleFor(catalog, group, ctx.volume.locale);
  const groupSeed = deriveSeed(deriveSeed(ctx.seed, 'guests'), group.key);
  const faker = localeFaker(locale, groupSeed);
  const dice = new Dice(deriveSeed(groupSeed, 'dice'));
  const contacts = new ContactBook(dice, locale);
  const guestOptions = { venueGroupId: group.id, locale, faker, dice, ids: store.ids, contacts };
  const guests = generateGuests({ ...guestOptions, count: ctx.volume.guests });
  ctx.progress?.(false);

  // Forced bookings get their own guest: the one the scenario names, or a fresh face.
  const forcedByDay = new Map<string, ForcedBooking[]>();
  for (const venueId of group.venueIds) {
    for (const [key, list] of ctx.plan.bookings) {
      if (!key.startsWith(`${venueId}|`)) continue;
      forcedByDay.set(
        key,
        list.map(({ spec, startMin, status }) => {
          const [guest] = generateGuests({ ...guestOptions, count: 1 });
          if (spec.firstName) guest!.firstName = spec.firstName;
          if (spec.lastName) guest!.lastName = spec.lastName;
          if (spec.phone) guest!.phone = spec.phone;
          if (spec.email) guest!.email = spec.email.toLowerCase();
          guests.push(guest!);
          return {
            startMin,
            partySize: spec.partySize,
            status,
            guest: guest!,
            notes: spec.notes,
            tags: spec.tags?.map(makeTag),
            table: spec.table,
          };
        }),
      );
    }
  }

  const ledger = new GuestLedger(guests);
  const sink = ctx.sink;
  for (const venueId of group.venueIds) {
    const venue = catalog.venues.get(venueId)!;
    const plan = planVenue(venue);
    const venueDice = new Dice(deriveSeed(deriveSeed(ctx.seed, 'history'), venue.key));
    const concierges = [...catalog.concierges.values()].filter((c) => c.venueIds.includes(venue.id));
    const extrasDice = new Dice(deriveSeed(deriveSeed(ctx.seed, 'visit-extras'), venue.key));
    const history = new VenueHistory({
      plan,
      dice: venueDice,
      ids: store.ids,
      nowMs: ctx.nowMs,
      ledger,
      concierges,
      sink,
      occupancy: ctx.volume.occupancy,
      extras: new VisitExtras(venue, extrasDice, ctx.nowMs),
    });
    const today = dayNumber(venueLocal(ctx.nowMs, venue.timeZone).date)!;
    const opening = ctx.plan.openings.get(venue.id);
    const first = Math.max(today - ctx.volume.daysOfHistory, opening ? dayNumber(opening)! : -Infinity);
    const days = new Set<number>();
    for (let d = first; d <= today + ctx.volume.daysAhead; d++) days.add(d);
    for (const date of ctx.plan.extraDates.get(venue.id) ?? [])
      if (dayNumber(date)! >= first) days.add(dayNumber(date)!);
    for (const d of [...days].sort((a, b) => a - b)) {
      const day = new LocalDay(formatDay(d), venue.timeZone);
      const key = dayKey(venue.id, day.date);
      const forced = forcedByDay.get(key) ?? [];
      if (guests.length === 0 && forced.length === 0) continue;
      history.bookDay(day, ctx.plan.fills.get(key) ?? NO_FILLS, forced, guests.length > 0);
      ctx.progress?.(false);
      if (d <= today && d >= today - WAITLIST_DAYS && guests.length > 0) {
        addWaitlistDay({
          plan,
          day,
          nowMs: ctx.nowMs,
          occupancy: ctx.volume.occupancy,
          dice: venueDice,
          faker,
          ids: store.ids,
          ledger,
          contacts,
          out: sink.waitlist,
        });
      }
    }
    ctx.progress?.(true);
  }
  ledger.finish(dice, ctx.nowMs);
  dressGuests(guests, new Dice(deriveSeed(groupSeed, 'profile-extras')), locale);
  for (const g of guests) sink.clients.push(g);
}

/**
 * Numbers every record in order of `created` (stable, so equal instants keep generation order) and
 * hands them to the store without copying.
 */
function adoptInCreationOrder(store: Store, sink: Sink): void {
  type Seeded = ClientRecord | ReservationRecord | ChargeRecord | WaitlistRecord;
  const all: Seeded[] = [];
  for (const list of [sink.clients, sink.reservations, sink.charges, sink.waitlist] as Seeded[][])
    for (const r of list) all.push(r);
  all.sort((a, b) => a.createdMs - b.createdMs);
  let seq = 0;
  for (const r of all) r.seq = ++seq;
  const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
  store.adopt({
    version: 1,
    seq,
    clients: sink.clients.sort(bySeq),
    reservations: sink.reservations.sort(bySeq),
    holds: [],
    waitlist: sink.waitlist.sort(bySeq),
    charges: sink.charges.sort(bySeq),
    requests: [],
    tokens: [],
  });
}
