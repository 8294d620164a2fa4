/**
 * Ids a fuzzer can put in path and query parameters, by parameter name, learnt from what the mock
 * itself says: every `*_id` / `*Id` key in a JSON answer, every `id` of an object under a named key
 * (`reservation: {id}` → `reservation_id`, `deliveries: [{id}]` → `delivery_id`), and a snapshot's
 * records the same way. New operations and ids are picked up without listing them here.
 */
export type IdPools = Map<string, Set<string>>;

const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const singular = (key: string) =>
  key.endsWith('ies')
    ? `${key.slice(0, -3)}y`
    : key.endsWith('s') && !key.endsWith('ss')
      ? key.slice(0, -1)
      : key;

export function addId(pools: IdPools, name: string, value: unknown): void {
  if (typeof value !== 'string' || value === '' || value.length > 300) return;
  let pool = pools.get(name);
  if (!pool) pools.set(name, (pool = new Set()));
  if (pool.size < 200) pool.add(value);
}

/** Learns ids from a JSON value (an API answer or a snapshot). */
export function harvest(pools: IdPools, value: unknown, parentKey = ''): void {
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) harvest(pools, item, parentKey);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const name = snake(key);
    if (name === 'id' && parentKey) addId(pools, `${singular(snake(parentKey))}_id`, child);
    else if (name.endsWith('_id')) addId(pools, name, child);
    else if (name === 'reference_code' && parentKey) addId(pools, `${singular(snake(parentKey))}_id`, child);
    if (child && typeof child === 'object') harvest(pools, child, key === 'data' ? parentKey : key);
  }
}

export function pick(pools: IdPools, name: string): string[] {
  return [...(pools.get(name) ?? [])];
}
