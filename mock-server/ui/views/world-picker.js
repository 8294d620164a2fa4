// Worlds: where the mock holds isolated worlds (GET/POST /_mock/worlds), the page switches its
// control base to one (`/worlds/{id}/_mock`), and opens a scenario as a new world.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { PAGE_WORLD, get, post } from '../api.js';
import { act } from '../live.js';

const html = htm.bind(h);

const feature = (meta, method, path) =>
  (meta?.features ?? []).find((f) => f.method === method && f.path === path);
export const worldsFeature = (meta) => Boolean(feature(meta, 'GET', '/worlds'));

/** A world's control base, from the `base_url` the mock reports (`…/worlds/{id}`, or the plain root). */
export function worldBase(world) {
  const path = new URL(world.base_url, location.href).pathname.replace(/\/$/, '');
  return `${path}/_mock`;
}

const label = (w) =>
  `${w.id}${w.request?.scenario ? ` · ${w.request.scenario}` : ''} · seed ${w.seed} · ${w.clock}`;

export function WorldPicker({ world, onChange, toast }) {
  const [worlds, setWorlds] = useState([]);
  const refresh = () =>
    get('/worlds', { root: true })
      .then((r) => setWorlds(r?.worlds ?? []))
      .catch((err) => toast({ kind: 'error', text: `Worlds: ${err.message}` }));
  useEffect(() => {
    void refresh();
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, [world?.id]);
  const current = world?.id ?? PAGE_WORLD;
  return html`
    <label class="picker">
      World
      <select
        data-testid="world-picker"
        value=${current}
        onFocus=${refresh}
        onChange=${(e) => {
          const w = worlds.find((x) => x.id === e.target.value);
          if (w) onChange({ id: w.id, base: worldBase(w) });
        }}
      >
        ${worlds.length === 0 && html`<option value=${current}>${current}</option>`}
        ${worlds.map((w) => html`<option value=${w.id}>${label(w)}</option>`)}
      </select>
    </label>
  `;
}

/** Opens a shipped scenario as a new world and switches the page to it. */
export function ScenarioSwitch({ meta, toast, onWorld }) {
  const [scenario, setScenario] = useState('');
  const scenarios = meta?.scenarios ?? [];
  if (!feature(meta, 'POST', '/worlds')) {
    return html`<p class="muted small">
      Scenarios (${scenarios.join(', ')}) are chosen at start: <code>npm start -- --scenario NAME</code>. This
      mock version has no worlds to open one beside the running world.
    </p>`;
  }
  const open = async (e) => {
    e.preventDefault();
    if (!scenario) return;
    const w = await act(toast, `Opened ${scenario} as a new world`, () =>
      post('/worlds', { scenario }, { root: true }),
    );
    if (w) onWorld({ id: w.id, base: worldBase(w) });
  };
  return html`
    <form class="inline-form" onSubmit=${open}>
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
      <button type="submit" data-testid="scenario-open">Open as a new world</button>
      <span class="muted small">The current world stays as it is; switch back with the World menu.</span>
    </form>
  `;
}
