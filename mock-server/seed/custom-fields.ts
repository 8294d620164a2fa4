/**
 * The venue-defined custom fields seeded records carry, and pools of their values. Each distinct
 * combination is built once and shared (frozen) by every record that carries it: writers always
 * assign a fresh array, so sharing is safe and 100k guests cost a few hundred small arrays.
 */
import type { CustomField } from '../store/records.js';
import type { Dice } from './dice.js';

interface FieldDefinition {
  system_name: string;
  name: string;
  values: readonly string[];
  /** Share of records that carry this field. */
  share: number;
}

export const CLIENT_FIELDS: readonly FieldDefinition[] = [
  {
    system_name: 'custom_wine_preference',
    name: 'Wine preference',
    values: ['Red, full-bodied', 'Crisp whites', 'Natural wines', 'Champagne', 'No alcohol'],
    share: 0.18,
  },
  {
    system_name: 'custom_referral_source',
    name: 'How they heard of us',
    values: ['Friend', 'Press review', 'Instagram', 'Hotel concierge', 'Walked past'],
    share: 0.12,
  },
  {
    system_name: 'custom_seating_preference',
    name: 'Seating preference',
    values: ['Banquette', 'Bar counter', 'Window', 'Terrace', 'Away from the kitchen'],
    share: 0.1,
  },
];

export const RESERVATION_FIELDS: readonly FieldDefinition[] = [
  {
    system_name: 'custom_occasion_details',
    name: 'Occasion details',
    values: ['Proposal; ring at dessert', 'Retirement dinner', 'Client dinner, bill to host', 'Graduation'],
    share: 0.05,
  },
  {
    system_name: 'custom_cake_order',
    name: 'Cake order',
    values: ['Chocolate, "Happy Birthday"', 'Lemon, no message', 'Bring own cake (cakeage)'],
    share: 0.03,
  },
];

const NONE = Object.freeze([]) as unknown as CustomField[];

/** Draws which fields a record carries and their values; returns a shared frozen array. */
export class CustomFieldDraw {
  readonly #fields: readonly FieldDefinition[];
  readonly #shared = new Map<string, CustomField[]>();
  readonly #single = new Map<string, CustomField>();

  constructor(fields: readonly FieldDefinition[]) {
    this.#fields = fields;
  }

  draw(dice: Dice): CustomField[] {
    let key = '';
    const picks: [number, number][] = [];
    this.#fields.forEach((f, i) => {
      if (!dice.chance(f.share)) return;
      const v = Math.floor(dice.u() * f.values.length);
      picks.push([i, v]);
      key += `${i}.${v};`;
    });
    if (picks.length === 0) return NONE;
    let list = this.#shared.get(key);
    if (!list) {
      list = Object.freeze(picks.map(([i, v]) => this.#field(i, v))) as CustomField[];
      this.#shared.set(key, list);
    }
    return list;
  }

  #field(i: number, v: number): CustomField {
    const key = `${i}.${v}`;
    let field = this.#single.get(key);
    if (!field) {
      const def = this.#fields[i]!;
      field = Object.freeze({
        system_name: def.system_name,
        name: def.name,
        value: def.values[v]!,
        display_order: i + 1,
      });
      this.#single.set(key, field);
    }
    return field;
  }
}
