import type { MiddlewareContext } from '../middleware/types.js';

/** Budget classes: `/auth` is keyed per source address by the limiter; writes and exports have their own buckets. */
export function operationClass(c: MiddlewareContext): string {
  const id = c.get('operationId') ?? '';
  if (id === 'authenticate') return 'auth';
  if (id.startsWith('export')) return 'export';
  // A price quote is a POST that changes nothing: it spends the read budget, not the write one.
  if (id === 'calculateConciergePrices') return 'read';
  return c.req.method === 'GET' ? 'read' : 'write';
}
