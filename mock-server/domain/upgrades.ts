import { badRequest, conflict, notFound } from '../errors.js';
import type { ReservationRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Concierge, Venue } from './model.js';
import type { Upgrade, UpgradeCategory } from './pricing-model.js';

/** One chosen upgrade and how many. */
export interface UpgradeLine {
  upgrade: Upgrade;
  category: UpgradeCategory;
  quantity: number;
}

/** What a reservation took from the upgrade inventories; kept in the `upgradeSelections` collection. */
export interface UpgradeSelectionRecord {
  /** The reservation's id: one selection per reservation. */
  id: string;
  venueId: string;
  lines: { upgradeId: string; quantity: number }[];
}

const SELECTIONS = 'upgradeSelections';
const MAX_LINES = 50;
const MAX_QUANTITY = 100;

export const selectionsOf = (store: Store) => store.collections.of<UpgradeSelectionRecord>(SELECTIONS);

/** The upgrade categories of the venues a concierge books, optionally of one venue only. */
export function categoriesForConcierge(
  store: Store,
  concierge: Concierge,
  venueId?: string,
): UpgradeCategory[] {
  const venueIds = venueId === undefined ? concierge.venueIds : [venueId];
  return venueIds.flatMap((id) => store.catalog.venues.get(id)?.upgradeCategories ?? []);
}

/** A category of one of the concierge's venues; any other id is the documented 404. */
export function categoryForConcierge(
  store: Store,
  concierge: Concierge,
  categoryId: string,
): UpgradeCategory {
  const category = categoriesForConcierge(store, concierge).find((c) => c.id === categoryId);
  if (!category) throw notFound('No Upgrade Category found for the given upgrade_category_id.');
  return category;
}

export function upgradeInCategory(category: UpgradeCategory, upgradeId: string): Upgrade {
  const upgrade = category.upgrades.find((u) => u.id === upgradeId);
  if (!upgrade) throw notFound('No Upgrade found for the given upgrade_id in this upgrade category.');
  return upgrade;
}

/**
 * Reads a list of `{upgrade_id, quantity}` as clients send it in a form field: a JSON array of
 * objects, a JSON object `{"<upgrade_id>": quantity}`, or `id:qty,id:qty` (quantity defaults to 1).
 * Repeated ids add up. Every problem is a 400 naming `field`.
 */
export function parseUpgradeList(value: string, field: string): Map<string, number> {
  const text = value.trim();
  const pairs: [unknown, unknown][] = [];
  if (text === '' || text === '[]' || text === '{}') return new Map();
  if (text.startsWith('[') || text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badRequest(
        `${field} must be a JSON list of {"upgrade_id", "quantity"} objects or id:quantity pairs`,
      );
    }
    if (Array.isArray(parsed)) {
      for (const item of parsed) {
        if (!item || typeof item !== 'object')
          throw badRequest(`${field}: every item must be an object with upgrade_id and quantity`);
        const { upgrade_id: id, quantity } = item as Record<string, unknown>;
        pairs.push([id, quantity ?? 1]);
      }
    } else if (parsed && typeof parsed === 'object') {
      pairs.push(...Object.entries(parsed as Record<string, unknown>));
    }
  } else {
    for (const part of text.split(',')) {
      const [id, quantity] = part.trim().split(':');
      pairs.push([id, quantity === undefined ? 1 : Number(quantity)]);
    }
  }
  if (pairs.length > MAX_LINES) throw badRequest(`${field} may name at most ${MAX_LINES} upgrades`);
  const out = new Map<string, number>();
  for (const [id, quantity] of pairs) {
    if (typeof id !== 'string' || id.trim() === '') throw badRequest(`${field}: an item has no upgrade_id`);
    const q = typeof quantity === 'string' ? Number(quantity) : quantity;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > MAX_QUANTITY) {
      throw badRequest(`${field}: quantity for ${id} must be a whole number from 1 to ${MAX_QUANTITY}`);
    }
    out.set(id.trim(), (out.get(id.trim()) ?? 0) + q);
  }
  return out;
}

/**
 * Resolves chosen upgrade ids against the venue and checks each category's quantity rules for the
 * party size (a category's minimum applies once anything from it is chosen). 400s name `field`.
 */
