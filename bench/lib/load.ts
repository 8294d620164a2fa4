/** One load run: autocannon warm-up, then the measured run, with the server's memory sampled throughout. */
import autocannon, { type RequestSpec, type Result } from 'autocannon';
import { memoryOf, round1 } from './processes.js';

export interface LoadSettings {
  connections: number;
  pipelining: number;
  warmupSec: number;
  durationSec: number;
}

export interface LoadFigures {
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyAvgMs: number;
  /** Responses in the measured run, and those that were not 2xx (a valid run has 0). */
  responses: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** Highest VmRSS sampled during warm-up and measurement, MB. */
  rssMaxMb: number | null;
  bytesPerResponse: number;
}

export interface LoadRequest {
  /** The origin, e.g. http://127.0.0.1:4010 */
  origin: string;
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Called for every request; returns the path and body to send (each PUT book a new reservation). */
  vary?: (n: number) => { path?: string; body?: string };
}

function requestsFor(req: LoadRequest, counter: { n: number }): RequestSpec[] {
  const spec: RequestSpec = {
    method: req.method,
    path: req.path,
    headers: req.headers,
    ...(req.body !== undefined ? { body: req.body } : {}),
  };
  const vary = req.vary;
  if (vary) {
    spec.setupRequest = (request) => {
      const next = vary(counter.n++);
      if (next.path !== undefined) request.path = next.path;
      if (next.body !== undefined) request.body = next.body;
      return request;
    };
  }
  return [spec];
}

async function fire(req: LoadRequest, settings: LoadSettings, durationSec: number, counter: { n: number }) {
  return (await autocannon({
    url: req.origin,
    connections: settings.connections,
    pipelining: settings.pipelining,
    duration: durationSec,
    timeout: 10,
    requests: requestsFor(req, counter),
  })) as Result;
}

/** Warm-up (discarded), then the measured run. `pid` is the server's, for VmRSS sampling. */
export async function measureLoad(
  req: LoadRequest,
  settings: LoadSettings,
  pid: number,
): Promise<LoadFigures> {
  let rssMax = 0;
  const sample = () => {
    const m = memoryOf(pid);
    if (m) rssMax = Math.max(rssMax, m.rssMb);
  };
  const sampler = setInterval(sample, 250);
  const counter = { n: 0 };
  try {
    sample();
    if (settings.warmupSec > 0) await fire(req, settings, settings.warmupSec, counter);
    const r = await fire(req, settings, settings.durationSec, counter);
    sample();
    const statusCodes: Record<string, number> = {};
    for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {}))
      statusCodes[code] = Number(count);
    const responses = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
    return {
      requestsPerSec: Math.round(r.requests.average),
      latencyP50Ms: r.latency.p50,
      latencyP99Ms: r.latency.p99,
      latencyAvgMs: round1(r.latency.average),
      responses,
      non2xx: r.non2xx,
      errors: r.errors,
      statusCodes,
      rssMaxMb: rssMax > 0 ? rssMax : null,
      bytesPerResponse: responses > 0 ? Math.round(r.throughput.total / responses) : 0,
    };
  } finally {
    clearInterval(sampler);
  }
}
