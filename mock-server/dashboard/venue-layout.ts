/**
 * The dashboard's picture of a venue: its seating areas with their tables, and its shifts, read from
 * the catalog. Nothing here changes at run time.
 */
import { formatHHMM, venueLocal } from '../domain/time.js';
import type { Venue } from '../domain/model.js';

export interface TableLayout {
  id: string;
  number: string;
  minCovers: number;
  maxCovers: number;
}

export interface VenueLayout {
  id: string;
  key: string;
  name: string;
  venueGroupId: string;
  venueGroupName: string;
  timeZone: string;
  /** The venue-local date at the mock's now. */
  today: string;
  seatingAreas: { id: string; name: string; tables: TableLayout[] }[];
  shifts: {
    persistentId: string;
    name: string;
    category: string;
    days: string[];
    startTime: string;
    endTime: string;
    intervalMinutes: number;
  }[];
}

export function venueLayout(venue: Venue, nowMs: number): VenueLayout {
  return {
    id: venue.id,
    key: venue.key,
    name: String(venue.profile.name ?? venue.key),
    venueGroupId: venue.venueGroupId,
    venueGroupName: venue.venueGroupName,
    timeZone: venue.timeZone,
    today: venueLocal(nowMs, venue.timeZone).date,
    seatingAreas: venue.seatingAreas.map((area) => ({
      id: area.id,
      name: area.name,
      tables: venue.tables
        .filter((t) => t.seatingAreaId === area.id)
        .map((t) => ({ id: t.id, number: t.number, minCovers: t.minCovers, maxCovers: t.maxCovers })),
    })),
    shifts: venue.shifts.map((s) => ({
      persistentId: s.persistentId,
      name: s.name,
      category: s.category,
      days: [...s.days],
      startTime: formatHHMM(s.startMin),
      endTime: formatHHMM(s.endMin),
      intervalMinutes: s.intervalMinutes,
    })),
  };
}
