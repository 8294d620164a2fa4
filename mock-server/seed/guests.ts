/**
 * Seeded guest profiles (SevenRooms "clients") for one venue group. Names, company and street come
 * from the group's locale Faker; every other choice from cheap dice. Visit statistics, timestamps,
 * loyalty tier and history-derived tags are filled in later by {@link finishGuests}, once the
 * guest's reservations exist, so they always agree with them.
 */
import type { Faker } from '@faker-js/faker';
import { makeTag } from '../domain/tags.js';
import type { IdFactory } from '../domain/ids.js';
import type { ClientRecord, CustomField, Tag } from '../store/records.js';
import { companyDomain, type ContactBook } from './contacts.js';
import { WeightedList, type Dice } from './dice.js';
import type { GuestLocale } from './locale.js';

const frozenTag = (spec: string): Tag => Object.freeze(makeTag(spec));

/** Tags a guest may carry from the start, with the share of guests that carry each. */
const PROFILE_TAGS: readonly (readonly [Tag, number])[] = [
  [frozenTag('Dietary:Vegetarian'), 0.07],
  [frozenTag('Dietary:Gluten Free'), 0.04],
  [frozenTag('Dietary:Vegan'), 0.02],
  [frozenTag('Dietary:Shellfish Allergy'), 0.02],
  [frozenTag('Preferences:Window Seat'), 0.05],
  [frozenTag('Preferences:Quiet Table'), 0.03],
  [frozenTag('Preferences:Booth'), 0.03],
  [frozenTag('Occasion:Birthday'), 0.03],
];
const NO_GROUPS = Object.freeze([]) as unknown as string[];
const NO_FIELDS = Object.freeze([]) as unknown as CustomField[];

export const VIP_TAG = frozenTag('VIP:VIP');
export const REGULAR_TAG = frozenTag('Loyalty:Regular');

const GUEST_NOTES = [
  'Prefers a corner table',
  'Allergic to shellfish',
  'Knows the sommelier; likes to be offered the reserve list',
  'Sparkling water on arrival',
  'Needs step-free access',
  'Usually celebrates the anniversary with us',
  'Food critic; alert the chef',
];

const GENDER = new WeightedList<'MALE' | 'FEMALE' | null>([
  ['FEMALE', 48],
  ['MALE', 48],
  [null, 4],
]);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface GuestOptions {
  venueGroupId: string;
  count: number;
  locale: GuestLocale;
  faker: Faker;
  dice: Dice;
  ids: IdFactory;
  contacts: ContactBook;
}

/** Generates `count` guests; timestamps and statistics are placeholders until {@link finishGuests}. */
export function generateGuests(o: GuestOptions): ClientRecord[] {
  const out: ClientRecord[] = [];
  for (let i = 0; i < o.count; i++) out.push(generateGuest(o));
  return out;
}

function generateGuest({ venueGroupId, locale, faker, dice, ids, contacts }: GuestOptions): ClientRecord {
  const gender = GENDER.draw(dice);
  const sex = gender === 'MALE' ? 'male' : gender === 'FEMALE' ? 'female' : undefined;
  const firstName = faker.person.firstName(sex);
  const lastName = faker.person.lastName();
  const company = dice.chance(0.2) ? faker.company.name() : null;
  const workEmail = company !== null && dice.chance(0.4);
  const hasAddress = dice.chance(0.35);
  const town = hasAddress ? locale.towns.draw(dice) : null;
  const isVip = dice.chance(0.04);
  const clientTags: Tag[] = isVip ? [VIP_TAG] : [];
  for (const [tag, share] of PROFILE_TAGS) if (dice.chance(share)) clientTags.push(tag);
  const birthdayMonth = dice.chance(0.45) ? dice.int(1, 12) : null;
  const anniversaryMonth = dice.chance(0.15) ? dice.int(1, 12) : null;
  const loyaltyMember = dice.chance(0.25);
  return {
    seq: 0,
    id: ids.key('nightloop_VenueGroupClient'),
    venueGroupId,
    referenceCode: ids.referenceCode(),
    firstName,
    lastName,
    salutation: salutation(gender, dice),
    title: company !== null && dice.chance(0.3) ? faker.person.jobTitle() : null,
    gender,
    company,
    email: dice.chance(0.92)
      ? contacts.email(firstName, lastName, workEmail ? companyDomain(company, locale.companyTld) : null)
      : null,
    phone: contacts.phone(),
    phoneLocale: locale.country,
    address: town ? faker.location.streetAddress() : null,
    city: town?.city ?? null,
    state: town?.state ?? null,
    postalCode: town ? postalCode(town.postal, locale, faker, dice) : null,
    country: town ? locale.country : null,
    birthdayDay: birthdayMonth === null ? null : dice.int(1, MONTH_DAYS[birthdayMonth - 1]!),
    birthdayMonth,
    anniversaryDay: anniversaryMonth === null ? null : dice.int(1, MONTH_DAYS[anniversaryMonth - 1]!),
    anniversaryMonth,
    clientTags,
    notes: dice.chance(0.08) ? dice.pick(GUEST_NOTES) : null,
    isVip,
    marketingOptIn: dice.chance(0.45),
    marketingOptInMs: null,
    loyaltyId: loyaltyMember ? `LY${String(dice.int(0, 99_999_999)).padStart(8, '0')}` : null,
    loyaltyRank: null,
    loyaltyTier: null,
    preferredLanguageCode: 'en',
    externalUserId: null,
    privateNotes: null,
    memberGroups: NO_GROUPS,
    customFields: NO_FIELDS,
    venueStats: {},
    createdMs: 0,
    updatedMs: 0,
  };
}

function salutation(gender: 'MALE' | 'FEMALE' | null, dice: Dice): string | null {
  if (!dice.chance(0.4)) return null;
  if (dice.chance(0.08)) return 'Dr.';
  if (gender === 'MALE') return 'Mr.';
  if (gender === 'FEMALE') return dice.chance(0.5) ? 'Ms.' : 'Mrs.';
  return 'Mx.';
}

function postalCode(prefix: string, locale: GuestLocale, faker: Faker, dice: Dice): string {
  if (locale.country === 'GB') return faker.location.zipCode();
  return `${prefix}${String(dice.int(1, 99)).padStart(2, '0')}`;
}
