// Availability: seating times × party sizes for a date, each cell exactly what an availability
// query on that channel would return now, with each time's pacing.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';
import { get } from '../api.js';
import { useLive } from '../live.js';

const html = htm.bind(h);

export function AvailabilityView({ venue }) {
  const [date, setDate] = useState(venue.today);
  const [channel, setChannel] = useState('RESERVATIONS_API');
  const grid = useLive(
    () => get(`/venues/${venue.id}/availability-grid?date=${date}&channel=${channel}`),
    [venue.id, date, channel],
    ['change', 'journal', 'clock', 'control'],
  );
  const g = grid.data;
  return html`
    <section class="view availability" data-testid="view-availability">
      <div class="view-head">
        <div>
          <h1>Availability — ${venue.name}</h1>
          <p class="muted">
            As the ${channel === 'CONCIERGE' ? 'Concierge' : 'Reservations'} API's availability query sees it
            now.
          </p>
        </div>
        <div class="row">
          <label class="picker"
            >Date <input type="date" value=${date} onChange=${(e) => setDate(e.target.value || venue.today)}
          /></label>
          <label class="picker"
            >Channel
            <select value=${channel} onChange=${(e) => setChannel(e.target.value)}>
              <option value="RESERVATIONS_API">Reservations API</option>
              <option value="CONCIERGE">Concierge</option>
            </select>
          </label>
        </div>
      </div>
      ${grid.error && html`<div class="banner error">${grid.error.message}</div>`}
      ${
        !g
          ? html`<p class="muted">Loading…</p>`
          : g.isClosed
            ? html`<div class="card"><p>Closed on ${g.date}: no shift runs that day.</p></div>`
            : html`
                <div class="card grid-wrap">
                  <table class="grid" data-testid="availability-grid">
                    <thead>
                      <tr>
                        <th>Time</th>
                        <th>Shift</th>
                        <th class="pacing-col">Pacing left</th>
                        ${g.partySizes.map((p) => html`<th class="num">${p}</th>`)}
                      </tr>
                    </thead>
                    <tbody>
                      ${g.rows.map(
                        (row) => html`
                          <tr>
                            <td>
                              <b>${row.time}</b
                              >${row.isHeld ? html` <span class="badge badge-held">held</span>` : ''}
                            </td>
                            <td class="muted small">${row.shiftName}</td>
                            <td class="pacing-col">
                              <div
                                class="gauge"
                                title=${`${row.coversTaken} of ${row.pacingCapacity} covers taken`}
                              >
                                <div
                                  class=${`gauge-fill ${row.coversRemaining === 0 ? 'empty' : row.coversRemaining < row.pacingCapacity / 4 ? 'low' : ''}`}
                                  style=${{ width: `${(row.coversRemaining / Math.max(1, row.pacingCapacity)) * 100}%` }}
                                ></div>
                                <span class="gauge-text">${row.coversRemaining}/${row.pacingCapacity}</span>
                              </div>
                            </td>
                            ${row.cells.map(
                              (cell) =>
                                html`<td
                                  class=${cell.bookable ? 'cell yes' : 'cell no'}
                                  title=${cell.bookable ? `bookable, table ${cell.tableNumber}` : 'not offered'}
                                >
                                  ${cell.bookable ? cell.tableNumber : '·'}
                                </td>`,
                            )}
                          </tr>
                        `,
                      )}
                    </tbody>
                  </table>
                  <p class="muted small">
                    Green cells are offered, with the table the search would assign. Columns are party sizes.
                  </p>
                </div>
              `
      }
    </section>
  `;
}
