import { z } from 'zod';
import { type ArticleSummary, DEFAULT_VERDICT_SCALE, STATUSES, StatusSchema, type VerdictDefinition } from '../model.js';
import { type DeskView, deskView } from './desk-view.js';
import type { Facets } from './facets.js';
import type { SortKey } from './list-order.js';
import { type RowFilter, rowFilter } from './row-filter.js';
import { smallest } from './smallest.js';

export type { Facets } from './facets.js';

export const ListQuerySchema = z.strictObject({
  offset: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().max(100_000).optional(),
  sort: z.enum(['import', 'date', 'headline']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  query: z.string().max(500).optional(),
  statuses: z.array(StatusSchema).max(STATUSES.length).optional(),
  tag: z.string().max(64).optional(),
  file: z.string().max(1024).optional(),
  hasWarnings: z.boolean().optional(),
  /** By stored claims: see `hasUncheckedClaims` and `hasFalseOrMisleading` for what each means. */
  claims: z.enum(['unchecked', 'false-or-misleading']).optional(),
  /** Articles whose current text names this entity (a whole-word, case-sensitive phrase)… */
  mentions: z.string().trim().min(1).max(200).optional(),
  /** …or any of these other names of it (short forms, acronyms), as the fact-check panel knows them. */
  mentionAliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export interface ListItem extends ArticleSummary {
  /** Search terms that matched this article (empty without a query). */
  matches: string[];
}

export interface ArticlePage {
  total: number;
  items: ListItem[];
  /**
   * Counts over the whole desk, for the filter bar; spiked articles are counted but hidden by default. Shared by
   * every page of one desk state: read it, don't change it.
   */
  facets: Facets;
  /** All the terms the query matched anywhere, for highlighting. */
  terms: string[];
}

/** What the list needs beyond the summaries: the desk's verdict scale, and the articles naming `mentions`. */
export interface ListContext {
  verdicts?: readonly VerdictDefinition[];
  /** The ids found for `q.mentions` (the caller looks them up, as that needs article text); null: no filter. */
  mentioned?: ReadonlySet<string> | null;
}

type Hit = { id: string; terms: string[] };

/**
 * Filters, searches, sorts and pages the desk's summaries. Spiked (rejected) copy is hidden unless the filter
 * asks for it by status. A query ranks by relevance unless another sort is chosen.
 *
 * `all` is the desk's list (`desk.list()`), which must not change once passed: what is derived from it (facets,
 * orders, positions of ids) is kept for the next call with the same array. Only the returned page is copied.
 */
export function runListQuery(all: readonly ArticleSummary[], q: ListQuery, search: (query: string) => Hit[], context: ListContext = {}): ArticlePage {
  const scale = context.verdicts ?? DEFAULT_VERDICT_SCALE;
  const mentioned = q.mentions ? context.mentioned : null;
  // A programming error, not a user's: the filter would silently show the whole desk.
  if (mentioned === undefined) throw new Error('runListQuery: a mentions filter needs the ids found for it');
  const view = deskView(all);
  const { facets, claimFlags } = view.underScale(scale);
  const keep = rowFilter(q, { all, traits: view.traits, claimFlags, tagged: (key) => view.tagged(key), mentioned });
  const sort: SortKey | null = q.sort ?? (q.query ? null : 'import');
  const dir = q.order === 'desc' ? -1 : 1;
  const page = new PageCollector(all, q.offset ?? 0, q.limit);

  if (q.query && q.query.trim() !== '') {
    const hits = search(q.query);
    if (sort) collectSorted(hits, view, keep, view.order(sort, dir).rank(), page);
    else for (const h of hits) offerHit(h, view, keep, page);
    return { total: page.total, items: page.items, facets, terms: distinctTerms(hits) };
  }
  // Without a search every article is a row, taken in the order asked for (a blank query asks for none).
  const positions = sort ? view.order(sort, dir).positions : null;
  for (let k = 0; k < all.length; k++) {
    const i = positions ? positions[k]! : k;
    if (keep(i)) page.offer(i, []);
  }
  return { total: page.total, items: page.items, facets, terms: [] };
}

/** Counts every row and copies only those of the page. */
class PageCollector {
  total = 0;
  readonly items: ListItem[] = [];
  /** How many rows, from the first, the page reaches. */
  readonly end: number;

  constructor(
    private readonly all: readonly ArticleSummary[],
    private readonly offset: number,
    limit: number | undefined,
  ) {
    this.end = limit === undefined ? Infinity : offset + limit;
  }

  offer(position: number, matches: string[]): void {
    if (this.total >= this.offset && this.total < this.end) this.items.push({ ...this.all[position]!, matches });
    this.total++;
  }

  /** Rows past the page, counted but not looked at. */
  count(rows: number): void {
    this.total += rows;
  }
}

function offerHit(h: Hit, view: DeskView, keep: RowFilter, page: PageCollector): void {
  const i = view.positionOf(h.id);
  if (i !== undefined && keep(i)) page.offer(i, h.terms);
}

/** The hits in the order of `ranks`, ties left in relevance order (as a stable sort of the hits leaves them). */
function collectSorted(hits: readonly Hit[], view: DeskView, keep: RowFilter, ranks: Int32Array, page: PageCollector): void {
  const rows: number[] = [];
  const matches: string[][] = [];
  for (const h of hits) {
    const i = view.positionOf(h.id);
    if (i === undefined || !keep(i)) continue;
    rows.push(i);
    matches.push(h.terms);
  }
  // Rank and hit order packed into one number (exact below 2^53), ordered natively rather than by a comparator.
  const m = rows.length;
  const keys = new Float64Array(m);
  for (let j = 0; j < m; j++) keys[j] = ranks[rows[j]!]! * m + j;
  const first = smallest(keys, Math.min(m, page.end));
  for (const key of first) {
    const j = key % m;
    page.offer(rows[j]!, matches[j]!);
  }
  page.count(m - first.length);
}

/** Every term any hit matched, in order of first appearance; hits matching the same terms share one list. */
function distinctTerms(hits: readonly Hit[]): string[] {
  const lists = new Set<string[]>();
  const terms = new Set<string>();
  let last: string[] | null = null;
  for (const h of hits) {
    // Neighbouring hits often share a list: checked before the set, which is slower to ask.
    if (h.terms === last || lists.has(h.terms)) continue;
    last = h.terms;
    lists.add(h.terms);
    for (const t of h.terms) terms.add(t);
  }
  return [...terms];
}
