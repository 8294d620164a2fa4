import type { StepSpec, SuiteContext } from './context.js';

/** Where a list operation keeps its items and next cursor. */
export type PageReader = (json: unknown) => { items: unknown[]; cursor: string | undefined };

export interface PaginateOptions {
  /** Stop after this many pages (a real venue group can hold years of reservations). */
  maxPages: number;
  /** The `limit` sent on every page; pages larger than this are a failure. */
  limit: number;
}

/**
 * Requests page after page, sending back the `cursor` of each response until it is absent or null,
 * and returns every item. Fails the run when a cursor repeats (an endless loop) or a page holds more
 * than `limit` items. Stops quietly at `maxPages`.
 */
export async function paginate(
  ctx: SuiteContext,
  spec: StepSpec,
  read: PageReader,
  options: PaginateOptions,
): Promise<{ items: unknown[]; pages: number; complete: boolean }> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; page <= options.maxPages; page++) {
    const outcome = await ctx.step({
      ...spec,
      name: `${spec.name} (page ${page})`,
      query: { ...spec.query, limit: options.limit, cursor },
    });
    if (!outcome.ok || outcome.status !== 200) return { items, pages: page, complete: false };
    const { items: pageItems, cursor: next } = read(outcome.json);
    items.push(...pageItems);
    if (pageItems.length > options.limit) {
      ctx.fail(
        `${spec.name} (page ${page})`,
        `page holds ${pageItems.length} items but limit was ${options.limit}`,
      );
    }
    if (!next) return { items, pages: page, complete: true };
    if (seen.has(next)) {
      ctx.fail(`${spec.name} (page ${page})`, `cursor ${next} was returned twice: paging never ends`);
      return { items, pages: page, complete: false };
    }
    seen.add(next);
    cursor = next;
  }
  return { items, pages: options.maxPages, complete: false };
}
