import { buildRequest, joinUrl, readResponse } from '../suite/targets/build-request.js';
import type { Target, TargetResponse } from '../suite/types.js';
import { EXCHANGE_ID_HEADER, type Tap } from './tap.js';

/** One entry of Prism's `sl-violations` header. */
export interface PrismViolation {
  location: string[];
  message: string;
  severity: string;
  code?: string | number;
}

/** What Prism said about one request, next to what the target said. */
export interface PrismObservation {
  method: string;
  path: string;
  prismStatus: number;
  prismViolations: PrismViolation[];
  /** The target's own response; absent when Prism rejected the request without forwarding it. */
  upstream?: TargetResponse;
}

/** A target that sends every request through Prism and keeps Prism's verdict for each. */
export interface PrismTarget extends Target {
  readonly observations: PrismObservation[];
}

/**
 * Wraps `inner` (reachable by Prism through `tap`) so the suite's requests go through the Prism
 * proxy at `prismUrl`. The suite sees the target's real answer (from the tap) whenever Prism
 * forwarded the request, and Prism's own answer when it refused to.
 */
export function createPrismTarget(inner: Target, prismUrl: string, tap: Tap): PrismTarget {
  const observations: PrismObservation[] = [];
  let counter = 0;
  return {
    name: `${inner.name} via Prism`,
    kind: inner.kind,
    observations,
    async fetch(method, path, request = {}) {
      const id = `${process.pid}-${++counter}`;
      const { pathAndQuery, init } = buildRequest(method, path, {
        ...request,
        headers: { ...request.headers, [EXCHANGE_ID_HEADER]: id },
      });
      const url = joinUrl(prismUrl, pathAndQuery);
      const prism = await readResponse(await fetch(url, { ...init, redirect: 'manual' }), url);
      const upstream = tap.take(id);
      observations.push({
        method,
        path,
        prismStatus: prism.status,
        prismViolations: parseViolations(prism.headers['sl-violations']),
        ...(upstream ? { upstream } : {}),
      });
      if (upstream) return upstream;
      return {
        ...prism,
        intercepted: `Prism answered ${prism.status} itself and did not forward the request`,
      };
    },
  };
}

/** Parses Prism's `sl-violations` header (a JSON array, possibly truncated with a prefix). */
export function parseViolations(header: string | undefined): PrismViolation[] {
  if (!header) return [];
  try {
    const parsed = JSON.parse(header) as unknown;
    return Array.isArray(parsed) ? (parsed as PrismViolation[]) : [];
  } catch {
    return [{ location: [], message: header.slice(0, 500), severity: 'Error' }];
  }
}
