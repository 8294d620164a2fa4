/**
 * Phone numbers and e-mail addresses for seeded guests: valid E.164 numbers in the venue group's
 * country, unique within the group (the store finds guests by phone), and lowercase e-mails that
 * are unique within the group too (a numeric suffix settles collisions, as real sign-ups do).
 */
import type { Dice } from './dice.js';
import { WeightedList } from './dice.js';
import type { GuestLocale } from './locale.js';

/** New York area codes (NANP: area and exchange start with 2-9; exchanges avoid N11). */
const US_AREA_CODES = ['212', '646', '917', '718', '347', '929', '332', '201', '516', '914'];

/** Makes group-unique phone numbers and e-mails. One instance per venue group. */
export class ContactBook {
  readonly #phones = new Set<string>();
  readonly #emails = new Set<string>();
  readonly #dice: Dice;
  readonly #locale: GuestLocale;

  constructor(dice: Dice, locale: GuestLocale) {
    this.#dice = dice;
    this.#locale = locale;
  }

  /** A fresh E.164 number: +1 NXX NXX XXXX, or a UK mobile (+44 7…) / London landline (+44 20 …). */
  phone(): string {
    for (;;) {
      const candidate = this.#locale.country === 'GB' ? this.#ukPhone() : this.#usPhone();
      if (!this.#phones.has(candidate)) {
        this.#phones.add(candidate);
        return candidate;
      }
    }
  }

  #usPhone(): string {
    const d = this.#dice;
    let exchange = d.int(200, 999);
    if (exchange % 100 === 11) exchange += 1; // N11 codes are service numbers, never assigned
    return flatJoin('+1', d.pick(US_AREA_CODES), String(exchange), String(d.int(0, 9999)).padStart(4, '0'));
  }

  #ukPhone(): string {
    const d = this.#dice;
    if (d.chance(0.25))
      return flatJoin('+4420', d.pick(['7', '8']), String(d.int(0, 9_999_999)).padStart(7, '0'));
    // 071-075 and 077-079 are mobile ranges; 076 is pagers.
    const prefix = d.pick(['71', '72', '73', '74', '75', '77', '78', '79']);
    return flatJoin('+44', prefix, String(d.int(0, 99_999_999)).padStart(8, '0'));
  }

  /** A lowercase address built from the name, in one of the shapes people actually use. */
  email(first: string, last: string, companyDomain: string | null): string {
    const d = this.#dice;
    const f = asciiSlug(first) || 'guest';
    const l = asciiSlug(last) || 'diner';
    const domain = companyDomain ?? this.#locale.emailDomains.draw(d);
    const local = LOCAL_SHAPES.draw(d)(f, l, d);
    let address = flatJoin(local, '@', domain);
    for (let n = 2; this.#emails.has(address); n++) address = flatJoin(local, String(n), '@', domain);
    this.#emails.add(address);
    return address;
  }
}

const LOCAL_SHAPES = new WeightedList<(f: string, l: string, d: Dice) => string>([
  [(f, l) => `${f}.${l}`, 40],
  [(f, l) => `${f}${l}`, 15],
  [(f, l) => `${f[0]}${l}`, 15],
  [(f, l) => `${f}_${l}`, 8],
  [(f, l, d) => `${f}.${l}${d.int(60, 99)}`, 12],
  [(f, l, d) => `${f}${d.int(1, 999)}`, 10],
]);

/**
 * Concatenates into one flat string. `a + b` (and template literals) of 13 characters or more make
 * V8 keep a rope of pointers that outlives the string's use; `join` writes the characters once.
 * With a hundred thousand guests that is ~10 MB of resident memory.
 */
export function flatJoin(...parts: string[]): string {
  return parts.join('');
}

/** Lowercase ASCII letters only: drops accents, apostrophes, spaces and hyphens. */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** `acme.com` from "Acme, Schmidt and Sons": the first word of a company name. */
export function companyDomain(company: string, tld: string): string {
  return `${asciiSlug(company.split(/[\s,-]/)[0] ?? company) || 'company'}.${tld}`;
}
