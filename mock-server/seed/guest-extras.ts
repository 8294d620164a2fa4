/**
 * Profile fields CRM and analytics integrations read that the booking history does not decide:
 * private notes, membership groups, custom fields, the preferred language and, on a share of guests,
 * the id another system (a CRM, a loyalty platform) knows them by. Drawn from a stream of their own
 * after the history, so they never move the guests or bookings the rest of the seed draws.
 */
import type { ClientRecord } from '../store/records.js';
import { CLIENT_FIELDS, CustomFieldDraw } from './custom-fields.js';
import { WeightedList, type Dice } from './dice.js';
import type { GuestLocale } from './locale.js';

const PRIVATE_NOTES = [
  'Complained about the wait last visit; seat promptly',
  'Investor in the group; comp a glass of champagne',
  'Disputed a card charge once; take a card at booking',
  'Friend of the chef',
  'Regular at the bar; knows the staff by name',
  'Has asked not to be seated near the kitchen door',
];

const LANGUAGES = new WeightedList<string>([
  ['en', 84],
  ['es', 5],
  ['fr', 4],
  ['de', 2],
  ['it', 2],
  ['zh', 1.5],
  ['ja', 1.5],
]);

/** Membership groups a guest may belong to, each list shared by every guest in it. */
const MEMBER_GROUPS: readonly (readonly [string[], number])[] = [
  [Object.freeze(['Wine Club']) as string[], 0.04],
  [Object.freeze(["Chef's Table Society"]) as string[], 0.015],
  [Object.freeze(['Wine Club', "Chef's Table Society"]) as string[], 0.005],
];
const NO_GROUPS = Object.freeze([]) as unknown as string[];

export function dressGuests(guests: readonly ClientRecord[], dice: Dice, locale: GuestLocale): void {
  const fields = new CustomFieldDraw(CLIENT_FIELDS);
  const prefix = locale.country === 'GB' ? 'UKCRM' : 'CRM';
  for (const g of guests) {
    g.preferredLanguageCode = LANGUAGES.draw(dice);
    g.privateNotes = dice.chance(0.05) ? dice.pick(PRIVATE_NOTES) : null;
    g.customFields = fields.draw(dice);
    const x = dice.u();
    let acc = 0;
    g.memberGroups = NO_GROUPS;
    for (const [groups, share] of MEMBER_GROUPS) {
      acc += share;
      if (x < acc) {
        g.memberGroups = groups;
        break;
      }
    }
    if (g.externalUserId === null && dice.chance(0.15))
      g.externalUserId = `${prefix}-${String(dice.int(1_000_000, 9_999_999))}`;
  }
}
