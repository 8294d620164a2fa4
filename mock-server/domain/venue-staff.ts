/**
 * The servers who work at a venue: the names `served_by` and a POS check's `employee_name` show.
 * Built once per venue from its key (not from the server seed), so a venue keeps its team across
 * seeds and resets, the way a real floor team outlives any one night.
 */
import { createFaker } from '../faker-instances.js';
import { deriveSeed } from '../random.js';
import type { Venue } from './model.js';

const TEAM_SIZE = 9;
const teams = new WeakMap<Venue, readonly string[]>();

export function serversOf(venue: Venue): readonly string[] {
  let team = teams.get(venue);
  if (team) return team;
  const faker = createFaker(
    venue.profile.country === 'GB' ? 'en_GB' : 'en_US',
    deriveSeed(7, `staff:${venue.key}`),
  );
  const names: string[] = [];
  while (names.length < TEAM_SIZE) {
    const name = `${faker.person.firstName()} ${faker.person.lastName()}`;
    if (!names.includes(name)) names.push(name);
  }
  teams.set(venue, (team = Object.freeze(names)));
  return team;
}
