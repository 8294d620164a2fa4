/**
 * Point-of-sale checks of a visit, rung up from the venue's menu. A reservation stores only what
 * decides its checks — `posSpend` (the party's spend level, cents per cover) and `posCovers` — and
 * the checks are rebuilt from those and the reservation's id whenever they are rendered, so 200k
 * seeded visits do not carry a million line items in memory. Amounts here are integer cents.
 */
import { menuFor, type MenuItem, type VenueMenu } from '../fixtures/load-menus.js';
import type { ReservationRecord } from '../store/records.js';
import type { Venue } from './model.js';
import { hashSeed, RecordDice } from './record-dice.js';

/** Spend levels the seeder and the venue-side "complete" draw from, in cents per cover. */
export const SPEND_LEVEL_MIN = 4_500;
export const SPEND_LEVEL_MAX = 12_000;
/** A check always reaches this share of the spend level (topped up with drinks), so a deposit is always used up. */
export const SPEND_FLOOR_SHARE = 0.6;

const TICKET_SALT = 0x70_05;

export interface PosLine {
  item: MenuItem;
  quantity: number;
  /** Units given on the house (their value counts in `comps`, not in the subtotal). */
  comped: number;
}

export interface PosCheck {
  code: string;
  lines: PosLine[];
  subtotal: number;
  tax: number;
  serviceCharge: number;
  adminFee: number;
  tip: number;
  total: number;
  comps: number;
}

/** Sums over a visit's checks, in cents. */
export interface PosSums {
  subtotal: number;
  tax: number;
  /** Tips, service charges and admin fees: everything on a check above food, drink and tax. */
  gratuity: number;
  total: number;
  comps: number;
}

/** The spend level that makes a visit's checks cover a deposit of `prepaymentCents` (see {@link SPEND_FLOOR_SHARE}). */
export function spendLevelCovering(drawn: number, prepaymentCents: number, covers: number): number {
  return Math.max(drawn, Math.ceil(prepaymentCents / Math.max(1, covers) / SPEND_FLOOR_SHARE));
}

/** A spend level drawn from the reservation's id, for visits completed through the API or control API. */
export function spendLevelFor(reservationId: string): number {
  const dice = new RecordDice(hashSeed(reservationId, 0x5_9e7d));
  return dice.int(SPEND_LEVEL_MIN, SPEND_LEVEL_MAX);
}

/** The checks of a reservation with a linked POS visit, or `[]` when none is linked. */
export function posChecksOf(r: ReservationRecord, venue: Venue | undefined): PosCheck[] {
  if (r.posSpend === null || r.posSpend === undefined || !venue) return [];
  return ringUp(menuFor(venue), r.id, r.posSpend, r.posCovers ?? r.partySize);
}

export function sumChecks(checks: readonly PosCheck[]): PosSums {
  const sums: PosSums = { subtotal: 0, tax: 0, gratuity: 0, total: 0, comps: 0 };
  for (const c of checks) {
    sums.subtotal += c.subtotal;
    sums.tax += c.tax;
    sums.gratuity += c.tip + c.serviceCharge + c.adminFee;
    sums.total += c.total;
    sums.comps += c.comps;
  }
  return sums;
}

/**
 * What a party of `covers` at spend level `spend` ordered: a main each, starters, desserts and
 * drinks more likely the higher the level, bottles shared at the table, sometimes something on the
 * house; parties of six or more sometimes split the bill in two.
 */
export function ringUp(menu: VenueMenu, reservationId: string, spend: number, covers: number): PosCheck[] {
  const dice = new RecordDice(hashSeed(reservationId, TICKET_SALT));
  const level = Math.min(1, Math.max(0, (spend - SPEND_LEVEL_MIN) / (SPEND_LEVEL_MAX - SPEND_LEVEL_MIN)));
  const lines: PosLine[] = [];
  const add = (list: readonly MenuItem[], quantity = 1) => {
    if (list.length === 0) return;
    // The pricier of two picks, more often at a higher spend level.
    let item = dice.pick(list);
    const other = dice.pick(list);
    if (other.price > item.price && dice.chance(level)) item = other;
    const line = lines.find((l) => l.item === item);
    if (line) line.quantity += quantity;
    else lines.push({ item, quantity, comped: 0 });
  };
  const party = Math.max(1, covers);
  for (let i = 0; i < party; i++) {
    add(menu.mains);
    if (dice.chance(0.4 + 0.35 * level)) add(menu.starters);
    if (dice.chance(0.2 + 0.35 * level)) add(menu.desserts);
    if (dice.chance(0.12)) add(menu.softDrinks);
    else {
      const drinks = dice.chance(0.25 + 0.45 * level) ? 2 : 1;
      for (let d = 0; d < drinks; d++) {
        const x = dice.u();
        add(x < 0.35 ? menu.cocktails : x < 0.75 ? menu.glasses : menu.beers);
      }
    }
  }
  for (let i = 0; i < Math.ceil(party / 2); i++) if (dice.chance(0.45)) add(menu.sides);
  if (party >= 2 && dice.chance(0.15 + 0.55 * level)) add(menu.bottles, 1 + Math.floor((party * level) / 3));
  if (dice.chance(0.07)) {
    const treat = lines.find((l) => l.item.category === 'Desserts') ?? lines.at(-1);
    if (treat) treat.comped = 1;
  }
  const floor = Math.round(party * spend * SPEND_FLOOR_SHARE);
  for (let guard = 0; subtotalOf(lines) < floor && guard < 200 && menu.topUps.length > 0; guard++)
    add(menu.topUps);

  const split = party >= 6 && lines.length >= 2 && dice.chance(0.3);
  const groups = split ? [lines.filter((_, i) => i % 2 === 0), lines.filter((_, i) => i % 2 === 1)] : [lines];
  const large = party >= menu.rules.large_party_min_covers;
  const servicePct = large
    ? menu.rules.large_party_service_charge_percent
    : menu.rules.service_charge_percent;
  const firstCode = dice.int(100_000, 989_999);
  return groups.map((group, i) => {
    const subtotal = subtotalOf(group);
    const tax = Math.round((subtotal * menu.rules.tax_percent) / 100);
    const serviceCharge = Math.round((subtotal * servicePct) / 100);
    const adminFee = Math.round((subtotal * menu.rules.admin_fee_percent) / 100);
    const tipPct = servicePct > 0 ? 0 : dice.int(menu.rules.tip_percent_min, menu.rules.tip_percent_max);
    const tip = Math.round((subtotal * tipPct) / 100);
    const comps = group.reduce((s, l) => s + l.comped * cents(l.item.price), 0);
    return {
      code: String(firstCode + i),
      lines: group,
      subtotal,
      tax,
      serviceCharge,
      adminFee,
      tip,
      total: subtotal + tax + serviceCharge + adminFee + tip,
      comps,
    };
  });
}

const cents = (price: number) => Math.round(price * 100);

function subtotalOf(lines: readonly PosLine[]): number {
  let s = 0;
  for (const l of lines) s += (l.quantity - l.comped) * cents(l.item.price);
  return s;
}
