// Floor: each seating area with its tables, coloured by what they are doing at the mock's now.
import { h } from 'preact';
import htm from 'htm';
import { get } from '../api.js';
import { STATE_LABELS, count, hhmm } from '../format.js';
import { useLive } from '../live.js';
import { WalkInForm } from './walk-in.js';

const html = htm.bind(h);
export const DAY_EVENTS = ['change', 'journal', 'clock', 'control'];

export function useDay(venue, date) {
  const query = date ? `?date=${date}` : '';
  return useLive(() => get(`/venues/${venue.id}/day${query}`), [venue.id, date], DAY_EVENTS);
}

function Tile({ table, spot, booking, hold, select }) {
  const size = table.maxCovers >= 8 ? 'xl' : table.maxCovers >= 5 ? 'lg' : table.maxCovers >= 3 ? 'md' : 'sm';
  const clickable = Boolean(booking);
  return html`
    <button
      class=${`table-tile size-${size} state-${spot.state}`}
      data-testid=${`table-${table.number}`}
      data-state=${spot.state}
      disabled=${!clickable && !hold}
      title=${`${table.number}: ${STATE_LABELS[spot.state]} — ${spot.label}`}
      onClick=${() => booking && select(booking.id)}
    >
      <div class="tile-head">
        <span class="tile-number">${table.number}</span>
        <span class="tile-covers">${table.minCovers}–${table.maxCovers}</span>
      </div>
      <div class="tile-state">
        ${STATE_LABELS[spot.state]}${spot.state === 'late' ? ` +${spot.minutes}m` : ''}
      </div>
      ${
        spot.state !== 'free' || booking
          ? html`<div class="tile-label">${spot.label}</div>`
          : html`<div class="tile-label faint">${spot.label}</div>`
      }
      ${booking && spot.state !== 'free' && html`<div class="tile-ref" data-testid="tile-ref">${booking.referenceCode}</div>`}
      ${hold && html`<div class="tile-ref">expires in ${hold.expiresInSec}s</div>`}
    </button>
  `;
}

export function FloorView({ venue, select, toast }) {
  const day = useDay(venue, null);
  const data = day.data;
  if (!data) return html`<p class="muted">Loading the floor…</p>`;
  const byId = new Map(data.reservations.map((r) => [r.id, r]));
  const holds = new Map(data.holds.map((x) => [x.id, x]));
  const spots = new Map((data.floor ?? []).map((s) => [s.tableId, s]));
  const counts = {};
  for (const s of data.floor ?? []) counts[s.state] = (counts[s.state] ?? 0) + 1;
  const active = data.reservations.filter((r) => !['CANCELED', 'NO_SHOW', 'COMPLETE'].includes(r.status));
  const covers = active.reduce((n, r) => n + r.partySize, 0);
  return html`
    <section class="view floor" data-testid="view-floor">
      <div class="view-head">
        <div>
          <h1>${venue.name}</h1>
          <p class="muted">
            ${`${data.date} at ${hhmm(data.nowMin ?? 0)} · ${count(active.length, 'booking')} today, ${count(covers, 'cover')} · ${count(data.holds.length, 'live hold')}`}
          </p>
        </div>
        <div class="legend">
          ${Object.entries(STATE_LABELS).map(
            ([state, label]) =>
              html`<span class=${`legend-item state-${state}`}
                ><span class="swatch"></span>${label} <b>${counts[state] ?? 0}</b></span
              >`,
          )}
        </div>
      </div>
      <div class="areas">
        ${venue.seatingAreas.map(
          (area) => html`
            <div class="area card" style=${{ flexGrow: area.tables.length }}>
              <h2>${area.name} <span class="muted small">${area.tables.length} tables</span></h2>
              <div class="tiles">
                ${area.tables.map((t) => {
                  const spot = spots.get(t.id) ?? {
                    state: 'free',
                    label: '',
                    reservationId: null,
                    holdId: null,
                  };
                  return html`<${Tile}
                    table=${t}
                    spot=${spot}
                    booking=${spot.reservationId ? byId.get(spot.reservationId) : null}
                    hold=${spot.holdId ? holds.get(spot.holdId) : null}
                    select=${select}
                  />`;
                })}
              </div>
            </div>
          `,
        )}
      </div>
      <${WalkInForm} venue=${venue} toast=${toast} />
    </section>
  `;
}
