// Reservation requests of the day (no table yet). Accept and decline appear only when this mock's
// control API offers them (they come with the reservation-request lifecycle work).
import { h } from 'preact';
import htm from 'htm';
import { post } from '../api.js';
import { act } from '../live.js';

const html = htm.bind(h);

/** The control operation for accepting or declining a request, if this mock has one. */
export function requestAction(features, verb) {
  return [...(features ?? [])].find(
    (f) => f.method === 'POST' && /request/i.test(f.path) && f.path.endsWith(`/${verb}`),
  );
}

export function RequestsLane({ data, venue, features, toast }) {
  if (data.requests.length === 0) return null;
  const list = [...(features ?? [])];
  const accept = requestAction(list, 'accept');
  const decline = requestAction(list, 'decline');
  const run = (op, request, label) =>
    act(toast, label, () =>
      post(op.path.replace('{venue_id}', venue.id).replace(/\{[a-z_]*request[a-z_]*\}/, request.id), {}),
    );
  return html`
    <div class="card requests" data-testid="requests">
      <h2>Requests <span class="muted small">waiting for the venue</span></h2>
      ${data.requests.map(
        (q) => html`
          <div class="request-row">
            <b>${q.arrivalTime}</b> ${q.guestName} ×${q.partySize}
            <span class="badge">${q.status ?? 'pending'}</span>
            ${accept && html`<button onClick=${() => run(accept, q, 'Request accepted')}>Accept</button>`}
            ${decline && html`<button onClick=${() => run(decline, q, 'Request declined')}>Decline</button>`}
            ${!accept && !decline && html`<span class="muted small">accept/decline not offered by this mock version</span>`}
          </div>
        `,
      )}
    </div>
  `;
}
