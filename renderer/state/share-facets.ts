import type { Facets } from '../../electron/core/api';

type Counted = readonly { name: string; count: number }[];

/**
 * The desk answers every list page with the whole desk's facets (20,000 source files at 100,000 articles), as
 * new objects each time. Keeping the parts that did not change as they were lets every filter that shows them
 * skip rendering: an answer that changed nothing returns `prev` itself.
 */
export function shareFacets(prev: Facets | null, next: Facets): Facets {
  if (!prev) return next;
  const statuses = sameRecord(prev.statuses, next.statuses) ? prev.statuses : next.statuses;
  const tags = sameCounts(prev.tags, next.tags) ? prev.tags : next.tags;
  const files = sameCounts(prev.files, next.files) ? prev.files : next.files;
  const claims = sameRecord(prev.claims, next.claims) ? prev.claims : next.claims;
  const withWarnings = next.withWarnings;
  if (statuses === prev.statuses && tags === prev.tags && files === prev.files && claims === prev.claims && withWarnings === prev.withWarnings) {
    return prev;
  }
  return { ...next, statuses, tags, files, claims, withWarnings };
}

function sameCounts(a: Counted, b: Counted): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.name !== b[i]!.name || a[i]!.count !== b[i]!.count) return false;
  }
  return true;
}

function sameRecord<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The same strings in the same order: the search's matched terms, kept as they were if unchanged. */
export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
