// Worlds: where the mock offers isolated worlds (GET/POST /_mock/worlds), the page can switch its
// control base to one (`/worlds/{id}/_mock`) and open a scenario as a new world.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { get, post } from '../api.js';
import { act } from '../live.js';

const html = htm.bind(h);

const feature = (meta, method, path) =>
  (meta?.features ?? []).find((f) => f.method === method && f.path === path);
export const worldsFeature = (meta) => Boolean(feature(meta, 'GET', '/worlds'));

const worldList = (reply) => (Array.isArray(reply) ? reply : (reply?.worlds ?? []));
const worldBase = (w) => `/worlds/${encodeURIComponent(w.id)}/_mock`;

export function WorldPicker({ world, onChange, toast }) {
  const [worlds, setWorlds] = useState([]);
  const refresh = () =>
    get('/worlds', { root: true })
      .then((r) => setWorlds(worldList(r)))
      .catch((err) => toast({ kind: 'error', text: `Worlds: ${err.message}` }));
  useEffect(() => {
    void refresh();
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, []);
  return html`
    <label class="picker">
      World
      <select
        data-testid="world-picker"
        value=${world?.id ?? ''}
        onFocus=${refresh}
        onChange=${(e) => {
          const w = worlds.find((x) => x.id === e.target.value);
          onChange(w ? { id: w.id, base: worldBase(w) } : null);
        }}
      >
        <option value="">default</option>
        ${worlds.map((w) => html`<option value=${w.id}>${w.id}${w.scenario ? ` · ${w.scenario}` : ''}</option>`)}
      </select>
    </label>
  `;
}

export function ScenarioSwitch({ meta, toast }) {
  const [scenario, setScenario] = useState('');
  const scenarios = meta?.scenarios ?? [];
  const canCreate = Boolean(feature(meta, 'POST', '/worlds'));
  if (!canCreate) {
    return html`<p class="muted small">
      Scenarios (${scenarios.join(', ')}) are chosen at start: <code>npm start -- --scenario NAME</code>. This
      mock version has no worlds to open one beside the running world.
    </p>`;
  }
  return html`
    <form
      class="inline-form"
      onSubmit=${(e) => {
        e.preventDefault();
        if (scenario)
          act(toast, `World opened with ${scenario}; pick it in the World menu`, () =>
            post('/worlds', { scenario }, { root: true }),
          );
      }}
    >
      <label
        >Scenario
        <select
          data-testid="scenario-picker"
          value=${scenario}
          onChange=${(e) => setScenario(e.target.value)}
        >
          <option value="">choose…</option>
          ${scenarios.map((s) => html`<option value=${s}>${s}</option>`)}
        </select>
      </label>
      <button type="submit">Open as new world</button>
    </form>
  `;
}
