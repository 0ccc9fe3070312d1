// The list query as it was before issue #7, kept verbatim as the specification the fast version must match:
// it copies every row, sorts them all and counts the facets afresh on every call.
import { hasFalseOrMisleading, hasUncheckedClaims } from '../../../electron/core/factcheck/verdict-scale.js';
import { type ArticleSummary, DEFAULT_VERDICT_SCALE, STATUSES, type Status, type VerdictDefinition } from '../../../electron/core/model.js';
import type { ArticlePage, Facets, ListContext, ListItem, ListQuery } from '../../../electron/core/query/list-query.js';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Filters, searches, sorts and pages the desk's summaries. Spiked (rejected) copy is hidden unless the filter
 * asks for it by status. A query ranks by relevance unless another sort is chosen.
 */
export function referenceListQuery(
  all: readonly ArticleSummary[],
  q: ListQuery,
  search: (query: string) => { id: string; terms: string[] }[],
  context: ListContext = {},
): ArticlePage {
  const scale = context.verdicts ?? DEFAULT_VERDICT_SCALE;
  const mentioned = q.mentions ? context.mentioned : null;
  // A programming error, not a user's: the filter would silently show the whole desk.
  if (mentioned === undefined) throw new Error('runListQuery: a mentions filter needs the ids found for it');
  const facets = countFacets(all, scale);
  let rows: ListItem[];
  let terms: string[] = [];
  if (q.query && q.query.trim() !== '') {
    const hits = search(q.query);
    const byId = new Map(all.map((a) => [a.id, a]));
    rows = hits.flatMap((h) => {
      const a = byId.get(h.id);
      return a ? [{ ...a, matches: h.terms }] : [];
    });
    terms = [...new Set(hits.flatMap((h) => h.terms))];
  } else {
    rows = all.map((a) => ({ ...a, matches: [] }));
  }

  const statuses = q.statuses && q.statuses.length > 0 ? new Set(q.statuses) : null;
  const tag = q.tag?.trim().toLowerCase();
  rows = rows.filter(
    (a) =>
      (statuses ? statuses.has(a.status) : a.status !== 'spiked') &&
      (!tag || a.tags.some((t) => t.trim().toLowerCase() === tag)) &&
      (!q.file || a.source.file === q.file) &&
      (q.hasWarnings === undefined || (a.warningCount > 0) === q.hasWarnings) &&
      (q.claims === undefined || (q.claims === 'unchecked' ? hasUncheckedClaims(a.verdictCounts, scale) : hasFalseOrMisleading(a.verdictCounts, scale))) &&
      (!mentioned || mentioned.has(a.id)),
  );

  const sort = q.sort ?? (q.query ? null : 'import');
  if (sort) {
    const dir = q.order === 'desc' ? -1 : 1;
    rows.sort((x, y) => compare(sort, dir, x, y));
  }
  const offset = q.offset ?? 0;
  return {
    total: rows.length,
    items: rows.slice(offset, q.limit === undefined ? undefined : offset + q.limit),
    facets,
    terms,
  };
}

function compare(sort: 'import' | 'date' | 'headline', dir: number, x: ArticleSummary, y: ArticleSummary): number {
  if (sort === 'headline') return dir * collator.compare(x.headline, y.headline) || x.seq - y.seq;
  if (sort === 'date') {
    // Undated (relative or missing) copy sorts after dated copy in either direction, in import order.
    const dx = x.updated?.date ?? null;
    const dy = y.updated?.date ?? null;
    if (dx === dy) return x.seq - y.seq;
    if (dx === null) return 1;
    if (dy === null) return -1;
    return dir * (dx < dy ? -1 : 1);
  }
  return dir * (x.seq - y.seq);
}

function countFacets(all: readonly ArticleSummary[], scale: readonly VerdictDefinition[]): Facets {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const tags = new Map<string, { name: string; count: number }>();
  const files = new Map<string, number>();
  let withWarnings = 0;
  const claims = { unchecked: 0, falseOrMisleading: 0 };
  for (const a of all) {
    statuses[a.status]++;
    for (const t of a.tags) {
      const key = t.trim().toLowerCase();
      const entry = tags.get(key);
      if (entry) entry.count++;
      else tags.set(key, { name: t, count: 1 });
    }
    files.set(a.source.file, (files.get(a.source.file) ?? 0) + 1);
    if (a.warningCount > 0) withWarnings++;
    if (hasUncheckedClaims(a.verdictCounts, scale)) claims.unchecked++;
    if (hasFalseOrMisleading(a.verdictCounts, scale)) claims.falseOrMisleading++;
  }
  return {
    statuses,
    tags: [...tags.values()].sort((a, b) => b.count - a.count || collator.compare(a.name, b.name)),
    files: [...files].map(([name, count]) => ({ name, count })).sort((a, b) => collator.compare(a.name, b.name)),
    withWarnings,
    claims,
  };
}
