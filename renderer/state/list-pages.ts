/**
 * The list's loaded rows, a page at a time. A page answer adds one entry to a new map that shares every other
 * page with the old one, so the cost of an answer is the number of pages held, never the number of rows (at
 * 100,000 articles, copying a map of rows on every answer was a long task of its own).
 */
export type Pages<T> = ReadonlyMap<number, readonly T[]>;

/** Pages kept at most: 50 × 100 rows. Pages far from the view are dropped, and fetched again if shown again. */
export const MAX_PAGES = 50;

export function rowAt<T>(pages: Pages<T>, index: number, pageSize: number): T | undefined {
  if (index < 0) return undefined;
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}

/**
 * `pages` with `items` as page `page`; when that makes more than `max`, the pages farthest from `near` (the page
 * in view) are let go.
 */
export function withPage<T>(pages: Pages<T>, page: number, items: readonly T[], near = page, max = MAX_PAGES): Pages<T> {
  const next = new Map(pages);
  next.set(page, items);
  if (next.size > max) {
    const farthestFirst = [...next.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const p of farthestFirst.slice(0, next.size - max)) next.delete(p);
  }
  return next;
}

/** Every loaded row with its index in the list, page by page. */
export function* loadedRows<T>(pages: Pages<T>, pageSize: number): Generator<[number, T]> {
  for (const [page, items] of pages) {
    for (let i = 0; i < items.length; i++) yield [page * pageSize + i, items[i]!];
  }
}

export function loadedCount<T>(pages: Pages<T>): number {
  let n = 0;
  for (const items of pages.values()) n += items.length;
  return n;
}
