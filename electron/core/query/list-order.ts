import type { ArticleSummary } from '../model.js';

export type SortKey = 'import' | 'date' | 'headline';

export const listCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The list's order between two articles; 0 only for articles with the same `seq`. */
export function compareSummaries(sort: SortKey, dir: number, x: ArticleSummary, y: ArticleSummary): number {
  if (sort === 'headline') return dir * listCollator.compare(x.headline, y.headline) || x.seq - y.seq;
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

/** More moved articles than this and an order is sorted again rather than repaired. */
const REPAIR_LIMIT = 32;

/**
 * One sort order over one state of the desk, built once and shared by every page and filter asked of that
 * state: sorting 100,000 headlines with the collator takes longer than everything else a page does. An edit
 * carries it over to the next state, repaired for the few articles that moved.
 */
export class ListOrder {
  private constructor(
    private readonly all: readonly ArticleSummary[],
    private readonly sort: SortKey,
    private readonly dir: number,
    /**
     * The desk's positions in this order, ties (equal `seq`) in desk order, as a stable sort of the desk leaves
     * them; null when that is the desk's own order.
     */
    readonly positions: Int32Array | null,
    private ranks: Int32Array | null,
  ) {}

  static of(all: readonly ArticleSummary[], sort: SortKey, dir: number): ListOrder {
    return new ListOrder(all, sort, dir, alreadyInOrder(all, sort, dir) ? null : sortedPositions(all, sort, dir), null);
  }

  /**
   * For each desk position, its rank in this order, equal for articles the comparison cannot tell apart: a
   * subset (search hits) sorted by rank and then by its own order is what a stable sort of it would give.
   */
  rank(): Int32Array {
    if (this.ranks) return this.ranks;
    const { all, sort, dir } = this;
    const ranks = new Int32Array(all.length);
    let rank = 0;
    let prev = -1;
    for (let k = 0; k < all.length; k++) {
      const i = this.positions ? this.positions[k]! : k;
      // Only articles with the same seq can compare equal, so the collator is rarely consulted here.
      if (prev >= 0 && !(all[prev]!.seq === all[i]!.seq && compareSummaries(sort, dir, all[prev]!, all[i]!) === 0)) rank++;
      ranks[i] = rank;
      prev = i;
    }
    return (this.ranks = ranks);
  }

  /**
   * This order for `next`, a commit's new list with the summaries at `changed` replaced (`previous` the list
   * this order is for); null when sorting again is simpler.
   */
  carriedTo(previous: readonly ArticleSummary[], next: readonly ArticleSummary[], changed: readonly number[]): ListOrder | null {
    const moved = changed.filter((i) => !sameSortKey(this.sort, previous[i]!, next[i]!));
    if (moved.length === 0) return new ListOrder(next, this.sort, this.dir, this.positions, this.ranks);
    if (!this.positions || moved.length > REPAIR_LIMIT) return null;
    return new ListOrder(next, this.sort, this.dir, reinsert(this.positions, moved, (i, j) => compareSummaries(this.sort, this.dir, next[i]!, next[j]!) || i - j), null);
  }
}

/** `positions` with each of `moved` taken out and put back where `compare` says it now belongs. */
function reinsert(positions: Int32Array, moved: readonly number[], compare: (i: number, j: number) => number): Int32Array {
  const out = new Int32Array(positions.length);
  const away = new Set(moved);
  let length = 0;
  for (const i of positions) if (!away.has(i)) out[length++] = i;
  for (const i of moved) {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(out[mid]!, i) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.copyWithin(lo + 1, lo, length);
    out[lo] = i;
    length++;
  }
  return out;
}

function sameSortKey(sort: SortKey, a: ArticleSummary, b: ArticleSummary): boolean {
  if (a.seq !== b.seq) return false;
  if (sort === 'headline') return a.headline === b.headline;
  if (sort === 'date') return (a.updated?.date ?? null) === (b.updated?.date ?? null);
  return true;
}

/** `desk.list()` is in import order, so the default order needs no sort at all. */
function alreadyInOrder(all: readonly ArticleSummary[], sort: SortKey, dir: number): boolean {
  if (sort !== 'import' || dir !== 1) return false;
  for (let i = 1; i < all.length; i++) if (all[i - 1]!.seq > all[i]!.seq) return false;
  return true;
}

function sortedPositions(all: readonly ArticleSummary[], sort: SortKey, dir: number): Int32Array {
  const positions = Array.from({ length: all.length }, (_, i) => i);
  positions.sort((i, j) => compareSummaries(sort, dir, all[i]!, all[j]!) || i - j);
  return Int32Array.from(positions);
}
