import type { OperationSpec } from './operations.js';

/** Start-up fails loudly when code and document disagree about which operations exist. */
export function checkHandlerCoverage(
  document: string,
  operations: readonly OperationSpec[],
  handlers: Readonly<Record<string, unknown>>,
): void {
  const ids = new Set(operations.map((o) => o.operationId));
  const missing = [...ids].filter((id) => !handlers[id]);
  const orphans = Object.keys(handlers).filter((id) => !ids.has(id));
  if (missing.length || orphans.length) {
    throw new Error(
      [
        `${document} and the code disagree:`,
        missing.length ? `  operations with no handler: ${missing.join(', ')}` : '',
        orphans.length ? `  handlers naming no operation: ${orphans.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
}
