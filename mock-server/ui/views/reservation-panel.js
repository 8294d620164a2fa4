// The side panel for one reservation: its record, the venue-side actions staff take, and its history.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';
import { get, post, put } from '../api.js';
import { clockTime, statusClass } from '../format.js';
import { act, useLive } from '../live.js';

const html = htm.bind(h);

const ACTIONS = [
  { label: 'Mark arrived', status: 'ARRIVED', from: ['CONFIRMED', 'NO_ANSWER'] },
  { label: 'Seat', seat: true, from: ['CONFIRMED', 'NO_ANSWER', 'ARRIVED'] },
  { label: 'No-show', status: 'NO_SHOW', from: ['CONFIRMED', 'NO_ANSWER', 'ARRIVED'] },
  { label: 'Finish', status: 'COMPLETE', from: ['ARRIVED', 'SEATED', 'PAID', 'CONFIRMED'] },
];

const FINISHED = ['COMPLETE', 'CANCELED', 'NO_SHOW'];

export function ReservationPanel({ id, venue, venues, toast, close }) {
  const live = useLive(
    () => get(`/reservations/${encodeURIComponent(id)}/history`),
    [id],
    ['change', 'webhooks', 'journal', 'control'],
  );
  const [tables, setTables] = useState([]);
  const r = live.data?.reservation;
  const home = r ? (venues.find((v) => v.id === r.venue_id) ?? venue) : venue;
  const allTables = home.seatingAreas.flatMap((a) => a.tables);
  const path = r ? `/venues/${r.venue_id}/reservations/${r.id}` : '';
  const run = (action) =>
    act(toast, `${action.label}: ${r.reference_code}`, () =>
      action.seat
        ? post(`${path}/seat`, tables.length ? { table_numbers: tables } : {})
        : post(`${path}/status`, { status: action.status }),
    );
  const move = () =>
    act(toast, `Moved ${r.reference_code} to ${tables.join(', ')}`, () =>
      put(`${path}/tables`, { table_numbers: tables }),
    );
  const name = r ? `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim() || 'Guest' : '…';
  return html`
    <aside class="panel" data-testid="reservation-panel">
      <div class="panel-head">
        <div>
          <div class="muted small">Reservation</div>
          <h2>${name}</h2>
        </div>
        <button class="ghost" onClick=${close} aria-label="Close" data-testid="panel-close">✕</button>
      </div>
      ${live.error && html`<div class="banner error">${live.error.message}</div>`}
      ${
        r &&
        html`
          <div class="facts">
            <span class=${`status-pill ${statusClass(r.status)}`} data-testid="panel-status"
              >${r.status_display} (${r.status})</span
            >
            <code data-testid="panel-ref">${r.reference_code}</code>
            <dl>
              <dt>When</dt>
              <dd>${r.date} ${r.arrival_time} · ${r.duration} min</dd>
              <dt>Party</dt>
              <dd>${r.max_guests}${r.arrived_guests != null ? ` (${r.arrived_guests} arrived)` : ''}</dd>
              <dt>Tables</dt>
              <dd data-testid="panel-tables">
                ${(r.table_numbers ?? []).join(', ') || '—'}
                ${r.venue_seating_area_name ? ` · ${r.venue_seating_area_name}` : ''}
              </dd>
              <dt>Type</dt>
              <dd>${r.reservation_type} · booked by ${r.booked_by}</dd>
              <dt>Contact</dt>
              <dd>${r.phone_number ?? '—'}${r.email ? ` · ${r.email}` : ''}</dd>
              ${
                r.seated_time &&
                html`<dt>Seated</dt>
                  <dd>${r.seated_time}</dd>`
              }
              ${
                r.left_time &&
                html`<dt>Left</dt>
                  <dd>${r.left_time}</dd>`
              }
              ${
                r.notes &&
                html`<dt>Notes</dt>
                  <dd>${r.notes}</dd>`
              }
            </dl>
          </div>
          <div class="actions">
            <h3>Venue actions</h3>
            <div class="row wrap">
              ${ACTIONS.map(
                (a) =>
                  html`<button
                    class=${a.seat ? 'primary' : ''}
                    data-testid=${`action-${a.label.toLowerCase().replace(/[^a-z]+/g, '-')}`}
                    disabled=${!a.from.includes(r.status)}
                    onClick=${() => run(a)}
                  >
                    ${a.label}
                  </button>`,
              )}
            </div>
            <div class="row wrap">
              <label class="picker"
                >Tables
                <select
                  multiple
                  size="4"
                  data-testid="panel-table-select"
                  onChange=${(e) => setTables([...e.target.selectedOptions].map((o) => o.value))}
                >
                  ${allTables.map(
                    (t) =>
                      html`<option value=${t.number}>${t.number} (${t.minCovers}–${t.maxCovers})</option>`,
                  )}
                </select>
              </label>
              <button
                data-testid="action-move"
                disabled=${tables.length === 0 || FINISHED.includes(r.status)}
                onClick=${move}
              >
                Move to ${tables.join(', ') || '…'}
              </button>
            </div>
            <p class="muted small">Seat uses the selected tables when any are chosen.</p>
          </div>
          <div class="history">
            <h3>History</h3>
            <ol data-testid="panel-history">
              ${live.data.history.map(
                (item) =>
                  html`<li class=${`hist hist-${item.source}`}>
                    <span class="hist-time">${clockTime(item.at, home.timeZone)}</span>
                    <span class="hist-source">${item.source}</span>
                    <span class="hist-title">${item.title}</span>
                    ${item.detail && html`<div class="hist-detail">${item.detail}</div>`}
                  </li>`,
              )}
            </ol>
          </div>
          <details class="raw">
            <summary>Full record (API shape)</summary>
            <pre>${JSON.stringify(r, null, 2)}</pre>
          </details>
        `
      }
    </aside>
  `;
}
