// Day timeline: a row per table, reservations as bars across the service, live holds hatched, a
// line at now. Click a bar for its record, history and actions.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';
import { count, hhmm, statusClass } from '../format.js';
import { useDay } from './floor.js';
import { RequestsLane } from './requests.js';

const html = htm.bind(h);

function span(data) {
  let from = Infinity;
  let to = -Infinity;
  for (const s of data.shifts) {
    from = Math.min(from, s.startMin);
    to = Math.max(to, s.endMin + 120);
  }
  for (const r of [...data.reservations, ...data.holds]) {
    from = Math.min(from, r.startMin);
    to = Math.max(to, r.startMin + r.durationMin);
  }
  if (from === Infinity) return [11 * 60, 23 * 60];
  return [Math.max(0, Math.floor(from / 60) * 60), Math.min(24 * 60, Math.ceil(to / 60) * 60)];
}

export function TimelineView({ venue, select, meta, toast }) {
  const [date, setDate] = useState(null);
  const day = useDay(venue, date);
  const data = day.data;
  if (!data) return html`<p class="muted">Loading the day…</p>`;
  const [from, to] = span(data);
  const pct = (min) => `${(((min - from) / (to - from)) * 100).toFixed(3)}%`;
  const width = (d) => `${((d / (to - from)) * 100).toFixed(3)}%`;
  const hours = [];
  for (let m = from; m <= to; m += 60) hours.push(m);
  const byTable = new Map();
  const place = (tableId, item) => {
    if (!byTable.has(tableId)) byTable.set(tableId, []);
    byTable.get(tableId).push(item);
  };
  for (const r of data.reservations) for (const t of r.tableIds) place(t, { kind: 'r', r });
  for (const x of data.holds) for (const t of x.tableIds) place(t, { kind: 'h', x });
  const shown = data.reservations.filter((r) => r.status !== 'CANCELED');
  return html`
    <section class="view timeline" data-testid="view-timeline">
      <div class="view-head">
        <div>
          <h1>${venue.name} — ${data.date}</h1>
          <p class="muted">
            ${`${count(shown.length, 'reservation')} · ${count(
              shown.reduce((n, r) => n + r.partySize, 0),
              'cover',
            )} · ${count(data.holds.length, 'hold')}`}
            ${data.reservations.length > shown.length ? ` · ${data.reservations.length - shown.length} cancelled (not drawn)` : ''}
          </p>
        </div>
        <div class="row">
          <label class="picker"
            >Date
            <input
              type="date"
              data-testid="timeline-date"
              value=${data.date}
              onChange=${(e) => setDate(e.target.value || null)}
          /></label>
          <div class="legend">
            ${[
              ['st-booked', 'Booked'],
              ['st-arrived', 'Arrived'],
              ['st-seated', 'Seated'],
              ['st-complete', 'Left'],
              ['st-noshow', 'No-show'],
              ['hold', 'Hold'],
            ].map(
              ([c, l]) =>
                html`<span class="legend-item"><span class=${`swatch bar-swatch ${c}`}></span>${l}</span>`,
            )}
          </div>
        </div>
      </div>
      <${RequestsLane} data=${data} venue=${venue} features=${meta?.features} toast=${toast} />
      <div class="gantt card">
        <div class="gantt-row gantt-axis">
          <div class="gantt-label"></div>
          <div class="gantt-track">
            ${data.shifts.map(
              (s) =>
                html`<div
                  class="shift-band"
                  style=${{ left: pct(s.startMin), width: width(s.endMin - s.startMin) }}
                >
                  ${s.name}
                </div>`,
            )}
            ${hours.map((m) => html`<div class="hour" style=${{ left: pct(m) }}>${hhmm(m)}</div>`)}
          </div>
        </div>
        ${venue.seatingAreas.map(
          (area) => html`
            <div class="gantt-area">${area.name}</div>
            ${area.tables.map(
              (t) => html`
                <div class="gantt-row" data-testid=${`row-${t.number}`}>
                  <div class="gantt-label">
                    <b>${t.number}</b> <span class="muted small">${t.minCovers}–${t.maxCovers}</span>
                  </div>
                  <div class="gantt-track">
                    ${hours.map((m) => html`<div class="gridline" style=${{ left: pct(m) }}></div>`)}
                    ${data.nowMin !== null && html`<div class="now-line" style=${{ left: pct(data.nowMin) }}></div>`}
                    ${(byTable.get(t.id) ?? []).map((item) =>
                      item.kind === 'r'
                        ? item.r.status === 'CANCELED'
                          ? null
                          : html`<button
                              class=${`bar ${statusClass(item.r.status)}`}
                              data-testid="bar"
                              data-ref=${item.r.referenceCode}
                              data-status=${item.r.status}
                              style=${{ left: pct(item.r.startMin), width: width(item.r.durationMin) }}
                              title=${`${item.r.arrivalTime} ${item.r.guestName} ×${item.r.partySize} · ${item.r.statusDisplay} · ${item.r.referenceCode}`}
                              onClick=${() => select(item.r.id)}
                            >
                              <span class="bar-text">${item.r.guestName} ×${item.r.partySize}</span>
                              <span class="bar-ref">${item.r.referenceCode}</span>
                            </button>`
                        : html`<div
                            class="bar hold"
                            data-testid="hold-bar"
                            style=${{ left: pct(item.x.startMin), width: width(item.x.durationMin) }}
                            title=${`hold ×${item.x.partySize} at ${hhmm(item.x.startMin)}, expires in ${item.x.expiresInSec}s`}
                          >
                            <span class="bar-text">hold ×${item.x.partySize} · ${item.x.expiresInSec}s</span>
                          </div>`,
                    )}
                  </div>
                </div>
              `,
            )}
          `,
        )}
      </div>
    </section>
  `;
}
