// The dashboard shell: header (world, venue, clock, live state), the views as tabs, the reservation
// panel, the token dialog and toasts. Views live in ./views/.
import { h, render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import htm from 'htm';
import {
  ROOT_BASE,
  get,
  onEvent,
  onStreamStatus,
  onTokenNeeded,
  restartStream,
  setControlBase,
  setToken,
} from './api.js';
import { localTime } from './format.js';
import { useLive } from './live.js';
import { FloorView } from './views/floor.js';
import { TimelineView } from './views/timeline.js';
import { AvailabilityView } from './views/availability.js';
import { WebhooksView } from './views/webhooks.js';
import { TrafficView } from './views/traffic.js';
import { ChaosView } from './views/chaos.js';
import { ReservationPanel } from './views/reservation-panel.js';
import { TokenDialog } from './views/token-dialog.js';
import { WorldPicker, worldsFeature } from './views/world-picker.js';

const html = htm.bind(h);

const TABS = [
  { id: 'floor', label: 'Floor', view: FloorView },
  { id: 'timeline', label: 'Day timeline', view: TimelineView },
  { id: 'availability', label: 'Availability', view: AvailabilityView },
  { id: 'webhooks', label: 'Webhooks', view: WebhooksView },
  { id: 'traffic', label: 'Traffic', view: TrafficView },
  { id: 'chaos', label: 'Time & chaos', view: ChaosView },
];

const tabFromHash = () => {
  const id = location.hash.replace(/^#\/?/, '').split('/')[0];
  return TABS.some((t) => t.id === id) ? id : 'floor';
};

function useToasts() {
  const [toasts, setToasts] = useState([]);
  const toast = (t) => {
    const id = Math.random();
    setToasts((list) => [...list.slice(-3), { ...t, id }]);
    setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), t.kind === 'error' ? 6000 : 2500);
  };
  return [toasts, toast];
}

function App() {
  const [tab, setTab] = useState(tabFromHash());
  const [world, setWorld] = useState(null);
  const [venueId, setVenueId] = useState(sessionStorage.getItem('sevenrooms-mock.venue'));
  const [selected, setSelected] = useState(null);
  const [clock, setClock] = useState(null);
  const [status, setStatus] = useState('connecting');
  const [dialog, setDialog] = useState(null);
  const [toasts, toast] = useToasts();

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    onTokenNeeded(() => new Promise((resolve) => setDialog({ resolve })));
    const offStatus = onStreamStatus(setStatus);
    const offEvents = onEvent((m) => {
      if (m.type === 'clock') setClock(m.data);
      if (m.type === 'hello') setClock(m.data.clock);
    });
    restartStream();
    return () => {
      removeEventListener('hashchange', onHash);
      offStatus();
      offEvents();
    };
  }, []);

  const meta = useLive(() => get('/venues'), [world], ['control']);
  const venues = meta.data?.venues ?? [];
  const venue = venues.find((v) => v.id === venueId) ?? venues[0];
  const features = useMemo(() => new Set((meta.data?.features ?? []).map((f) => f.operationId)), [meta.data]);
  const shownClock = clock ?? meta.data?.clock;

  useEffect(() => {
    if (meta.data?.clock) setClock(meta.data.clock);
  }, [meta.data]);

  const chooseWorld = (w) => {
    setWorld(w);
    setControlBase(w ? w.base : ROOT_BASE);
    setSelected(null);
    setClock(null);
  };
  const chooseVenue = (id) => {
    setVenueId(id);
    sessionStorage.setItem('sevenrooms-mock.venue', id);
  };
  const Current = TABS.find((t) => t.id === tab).view;
  const ctx = {
    venue,
    venues,
    features,
    meta: meta.data,
    clock: shownClock,
    toast,
    select: setSelected,
    world,
    chooseWorld,
  };

  return html`
    <header class="top">
      <div class="brand">
        <span class="logo">◐</span> sevenrooms-mock <span class="muted">dashboard</span>
      </div>
      ${worldsFeature(meta.data) && html`<${WorldPicker} world=${world} onChange=${chooseWorld} toast=${toast} />`}
      <label class="picker">
        Venue
        <select data-testid="venue-picker" value=${venue?.id} onChange=${(e) => chooseVenue(e.target.value)}>
          ${venues.map((v) => html`<option value=${v.id}>${v.name} · ${v.venueGroupName}</option>`)}
        </select>
      </label>
      <div class="clock" data-testid="clock">
        <span class=${`badge ${shownClock?.mode === 'frozen' ? 'badge-frozen' : 'badge-running'}`}
          >${shownClock?.mode ?? '…'}</span
        >
        <span class="clock-time"
          >${shownClock && venue ? localTime(shownClock.epochMs, venue.timeZone) : '…'}</span
        >
        <span class="muted small">${venue?.timeZone}</span>
      </div>
      <div class=${`live live-${status}`} data-testid="live-status" title="Event stream">
        <span class="dot"></span>${status}
      </div>
    </header>
    <nav class="tabs">
      ${TABS.map(
        (t) =>
          html`<a
            href=${`#/${t.id}`}
            class=${t.id === tab ? 'tab active' : 'tab'}
            data-testid=${`tab-${t.id}`}
            >${t.label}</a
          >`,
      )}
    </nav>
    <main class="content">
      ${meta.error && html`<div class="banner error" data-testid="load-error">${meta.error.message}</div>`}
      ${venue ? html`<${Current} ...${ctx} />` : !meta.error && html`<p class="muted">Loading…</p>`}
    </main>
    ${
      selected &&
      venue &&
      html`<${ReservationPanel} id=${selected} ...${ctx} close=${() => setSelected(null)} />`
    }
    ${
      dialog &&
      html`<${TokenDialog}
        onDone=${(value) => {
          if (value) setToken(value);
          dialog.resolve(value);
          setDialog(null);
        }}
      />`
    }
    <div class="toasts">
      ${toasts.map((t) => html`<div class=${`toast toast-${t.kind}`} data-testid="toast">${t.text}</div>`)}
    </div>
  `;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
