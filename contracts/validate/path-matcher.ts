import type { oas31 } from 'openapi3-ts';
import { splitPath, type OperationInfo } from './operations.js';

/** Version prefixes the SevenRooms API (and the mock) answer under; see docs/decisions/0001. */
export const KNOWN_PREFIXES = ['/api-ext/2_4', '/api-ext/2_2', '/2_4', '/2_2'] as const;

/** The outcome of matching a method and URL against the spec's operations. */
export type MatchResult =
  | { matched: true; operation: OperationInfo; pathParams: Record<string, string>; query: URLSearchParams }
  | { matched: false; reason: string; query: URLSearchParams };

export interface PathMatcher {
  match(method: string, url: string): MatchResult;
}

/**
 * Builds a matcher for `operations`. A URL may be a bare path or a full URL to any host, with or
 * without one of the version prefixes (the known ones plus the path of every `servers` entry).
 * Static segments win over parameters, so `/clients/export` is `exportClients`, not `getClient`.
 */
export function createPathMatcher(
  operations: OperationInfo[],
  servers: oas31.ServerObject[] = [],
): PathMatcher {
  const prefixes = collectPrefixes(servers);
  const bySegmentCount = new Map<number, OperationInfo[]>();
  for (const operation of operations) {
    const list = bySegmentCount.get(operation.segments.length) ?? [];
    list.push(operation);
    bySegmentCount.set(operation.segments.length, list);
  }
  for (const list of bySegmentCount.values()) list.sort(compareSpecificity);

  return {
    match(method, url) {
      const { pathname, query } = splitUrl(url);
      const upper = method.toUpperCase();
      const allowed = new Set<string>();
      for (const candidate of candidatePaths(pathname, prefixes)) {
        const segments = splitPath(candidate).map(safeDecode);
        for (const operation of bySegmentCount.get(segments.length) ?? []) {
          const pathParams = matchSegments(operation, segments);
          if (!pathParams) continue;
          if (operation.method === upper) return { matched: true, operation, pathParams, query };
          allowed.add(operation.method);
        }
        if (allowed.size > 0) {
          return {
            matched: false,
            query,
            reason: `no operation matches ${upper} ${pathname}: the path is documented for ${[...allowed].join(', ')} only`,
          };
        }
      }
      return { matched: false, query, reason: `no operation matches ${upper} ${pathname}` };
    },
  };
}

/** Separates path and query of a bare path or a full URL. */
export function splitUrl(url: string): { pathname: string; query: URLSearchParams } {
  const parsed = new URL(url, 'http://contract.invalid');
  return { pathname: parsed.pathname, query: parsed.searchParams };
}

/** The path with each matching prefix removed (longest first), then the path as given. */
function candidatePaths(pathname: string, prefixes: string[]): string[] {
  const out: string[] = [];
  for (const prefix of prefixes) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`))
      out.push(pathname.slice(prefix.length) || '/');
  }
  out.push(pathname);
  return out;
}

function collectPrefixes(servers: oas31.ServerObject[]): string[] {
  const found = new Set<string>(KNOWN_PREFIXES);
  for (const server of servers) {
    const path = new URL(server.url.replace(/\{[^}]*\}/g, 'x'), 'http://contract.invalid').pathname;
    const trimmed = path.replace(/\/+$/, '');
    if (trimmed) found.add(trimmed);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

function matchSegments(operation: OperationInfo, segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const expected = operation.segments[i];
    const actual = segments[i];
    if (!expected || actual === undefined) return undefined;
    if (expected.kind === 'static') {
      if (expected.value !== actual) return undefined;
    } else {
      params[expected.name] = actual;
    }
  }
  return params;
}

/** Orders templates so that, at the first position where they differ, a static segment comes first. */
function compareSpecificity(a: OperationInfo, b: OperationInfo): number {
  for (let i = 0; i < a.segments.length; i++) {
    const left = a.segments[i]?.kind === 'static' ? 0 : 1;
    const right = b.segments[i]?.kind === 'static' ? 0 : 1;
    if (left !== right) return left - right;
  }
  return 0;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
