/**
 * Guest locales. A venue group's guests look like its city's diners: `auto` gives en_GB to a group
 * whose venues are all in the UK and en_US otherwise (the default world: Harbor in New York, Thames
 * in London). Everything locale-specific the generator touches lives in one record.
 */
import type { Faker } from '@faker-js/faker';
import { createFaker } from '../faker-instances.js';
import type { VenueGroup, Catalog } from '../domain/model.js';
import { WeightedList } from './dice.js';
import type { SeedLocale } from './volume.js';

export interface GuestLocale {
  id: 'en_US' | 'en_GB';
  /** ISO country of the guests' phones and addresses. */
  country: 'US' | 'GB';
  emailDomains: WeightedList<string>;
  /** Home towns near the venues, with state/county and a postal-code prefix. */
  towns: WeightedList<{ city: string; state: string | null; postal: string }>;
  companyTld: string;
}

const US: GuestLocale = {
  id: 'en_US',
  country: 'US',
  emailDomains: new WeightedList([
    ['gmail.com', 45],
    ['yahoo.com', 12],
    ['outlook.com', 10],
    ['icloud.com', 12],
    ['hotmail.com', 6],
    ['aol.com', 3],
    ['me.com', 2],
  ]),
  towns: new WeightedList([
    [{ city: 'New York', state: 'NY', postal: '100' }, 45],
    [{ city: 'Brooklyn', state: 'NY', postal: '112' }, 20],
    [{ city: 'Queens', state: 'NY', postal: '113' }, 6],
    [{ city: 'Jersey City', state: 'NJ', postal: '073' }, 8],
    [{ city: 'Hoboken', state: 'NJ', postal: '070' }, 5],
    [{ city: 'Stamford', state: 'CT', postal: '069' }, 4],
    [{ city: 'White Plains', state: 'NY', postal: '106' }, 4],
    [{ city: 'Boston', state: 'MA', postal: '021' }, 4],
    [{ city: 'Philadelphia', state: 'PA', postal: '191' }, 4],
  ]),
  companyTld: 'com',
};

const GB: GuestLocale = {
  id: 'en_GB',
  country: 'GB',
  emailDomains: new WeightedList([
    ['gmail.com', 40],
    ['hotmail.co.uk', 14],
    ['yahoo.co.uk', 10],
    ['outlook.com', 10],
    ['btinternet.com', 8],
    ['icloud.com', 12],
    ['sky.com', 4],
  ]),
  towns: new WeightedList([
    [{ city: 'London', state: null, postal: '' }, 70],
    [{ city: 'Richmond', state: 'Surrey', postal: '' }, 6],
    [{ city: 'Croydon', state: 'Surrey', postal: '' }, 5],
    [{ city: 'St Albans', state: 'Hertfordshire', postal: '' }, 5],
    [{ city: 'Brighton', state: 'East Sussex', postal: '' }, 5],
    [{ city: 'Oxford', state: 'Oxfordshire', postal: '' }, 4],
    [{ city: 'Cambridge', state: 'Cambridgeshire', postal: '' }, 5],
  ]),
  companyTld: 'co.uk',
};

/** The locale of a venue group's guests: the forced one, or by its venues' country. */
export function guestLocaleFor(catalog: Catalog, group: VenueGroup, locale: SeedLocale): GuestLocale {
  if (locale === 'en_GB') return GB;
  if (locale === 'en_US') return US;
  const countries = group.venueIds.map((id) => catalog.venues.get(id)?.profile.country);
  return countries.length > 0 && countries.every((c) => c === 'GB') ? GB : US;
}

/** A Faker for a locale, seeded for one stream; never the global instance. */
export function localeFaker(locale: GuestLocale, seed: number): Faker {
  return createFaker(locale.id === 'en_GB' ? 'en_GB' : 'en_US', seed);
}
