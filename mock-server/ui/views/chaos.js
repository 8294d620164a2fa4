// Time and chaos: the clock (frozen or running, advance by presets, set), fault rules, reset,
// snapshots, and scenarios (as new worlds, where this mock offers worlds).
import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';
import { control, del, get, post, put } from '../api.js';
import { localTime } from '../format.js';
import { act, useLive } from '../live.js';
import { ScenarioSwitch } from './world-picker.js';

const html = htm.bind(h);

const PRESETS = [
  ['+1 min', 60],
  ['+5 min', 300],
  ['+15 min', 900],
  ['+1 hour', 3600],
  ['+1 day', 86400],
];

function ClockCard({ clock, venue, toast }) {
  const [at, setAt] = useState('');
  const advance = (label, seconds) => act(toast, `Clock ${label}`, () => post('/clock/advance', { seconds }));
  return html`
    <div class="card clock-card" data-testid="clock-card">
      <h2>Clock</h2>
      <div class="big-time">${clock ? localTime(clock.epochMs, venue.timeZone, true) : '…'}</div>
      <p class="muted">
        ${clock?.mode === 'frozen' ? 'Frozen: time moves only when you move it.' : 'Running: follows the wall clock from an offset.'}
        ${' '}UTC ${clock?.now}
      </p>
      <div class="row wrap">
        ${PRESETS.map(
          ([label, seconds]) =>
            html`<button data-testid=${`advance-${seconds}`} onClick=${() => advance(label, seconds)}>
              ${label}
            </button>`,
        )}
      </div>
      <form
        class="inline-form"
        onSubmit=${(e) => {
          e.preventDefault();
          if (at) act(toast, 'Clock set', () => put('/clock', { now: `${at}:00Z` }));
        }}
      >
        <label
          >Set to (UTC) <input type="datetime-local" value=${at} onInput=${(e) => setAt(e.target.value)}
        /></label>
        <button type="submit">Set clock</button>
      </form>
    </div>
  `;
}

function FaultsCard({ toast }) {
  const faults = useLive(() => get('/faults'), [], ['control', 'journal']);
  const [kind, setKind] = useState('error');
  const [status, setStatus] = useState('503');
  const [ms, setMs] = useState('800');
  const [probability, setProbability] = useState('1');
  const [operation, setOperation] = useState('');
  const [times, setTimes] = useState('');
  const add = (e) => {
    e.preventDefault();
    const rule = { kind, probability: Number(probability) };
    if (kind === 'error') rule.status = Number(status);
    if (kind === 'latency') rule.latency = { distribution: 'fixed', ms: Number(ms) };
    if (operation.trim())
      rule.match = {
        operationIds: operation
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    if (times) rule.times = Number(times);
    return act(toast, 'Fault rule added', () => post('/faults', rule));
  };
  const rules = faults.data?.rules ?? [];
  return html`
    <div class="card" data-testid="faults-card">
      <h2>Fault rules <span class="muted small">applied to API requests as they arrive</span></h2>
      ${rules.length === 0 && html`<p class="muted">No fault rules: every request is answered normally.</p>`}
      <table class="list">
        <tbody>
          ${rules.map(
            (r) =>
              html`<tr data-testid="fault-rule">
                <td><code>${r.id}</code></td>
                <td>
                  <span class="badge badge-fault"
                    >${r.kind}${r.status ? ` ${r.status}` : ''}${r.latency ? ` ${r.latency.ms ?? r.latency.medianMs ?? r.latency.minMs} ms` : ''}</span
                  >
                </td>
                <td>p=${r.probability}</td>
                <td>${r.match?.operationIds?.join(', ') ?? 'every operation'}</td>
                <td>${r.times ? `${r.times} times` : ''}</td>
                <td>hits ${r.hits ?? 0}</td>
                <td class="end">
                  <button
                    class="ghost"
                    onClick=${() => act(toast, 'Fault rule removed', () => del(`/faults/${encodeURIComponent(r.id)}`))}
                  >
                    Remove
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form class="inline-form" onSubmit=${add} data-testid="fault-form">
        <label
          >Kind
          <select data-testid="fault-kind" value=${kind} onChange=${(e) => setKind(e.target.value)}>
            <option value="error">error</option>
            <option value="latency">latency</option>
            <option value="drop">drop connection</option>
          </select>
        </label>
        ${
          kind === 'error' &&
          html`<label
            >Status
            <select data-testid="fault-status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
              ${[500, 502, 503, 504, 429, 408, 400, 401, 403, 404, 409].map((s) => html`<option value=${s}>${s}</option>`)}
            </select>
          </label>`
        }
        ${kind === 'latency' && html`<label>Delay ms <input type="number" min="0" value=${ms} onInput=${(e) => setMs(e.target.value)} /></label>`}
        <label
          >Probability
          <input
            type="number"
            min="0"
            max="1"
            step="0.05"
            value=${probability}
            onInput=${(e) => setProbability(e.target.value)}
        /></label>
        <label
          >Operation(s)
          <input
            data-testid="fault-operation"
            placeholder="all, or e.g. bookVenueReservation"
            value=${operation}
            onInput=${(e) => setOperation(e.target.value)}
        /></label>
        <label
          >Times
          <input
            type="number"
            min="1"
            placeholder="∞"
            value=${times}
            onInput=${(e) => setTimes(e.target.value)}
        /></label>
        <button class="primary" type="submit" data-testid="fault-add">Add rule</button>
      </form>
    </div>
  `;
}

function StateCard({ toast, meta, chooseWorld }) {
  const download = async () => {
    const res = await control('GET', '/state', undefined, { raw: true }).catch((err) => {
      toast({ kind: 'error', text: `Snapshot failed: ${err.message}` });
      return null;
    });
    if (!res) return;
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), {
      href: url,
      download: 'sevenrooms-mock-state.json',
    });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const upload = async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    await act(toast, 'Snapshot imported', async () => put('/state', await file.text()));
    e.target.value = '';
  };
  return html`
    <div class="card">
      <h2>State</h2>
      <div class="row wrap">
        <button
          class="danger"
          data-testid="reset"
          onClick=${() => confirm('Reset the mock to its seed? Every booking made since start is lost.') && act(toast, 'Reset to the seed', () => post('/reset'))}
        >
          Reset to seed
        </button>
        <button onClick=${download}>Download snapshot</button>
        <label class="button"
          >Upload snapshot <input type="file" accept="application/json" hidden onChange=${upload}
        /></label>
      </div>
      <${ScenarioSwitch} meta=${meta} toast=${toast} onWorld=${chooseWorld} />
    </div>
  `;
}

export function ChaosView({ clock, venue, toast, meta, chooseWorld }) {
  return html`
    <section class="view chaos" data-testid="view-chaos">
      <div class="view-head"><h1>Time & chaos</h1></div>
      <div class="two-col">
        <${ClockCard} clock=${clock} venue=${venue} toast=${toast} />
        <${StateCard} toast=${toast} meta=${meta} chooseWorld=${chooseWorld} />
      </div>
      <${FaultsCard} toast=${toast} />
    </section>
  `;
}
