import type { ContractViolation } from './types.js';

/**
 * One line a person can act on: `[getVenue] response.body /data/id: must be string`.
 * Violations that matched no operation read `[no operation] match: no operation matches GET /x`.
 */
export function formatViolation(found: ContractViolation): string {
  const where = found.pointer ? `${found.in} ${found.pointer}` : found.in;
  return `[${found.operationId ?? 'no operation'}] ${where}: ${found.message}`;
}