export function resolveUpgradeLines(
  venue: Venue,
  chosen: ReadonlyMap<string, number>,
  partySize: number,
  field: string,
): UpgradeLine[] {
  const lines: UpgradeLine[] = [];
  for (const [id, quantity] of chosen) {
    const category = venue.upgradeCategories.find((c) => c.upgrades.some((u) => u.id === id));
    if (!category) throw badRequest(`${field}: upgrade ${id} is not offered at this venue`);
    lines.push({ upgrade: category.upgrades.find((u) => u.id === id)!, category, quantity });
  }
  for (const category of venue.upgradeCategories) {
    const total = lines.filter((l) => l.category === category).reduce((sum, l) => sum + l.quantity, 0);
    if (total === 0) continue;
    const max = maxQuantity(category, partySize);
    if (max !== null && total > max)
      throw badRequest(`${field}: at most ${max} from ${category.name} for a party of ${partySize}`);
    const min = minQuantity(category, partySize);
    if (total < min) throw badRequest(`${field}: at least ${min} from ${category.name} once any is chosen`);
  }
  return lines;
}

export function maxQuantity(category: UpgradeCategory, partySize: number): number | null {
  if (category.maxQuantityType === 'SPECIFIC_NUMBER') return category.maxQuantityInt;
  if (category.maxQuantityType === 'NUMBER_OF_GUESTS') return partySize;
  return null;
}

export function minQuantity(category: UpgradeCategory, partySize: number): number {
  if (category.minQuantityType === 'SPECIFIC_NUMBER') return category.minQuantityInt;
  if (category.minQuantityType === 'NUMBER_OF_GUESTS') return partySize;
  return 0;
}

/**
 * Units of `upgrade` taken on `date` by reservations that still stand (cancelled ones gave theirs
 * back), leaving out `ignoreReservationId` (a booking being changed).
 */
export function unitsTaken(
  store: Store,
  upgrade: Upgrade,
  date: string,
  ignoreReservationId?: string,
): number {
  let taken = 0;
  const selections = selectionsOf(store);
  for (const selection of selections.values()) {
    if (selection.venueId !== upgrade.venueId || selection.id === ignoreReservationId) continue;
    const reservation = store.reservations.get(selection.id);
    // A hard-deleted reservation gave its units back for good; forget its selection.
    if (!reservation) selections.delete(selection.id);
    if (!reservation || reservation.status === 'CANCELED' || reservation.date !== date) continue;
    for (const line of selection.lines) if (line.upgradeId === upgrade.id) taken += line.quantity;
  }
  return taken;
}

/** Units still for sale on `date`; null when the upgrade has no inventory limit. */
export function unitsLeft(
  store: Store,
  upgrade: Upgrade,
  date: string,
  ignoreReservationId?: string,
): number | null {
  if (upgrade.dailyInventory === null) return null;
  return Math.max(0, upgrade.dailyInventory - unitsTaken(store, upgrade, date, ignoreReservationId));
}

/** Refuses lines that ask for more than is left on `date`: 409 for a booking, 400 for a quote. */
export function checkInventory(
  store: Store,
  lines: readonly UpgradeLine[],
  date: string,
  field: string,
  kind: 'booking' | 'quote',
  ignoreReservationId?: string,
): void {
  for (const line of lines) {
    const left = unitsLeft(store, line.upgrade, date, ignoreReservationId);
    if (left !== null && line.quantity > left) {
      const msg = `${field}: ${line.upgrade.name} has ${left} left on ${date}; ${line.quantity} requested`;
      throw kind === 'booking' ? conflict(msg) : badRequest(msg);
    }
  }
}

/** Stores what a reservation took (replacing an earlier selection); an empty list removes it. */
export function recordSelection(
  store: Store,
  reservation: ReservationRecord,
  lines: readonly UpgradeLine[],
): void {
  const selections = selectionsOf(store);
  if (lines.length === 0) {
    selections.delete(reservation.id);
    return;
  }
  selections.set(reservation.id, {
    id: reservation.id,
    venueId: reservation.venueId,
    lines: lines.map((l) => ({ upgradeId: l.upgrade.id, quantity: l.quantity })),
  });
}
