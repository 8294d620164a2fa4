import type { MockContext } from '../routes/context.js';
import type { OperationSpec } from '../spec/operations.js';
import { wrongMethod } from './error-responses.js';

export interface MethodGuard {
  /** Hono route path of the literal spec path, e.g. `/reservations/export`. */
  routePath: string;
  /** Methods a more generic sibling would otherwise take, e.g. `DELETE` of `/reservations/{reservation_id}`. */
  methods: string[];
  /** What the literal path really answers, for `Allow`. */
  allowed: string[];
}

const segments = (path: string) => path.split('/').filter(Boolean);
const isParam = (segment: string) => segment.startsWith('{');

/** True when every concrete path of `specific` is also a concrete path of `generic`. */
function covers(generic: string[], specific: string[]): boolean {
  return (
    generic.length === specific.length &&
    generic.every((g, i) => isParam(g) || (!isParam(specific[i]!) && g === specific[i]))
  );
}

/**
 * Where a literal path (`/reservations/export`) also matches a parameterised sibling
 * (`/reservations/{reservation_id}`), a method only the sibling has would be routed to it —
 * `DELETE /reservations/export` answered "Invalid reservation ID" instead of 405. The guards
 * found here answer those combinations with 405 before the sibling sees them; every other
 * request never meets them.
 */
export function shadowedMethodGuards(operations: readonly OperationSpec[]): MethodGuard[] {
  const byPath = new Map<string, { routePath: string; methods: Set<string> }>();
  for (const op of operations) {
    const entry = byPath.get(op.path) ?? { routePath: op.routePath, methods: new Set<string>() };
    entry.methods.add(op.method.toUpperCase());
    byPath.set(op.path, entry);
  }
  const guards: MethodGuard[] = [];
  for (const [path, own] of byPath) {
    const shadowing = new Set<string>();
    for (const [other, theirs] of byPath) {
      if (other === path || !covers(segments(other), segments(path))) continue;
      for (const m of theirs.methods) if (!own.methods.has(m)) shadowing.add(m);
    }
    if (shadowing.size > 0)
      guards.push({ routePath: own.routePath, methods: [...shadowing], allowed: [...own.methods] });
  }
  return guards;
}

export const answerWrongMethod = (guard: MethodGuard) =>
  function wrongMethodGuard(c: MockContext): Response {
    return wrongMethod(c, guard.allowed);
  };
