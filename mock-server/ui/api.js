// The control-API client: one base path (the page's own control plane, or a world's), the admin
// token asked for once and kept for the tab, and the live event stream read with fetch (EventSource
// cannot send the token header).

const TOKEN_KEY = 'sevenrooms-mock.admin-token';

/** Where the page was served from: `/_mock/ui/` → `/_mock`; `/worlds/w1/_mock/ui/` → `/worlds/w1/_mock`. */
export const ROOT_BASE = location.pathname.replace(/\/ui\/?.*$/, '');
/** The control plane that manages worlds: the page's own, without any `/worlds/{id}` prefix. */
export const MANAGER_BASE = ROOT_BASE.replace(/^\/worlds\/[^/]+(?=\/_mock$)/, '');
/** The world the page was served from (`default` for the plain URLs). */
export const PAGE_WORLD = /^\/worlds\/([^/]+)\/_mock$/.exec(ROOT_BASE)?.[1] ?? 'default';

let base = ROOT_BASE;
let token = sessionStorage.getItem(TOKEN_KEY);
let askToken = null;
const listeners = new Set();
const statusListeners = new Set();

export const controlBase = () => base;

/** Switches every request and the event stream to another control plane (a world). */
export function setControlBase(next) {
  if (next === base) return;
  base = next;
  restartStream();
}

/** The page registers how to ask for the token (a dialog); it resolves to the token or null. */
export function onTokenNeeded(fn) {
  askToken = fn;
}

export function setToken(value) {
  token = value || null;
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export const hasToken = () => Boolean(token);

export class ControlError extends Error {
  constructor(status, msg) {
    super(msg);
    this.status = status;
  }
}

let asking = null;
async function tokenAfter403() {
  if (!askToken) return false;
  asking ??= askToken().finally(() => (asking = null));
  const value = await asking;
  if (!value) return false;
  setToken(value);
  return true;
}

/**
 * A control request; JSON in and out. On 403 the token is asked for once, then the request retried.
 * `root` sends it to the control plane that manages worlds instead of the current world's.
 */
export async function control(method, path, body, { root = false, raw = false } = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = {};
    if (token) headers['x-mock-admin-token'] = token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${root ? MANAGER_BASE : base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    if (res.status === 403 && attempt === 0 && (await tokenAfter403())) continue;
    if (raw && res.ok) return res;
    const text = await res.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!res.ok) throw new ControlError(res.status, parsed?.msg ?? `${res.status} ${res.statusText}`);
    return parsed;
  }
}

export const get = (path, opts) => control('GET', path, undefined, opts);
export const post = (path, body, opts) => control('POST', path, body ?? {}, opts);
export const put = (path, body, opts) => control('PUT', path, body, opts);
export const del = (path, opts) => control('DELETE', path, undefined, opts);

// ---- the live stream -------------------------------------------------------------------------

/** Subscribes to stream messages `{type, data}`; returns the unsubscribe function. */
export function onEvent(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Subscribes to the connection state: 'connecting' | 'live' | 'locked' | 'offline'. */
export function onStreamStatus(fn) {
  statusListeners.add(fn);
  fn(streamStatus);
  return () => statusListeners.delete(fn);
}

let streamStatus = 'connecting';
let abort = null;
let generation = 0;
let connectedOnce = false;
let missed = false;

function setStatus(s) {
  streamStatus = s;
  for (const fn of statusListeners) fn(s);
}

function emit(type, data) {
  for (const fn of listeners) fn({ type, data });
}

export function restartStream() {
  abort?.abort();
  void runStream(++generation);
}

async function runStream(gen) {
  const controller = new AbortController();
  abort = controller;
  setStatus('connecting');
  try {
    const headers = token ? { 'x-mock-admin-token': token } : {};
    const res = await fetch(`${base}/events`, { headers, signal: controller.signal });
    if (res.status === 403) {
      missed = true;
      setStatus('locked');
      if (await tokenAfter403()) return restartStream();
      return;
    }
    if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
    setStatus('live');
    // Views loaded before a reconnect (or while locked out) may have missed changes or failed; the
    // first clean connection misses nothing.
    if (connectedOnce || missed) emit('reconnected', {});
    connectedOnce = true;
    missed = false;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let type = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) type = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length > 0) emit(type, JSON.parse(data.join('\n')));
      }
    }
  } catch (err) {
    if (controller.signal.aborted) return;
    console.warn('event stream', err);
  }
  if (gen !== generation) return;
  setStatus('offline');
  setTimeout(() => gen === generation && runStream(gen), 1000);
}
