/**
 * The read models the dashboard (/_mock/ui) is drawn from: venue layouts, a venue's day, the
 * availability grid and a reservation's history. Venue-side actions go through the existing
 * venue-action operations; nothing here changes state.
 */
import { badRequest, notFound } from '../errors.js';
import type { Channel, Venue } from '../domain/model.js';
import { venueLocal } from '../domain/time.js';
import { availabilityGrid } from '../dashboard/availability-grid.js';
import { daySheet } from '../dashboard/day-sheet.js';
import { eventHubFor } from '../dashboard/event-hub.js';
import { reservationHistory } from '../dashboard/reservation-history.js';
import { venueLayout } from '../dashboard/venue-layout.js';
import { CONTROL_SPEC_PATH, loadSpec } from '../spec/load-spec.js';
import { listOperations } from '../spec/operations.js';
import { listScenarios } from '../seed/scenario.js';
import type { ControlDeps, ControlHandlerTable } from './context.js';
import { streamEvents } from './events-stream.js';

function venueOf(deps: ControlDeps, id: string): Venue {
  const venue = deps.catalog.venues.get(id);
  if (!venue) throw notFound(`Venue ${id} not found`);
  return venue;
}

/** The date asked for, or the venue's today. */
function dateFor(deps: ControlDeps, venue: Venue, query: Record<string, unknown>): string {
  if (query.date === undefined) return venueLocal(deps.clock.now(), venue.timeZone).date;
  const date = String(query.date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw badRequest(`date must be YYYY-MM-DD; got ${date}`);
  return date;
}

/** What this control plane can do, so the page shows only buttons that work (operations arrive with other issues). */
function features() {
  return listOperations(loadSpec(CONTROL_SPEC_PATH).doc).map((op) => ({
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
  }));
}

export const dashboardHandlers: ControlHandlerTable = {
  listVenueLayouts({ c, deps }) {
    const now = deps.clock.now();
    return c.json({
      clock: eventHubFor(deps).clockPulse(),
      venues: [...deps.catalog.venues.values()].map((v) => venueLayout(v, now)),
      features: features(),
      scenarios: listScenarios(),
    });
  },

  getVenueDay({ c, deps, params, query }) {
    const venue = venueOf(deps, params.venue_id!);
    return c.json(daySheet(deps.store, venue, dateFor(deps, venue, query)));
  },

  getAvailabilityGrid({ c, deps, params, query }) {
    const venue = venueOf(deps, params.venue_id!);
    const channel = (query.channel === undefined ? 'RESERVATIONS_API' : String(query.channel)) as Channel;
    return c.json(availabilityGrid(deps.store, venue, dateFor(deps, venue, query), channel));
  },

  getReservationHistory({ c, deps, params }) {
    const record = deps.store.findReservation(params.reservation_id!);
    if (!record) throw notFound(`Reservation ${params.reservation_id} not found`);
    return c.json(
      reservationHistory(deps.store, record, {
        changes: eventHubFor(deps).historyOf(record.id),
        webhooks: deps.webhooks,
        journal: deps.journal,
      }),
    );
  },

  streamEvents,
};
