// Data that stays live: loaded once, then reloaded (debounced) whenever the event stream reports
// something of the listed kinds, so every view follows changes made by any client within a second.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onEvent } from './api.js';

const DEBOUNCE_MS = 60;

/**
 * @param {() => Promise<any>} loader
 * @param {unknown[]} deps       reload from scratch when these change
 * @param {string[]} kinds       stream message types that trigger a reload
 * @param {{ delayMs?: number }} [options]  how long a burst of messages is gathered (heavier reads wait longer)
 */
export function useLive(loader, deps, kinds, { delayMs = DEBOUNCE_MS } = {}) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const loaderRef = useRef(loader);
  loaderRef.current = loader;
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const data = await loaderRef.current();
      if (mine === seq.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (mine === seq.current) setState((s) => ({ data: s.data, error, loading: false }));
    }
  }, []);

  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    void reload();
    let timer = null;
    const off = onEvent((message) => {
      if (message.type !== 'reconnected' && !kinds.includes(message.type)) return;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void reload();
      }, delayMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, deps);

  return { ...state, reload };
}

/** Runs an action, reporting failures to the page's toast; resolves to the result or undefined. */
export async function act(toast, label, fn) {
  try {
    const result = await fn();
    toast({ kind: 'ok', text: label });
    return result;
  } catch (err) {
    toast({ kind: 'error', text: `${label} failed: ${err.message}` });
    return undefined;
  }
}
