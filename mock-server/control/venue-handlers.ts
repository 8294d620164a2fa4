import { notFound } from '../errors.js';
import type { Venue } from '../domain/model.js';
import { changeStatus, moveTables, parseStatus } from '../domain/reservations.js';
import {
  addToWaitlist,
  addWalkIn,
  removeFromWaitlist,
  reservationAtVenue,
  seatFromWaitlist,
  seatParty,
} from '../domain/venue-actions.js';
import { renderWaitlistEntry } from '../render/waitlist.js';
import type { ControlDeps, ControlHandlerTable } from './context.js';

function venueOf(deps: ControlDeps, id: string): Venue {
  const venue = deps.catalog.venues.get(id);
  if (!venue) throw notFound(`Venue ${id} not found`);
  return venue;
}

const tables = (body: Record<string, unknown>) =>
  Array.isArray(body.table_numbers) ? (body.table_numbers as string[]) : undefined;
const text = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string) : undefined;

export const venueActionHandlers: ControlHandlerTable = {
  setReservationStatus({ c, deps, params, body }) {
    const venue = venueOf(deps, params.venue_id!);
    const r = reservationAtVenue(deps.store, venue, params.reservation_id!);
    changeStatus(deps.store, r, parseStatus(text(body, 'status'), venue)!);
    return c.json(deps.store.renderReservation(r));
  },

  seatReservation({ c, deps, params, body }) {
    const r = reservationAtVenue(deps.store, venueOf(deps, params.venue_id!), params.reservation_id!);
    seatParty(deps.store, r, tables(body));
    return c.json(deps.store.renderReservation(r));
  },

  assignTables({ c, deps, params, body }) {
    const r = reservationAtVenue(deps.store, venueOf(deps, params.venue_id!), params.reservation_id!);
    moveTables(deps.store, r, tables(body) ?? []);
    return c.json(deps.store.renderReservation(r));
  },

  addWalkIn({ c, deps, params, body }) {
    const r = addWalkIn(deps.store, venueOf(deps, params.venue_id!), {
      partySize: body.party_size as number,
      firstName: text(body, 'first_name'),
      lastName: text(body, 'last_name'),
      phone: text(body, 'phone'),
      email: text(body, 'email'),
      tableNumbers: tables(body),
      notes: text(body, 'notes'),
    });
    return c.json(deps.store.renderReservation(r), 201);
  },

  addWaitlistEntry({ c, deps, params, body }) {
    const entry = addToWaitlist(deps.store, venueOf(deps, params.venue_id!), {
      partySize: body.party_size as number,
      firstName: text(body, 'first_name')!,
      lastName: text(body, 'last_name')!,
      phone: text(body, 'phone'),
      email: text(body, 'email'),
      quotedWaitMinutes: typeof body.quoted_wait_time === 'number' ? body.quoted_wait_time : undefined,
      notes: text(body, 'notes'),
    });
    return c.json(renderWaitlistEntry(entry), 201);
  },

  seatWaitlistEntry({ c, deps, params, body }) {
    const { reservation } = seatFromWaitlist(
      deps.store,
      venueOf(deps, params.venue_id!),
      params.entry_id!,
      tables(body),
    );
    return c.json(deps.store.renderReservation(reservation));
  },

  removeWaitlistEntry({ c, deps, params }) {
    const entry = removeFromWaitlist(deps.store, venueOf(deps, params.venue_id!), params.entry_id!, 'LEFT');
    return c.json(renderWaitlistEntry(entry));
  },
};
