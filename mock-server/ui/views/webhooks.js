// Webhooks: endpoints (add, remove) and the delivery log with attempts, codes, timing and payload.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';
import { del, get, post } from '../api.js';
import { clockTime, prettyJson } from '../format.js';
import { act, useLive } from '../live.js';

const html = htm.bind(h);
const EVENTS = ['webhooks', 'control', 'change'];

const short = (v) => {
  const text = JSON.stringify(v);
  return text === undefined ? '—' : text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

/** One line per event of a body: kind, the entity's reference, and the fields that changed. */
function summarise(body) {
  try {
    return JSON.parse(body).map((e) => {
      const who = e.entity?.reference_code ?? e.entity?.id ?? '';
      const changes = (e.updates ?? []).map((u) => `${u.field} ${short(u.previous)} → ${short(u.current)}`);
      return `${e.entity_type}.${e.event_type} ${who}${changes.length ? `: ${changes.join('; ')}` : ''}`;
    });
  } catch {
    return [];
  }
}

function DeliveryDetail({ id, toast, tz }) {
  const detail = useLive(() => get(`/webhooks/deliveries/${id}`), [id], EVENTS);
  const d = detail.data;
  if (!d) return html`<div class="muted">Loading…</div>`;
  return html`
    <div class="delivery-detail" data-testid="delivery-detail">
      <div class="row wrap">
        <span>Event id <code>${d.eventId}</code></span>
        ${d.redeliveryOf && html`<span>re-sends <code>${d.redeliveryOf}</code></span>`}
        ${d.deadLetterReason && html`<span class="badge badge-dead">${d.deadLetterReason}</span>`}
        <button
          data-testid="redeliver"
          disabled=${!['succeeded', 'dead_lettered'].includes(d.state)}
          onClick=${() => act(toast, 'Redelivery queued', () => post(`/webhooks/deliveries/${d.id}/redeliver`))}
        >
          Redeliver
        </button>
      </div>
      <table class="mini">
        <thead>
          <tr>
            <th>#</th>
            <th>Time</th>
            <th>Status</th>
            <th>Latency</th>
            <th>Error</th>
          </tr>
        </thead>
        <tbody>
          ${d.attempts.map(
            (a) =>
              html`<tr>
                <td>${a.attempt}</td>
                <td>${clockTime(a.at, tz)}</td>
                <td><span class=${`code ${a.ok ? 'ok' : 'bad'}`}>${a.status ?? '—'}</span></td>
                <td>${a.latencyMs.toFixed(1)} ms</td>
                <td>${a.error ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <ul class="event-summary">
        ${summarise(d.body).map((line) => html`<li>${line}</li>`)}
      </ul>
      <pre class="payload" data-testid="delivery-payload">${prettyJson(d.body)}</pre>
    </div>
  `;
}

export function WebhooksView({ toast, venue }) {
  const endpoints = useLive(() => get('/webhooks/endpoints'), [], ['control']);
  const deliveries = useLive(() => get('/webhooks/deliveries?limit=100'), [], EVENTS);
  const [open, setOpen] = useState(null);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('*');
  const add = async (e) => {
    e.preventDefault();
    const r = await act(toast, 'Endpoint added', () =>
      post('/webhooks/endpoints', {
        url: url.trim(),
        events: events
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    );
    if (r) setUrl('');
  };
  const list = deliveries.data?.deliveries ?? [];
  return html`
    <section class="view webhooks" data-testid="view-webhooks">
      <div class="view-head"><h1>Webhooks</h1></div>
      <div class="card">
        <h2>Endpoints</h2>
        ${(endpoints.data?.endpoints ?? []).length === 0 && html`<p class="muted">No endpoint yet: add a receiver URL below.</p>`}
        <table class="list">
          <tbody>
            ${(endpoints.data?.endpoints ?? []).map(
              (ep) =>
                html`<tr data-testid="endpoint">
                  <td><code>${ep.id}</code></td>
                  <td>${ep.url}</td>
                  <td>${ep.events.join(', ')}</td>
                  <td>
                    ${ep.enabled ? html`<span class="badge badge-ok">enabled</span>` : html`<span class="badge">disabled</span>`}
                  </td>
                  <td class="end">
                    <button
                      class="ghost"
                      onClick=${() => act(toast, 'Endpoint removed', () => del(`/webhooks/endpoints/${ep.id}`))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
        <form class="inline-form" onSubmit=${add}>
          <label
            >URL
            <input
              required
              type="url"
              placeholder="http://127.0.0.1:9000/hooks"
              value=${url}
              onInput=${(e) => setUrl(e.target.value)}
          /></label>
          <label>Events <input value=${events} onInput=${(e) => setEvents(e.target.value)} /></label>
          <button class="primary" type="submit">Add endpoint</button>
        </form>
      </div>
      <div class="card">
        <h2>Deliveries <span class="muted small">newest first · ${list.length} shown</span></h2>
        <table class="list deliveries" data-testid="deliveries">
          <thead>
            <tr>
              <th>Created</th>
              <th>Delivery</th>
              <th>Events</th>
              <th>State</th>
              <th>Attempts</th>
              <th>Last code</th>
              <th>Latency</th>
            </tr>
          </thead>
          <tbody>
            ${list.map((d) => {
              const last = d.attempts[d.attempts.length - 1];
              return html`
                <tr
                  class="clickable"
                  data-testid="delivery-row"
                  data-state=${d.state}
                  onClick=${() => setOpen(open === d.id ? null : d.id)}
                >
                  <td>${clockTime(d.createdAt, venue.timeZone)}</td>
                  <td><code>${d.id}</code></td>
                  <td>${d.events.map((e) => e.kind).join(', ')}</td>
                  <td><span class=${`badge state-${d.state}`}>${d.state}</span></td>
                  <td>${d.attempts.length}</td>
                  <td>
                    ${last ? html`<span class=${`code ${last.ok ? 'ok' : 'bad'}`}>${last.status ?? last.error}</span>` : '—'}
                  </td>
                  <td>${last ? `${last.latencyMs.toFixed(1)} ms` : ''}</td>
                </tr>
                ${
                  open === d.id &&
                  html`<tr>
                    <td colspan="7"><${DeliveryDetail} id=${d.id} toast=${toast} tz=${venue.timeZone} /></td>
                  </tr>`
                }
              `;
            })}
          </tbody>
        </table>
      </div>
    </section>
  `;
}
