/** Reads a V8 `.cpuprofile` and names where the time went: self time by function and by area. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Share of all samples (%), busiest first. */
  functions: { name: string; percent: number }[];
  /** Shares grouped: the mock's own code, Hono, @hono/node-server, Node's HTTP/streams, GC, idle. */
  areas: Record<string, number>;
}

function areaOf(url: string, fn: string): string {
  if (fn === '(idle)') return 'idle';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (url.includes('/mock-server/')) return 'mock-server';
  if (url.includes('/node_modules/hono/')) return 'hono';
  if (url.includes('@hono/node-server')) return '@hono/node-server';
  if (url.includes('undici')) return 'undici (Request/Response/Headers)';
  if (url.startsWith('node:')) return 'node core (http, streams)';
  if (fn === 'writev' || fn === 'writeBuffer' || fn === 'writeUtf8String') return 'socket writes';
  if (url === '') return 'native / other';
  return 'other';
}

export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFunction = new Map<string, number>();
  const areas: Record<string, number> = {};
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const short = url.replace(/^.*\/(mock-server|node_modules)\//, '$1/');
    const name = `${functionName || '(anonymous)'} ${short}${short ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    const area = areaOf(url, functionName);
    areas[area] = (areas[area] ?? 0) + time;
  }
  const pct = (t: number) => Math.round((1000 * t) / Math.max(total, 1)) / 10;
  return {
    file,
    functions: [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ name, percent: pct(t) })),
    areas: Object.fromEntries(
      Object.entries(areas)
        .sort((a, b) => b[1] - a[1])
        .map(([k, t]) => [k, pct(t)]),
    ),
  };
}
