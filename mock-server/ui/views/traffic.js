// Traffic: the request journal as a live table with filters and bodies, and each credential's
// rate-limit budgets as gauges.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { get, onEvent } from '../api.js';
import { clockTime, prettyJson } from '../format.js';
import { useLive } from '../live.js';

const html = htm.bind(h);

function Gauges() {
  const limits = useLive(() => get('/rate-limits'), [], ['journal', 'clock', 'control']);
  const d = limits.data;
  if (!d) return null;
  return html`
    <div class="card" data-testid="rate-limits">
      <h2>
        Rate-limit budgets
        <span class="muted small"
          >${d.config.enabled ? `default ${d.config.default.limit} per ${d.config.default.windowSec}s per credential and class` : 'limiting off'}</span
        >
      </h2>
      ${
        d.buckets.length === 0
          ? html`<p class="muted">Every budget is full.</p>`
          : html`<div class="gauges">
              ${d.buckets.map(
                (b) =>
                  html`<div class="gauge-row" data-testid="gauge">
                    <div class="gauge-name">
                      <b>${b.key.replace(/^client:/, '')}</b> <span class="muted small">${b.class}</span>
                    </div>
                    <div class="gauge wide">
                      <div
                        class=${`gauge-fill ${b.remaining === 0 ? 'empty' : b.remaining < b.limit / 4 ? 'low' : ''}`}
                        style=${{ width: `${(b.remaining / b.limit) * 100}%` }}
                      ></div>
                      <span class="gauge-text">${b.remaining}/${b.limit} left · full in ${b.reset}s</span>
                    </div>
                  </div>`,
              )}
            </div>`
      }
    </div>
  `;
}

export function TrafficView({ venue }) {
  const [status, setStatus] = useState('');
  const [operation, setOperation] = useState('');
  const [credential, setCredential] = useState('');
  const [open, setOpen] = useState(null);
  // Operations and credentials seen, for the filters: from the stream's summaries and the list shown.
  const [seen, setSeen] = useState({ ops: new Set(), creds: new Set() });
  const remember = (entries) =>
    setSeen((s) => {
      const ops = new Set(s.ops);
      const creds = new Set(s.creds);
      for (const e of entries) {
        if (e.operationId) ops.add(e.operationId);
        if (e.credential) creds.add(e.credential);
      }
      return ops.size === s.ops.size && creds.size === s.creds.size ? s : { ops, creds };
    });
  useEffect(() => onEvent((m) => m.type === 'journal' && remember(m.data.entries)), []);
  const query = new URLSearchParams({ limit: '100' });
  if (status) query.set('status', status);
  if (operation) query.set('operation_id', operation);
  if (credential) query.set('credential', credential);
  // Entries carry their bodies: under load, gather bursts for 400 ms instead of reloading per request.
  const journal = useLive(
    () => get(`/journal?${query}`),
    [status, operation, credential],
    ['journal', 'control'],
    {
      delayMs: 400,
    },
  );
  useEffect(() => {
    if (journal.data) remember(journal.data.entries);
  }, [journal.data]);
  const ops = [...seen.ops].sort();
  const creds = [...seen.creds].sort();
  const entries = journal.data?.entries ?? [];
  return html`
    <section class="view traffic" data-testid="view-traffic">
      <div class="view-head"><h1>Traffic</h1></div>
      <${Gauges} />
      <div class="card">
        <div class="row wrap filters">
          <label class="picker"
            >Status
            <select data-testid="filter-status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
              <option value="">any</option>
              ${['2xx', '4xx', '5xx', '429', '400', '404', '409', '503'].map((s) => html`<option value=${s}>${s}</option>`)}
            </select>
          </label>
          <label class="picker"
            >Operation
            <select
              data-testid="filter-operation"
              value=${operation}
              onChange=${(e) => setOperation(e.target.value)}
            >
              <option value="">any</option>
              ${ops.map((o) => html`<option value=${o}>${o}</option>`)}
            </select>
          </label>
          <label class="picker"
            >Credential
            <select
              data-testid="filter-credential"
              value=${credential}
              onChange=${(e) => setCredential(e.target.value)}
            >
              <option value="">any</option>
              ${creds.map((o) => html`<option value=${o}>${o}</option>`)}
            </select>
          </label>
          <span class="muted small">${entries.length} requests · newest first · click a row for bodies</span>
        </div>
        <table class="list journal" data-testid="journal">
          <thead>
            <tr>
              <th>Time</th>
              <th>Method</th>
              <th>Path</th>
              <th>Operation</th>
              <th>Credential</th>
              <th>Status</th>
              <th>ms</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map(
              (e) => html`
                <tr
                  class="clickable"
                  data-testid="journal-row"
                  data-status=${e.status}
                  onClick=${() => setOpen(open === e.id ? null : e.id)}
                >
                  <td>${clockTime(e.at, venue.timeZone)}</td>
                  <td><b>${e.method}</b></td>
                  <td class="path">${e.path}${e.query ? `?${e.query}` : ''}</td>
                  <td>${e.operationId ?? '—'}</td>
                  <td>${e.credential?.replace(/^client:/, '') ?? '—'}</td>
                  <td>
                    <span class=${`code ${e.status >= 200 && e.status < 400 ? 'ok' : 'bad'}`}
                      >${e.status || 'dropped'}</span
                    >
                    ${e.faults.length > 0 && html` <span class="badge badge-fault" title=${e.faults.map((f) => f.detail).join('; ')}>fault</span>`}
                  </td>
                  <td>${e.durationMs.toFixed(1)}</td>
                </tr>
                ${
                  open === e.id &&
                  html`<tr>
                    <td colspan="7">
                      <div class="bodies">
                        <div>
                          <h3>Request</h3>
                          <pre>${prettyJson(e.requestBody) || '(no body)'}</pre>
                        </div>
                        <div>
                          <h3>Response</h3>
                          <pre>${prettyJson(e.responseBody) || '(no body)'}</pre>
                        </div>
                      </div>
                    </td>
                  </tr>`
                }
              `,
            )}
          </tbody>
        </table>
      </div>
    </section>
  `;
}
