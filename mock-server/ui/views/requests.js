// Reservation requests of the day (no table yet), answered as staff would. Accept and decline appear
// only when this mock's control API offers them (the page checks the operation list it was given).
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

const waiting = (q) => !q.status || q.status === 'UNAPPROVED';

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
            <span class=${`badge request-${q.status ?? 'UNAPPROVED'}`} data-testid="request-status"
              >${q.status ?? 'UNAPPROVED'}</span
            >
            ${
              accept &&
              waiting(q) &&
              html`<button
                class="primary"
                data-testid="request-accept"
                onClick=${() => run(accept, q, 'Request accepted')}
              >
                Accept
              </button>`
            }
            ${
              decline &&
              waiting(q) &&
              html`<button data-testid="request-decline" onClick=${() => run(decline, q, 'Request declined')}>
                Decline
              </button>`
            }
            ${!accept && !decline && html`<span class="muted small">accept/decline not offered by this mock version</span>`}
          </div>
        `,
      )}
    </div>
  `;
}
