// A walk-in: the party is seated now at the best free table (or the one named).
import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';
import { post } from '../api.js';
import { act } from '../live.js';

const html = htm.bind(h);

export function WalkInForm({ venue, toast }) {
  const [party, setParty] = useState(2);
  const [name, setName] = useState('');
  const [table, setTable] = useState('');
  const tables = venue.seatingAreas.flatMap((a) => a.tables);
  const submit = async (e) => {
    e.preventDefault();
    const [first, ...last] = name.trim().split(/\s+/);
    const body = { party_size: Number(party) };
    if (first) body.first_name = first;
    if (last.length) body.last_name = last.join(' ');
    if (table) body.table_numbers = [table];
    const r = await act(toast, 'Walk-in seated', () => post(`/venues/${venue.id}/walk-ins`, body));
    if (r) setName('');
  };
  return html`
    <form class="card inline-form" onSubmit=${submit} data-testid="walk-in-form">
      <h2>Walk-in</h2>
      <label
        >Party
        <input type="number" min="1" max="20" value=${party} onInput=${(e) => setParty(e.target.value)}
      /></label>
      <label
        >Name <input placeholder="Sam Reyes" value=${name} onInput=${(e) => setName(e.target.value)}
      /></label>
      <label
        >Table
        <select value=${table} onChange=${(e) => setTable(e.target.value)}>
          <option value="">best free</option>
          ${tables.map((t) => html`<option value=${t.number}>${t.number} (${t.minCovers}–${t.maxCovers})</option>`)}
        </select>
      </label>
      <button class="primary" type="submit">Seat walk-in</button>
    </form>
  `;
}
