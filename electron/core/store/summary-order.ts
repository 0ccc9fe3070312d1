import type { ArticleSummary } from '../model.js';

/** The desk's list as it stands, read in place (an array is one too). */
export interface Listing {
  readonly length: number;
  at(i: number): ArticleSummary | undefined;
}

/** The list as it stands, and what changed in it, for readers that follow every edit (tag-spellings.ts). */
export interface SummaryFeed extends Listing {
  /** Changes with every summary replaced or article added. */
  readonly version: number;
  /**
   * Position → the summary it held at `version`, for each position replaced since; null when articles were added
   * since, when more than `limit` positions changed, or when the log no longer reaches back that far.
   */
  replacedSince(version: number, limit: number): ReadonlyMap<number, ArticleSummary> | null;
}

/** Replacements remembered for `replacedSince`; a reader further behind builds afresh. */
const LOG_MAX = 4096;

/**
 * The desk's summaries in import order, as the list query and the tag spellings read them.
 *
 * An edit replaces an article's summary but not its import number, so its position is found by binary search on
 * `seq` and the summary replaced there, rather than the whole desk sorted again. `list()` hands out an array that
 * never changes afterwards (the list query keys what it derives on it), so it copies the last one with the
 * replacements in, recording them against the new array for readers holding the old one (`replacedSince`).
 * At 100,000 articles that copy alone costs most of a millisecond, so what an edit itself needs (the tag
 * spellings) reads the order in place instead, as a `SummaryFeed`.
 */
export class SummaryOrder implements SummaryFeed {
  private ordered: ArticleSummary[] | null = null;
  /** Position → summary, not yet in `ordered`. */
  private readonly replaced = new Map<number, ArticleSummary>();
  version = 0;
  /** The version `ordered` was sorted at: the log reaches back no further. */
  private sortedAt = 0;
  private log: { version: number; at: number; before: ArticleSummary }[] = [];

  constructor(private readonly all: () => Iterable<ArticleSummary>) {}

  list(): readonly ArticleSummary[] {
    const ordered = this.sorted();
    if (this.replaced.size === 0) return ordered;
    const next = ordered.slice();
    for (const [at, summary] of this.replaced) next[at] = summary;
    lineage.set(next, { from: new WeakRef(ordered), at: [...this.replaced.keys()] });
    this.ordered = next;
    this.replaced.clear();
    return next;
  }

  get length(): number {
    return this.sorted().length;
  }

  at(i: number): ArticleSummary | undefined {
    return this.replaced.get(i) ?? this.sorted()[i];
  }

  /** An article's new summary: replaced in place when it is listed under the same import number, else the order is rebuilt. */
  put(summary: ArticleSummary): void {
    if (!this.ordered) {
      // Not sorted yet (a desk being opened puts every summary): nothing to replace, nothing to clear.
      this.sortedAt = ++this.version;
      return;
    }
    const at = positionOfSeq(this.ordered, summary.seq);
    if (at === -1 || this.ordered[at]!.id !== summary.id) {
      this.reset();
      return;
    }
    this.version++;
    this.log.push({ version: this.version, at, before: this.at(at)! });
    if (this.log.length > LOG_MAX) this.log = this.log.slice(LOG_MAX >> 1);
    this.replaced.set(at, summary);
  }

  /** Articles added: sorted afresh when next read. */
  reset(): void {
    this.ordered = null;
    this.replaced.clear();
    if (this.log.length > 0) this.log = [];
    this.sortedAt = ++this.version;
  }

  replacedSince(version: number, limit: number): ReadonlyMap<number, ArticleSummary> | null {
    if (version < this.sortedAt || (version < this.version && (this.log[0]?.version ?? Infinity) > version + 1)) return null;
    const before = new Map<number, ArticleSummary>();
    for (let i = this.log.length - 1; i >= 0 && this.log[i]!.version > version; i--) {
      // Walking back, the earliest replacement of a position is seen last: it holds what was there at `version`.
      const { at, before: was } = this.log[i]!;
      before.set(at, was);
      if (before.size > limit) return null;
    }
    return before;
  }

  private sorted(): ArticleSummary[] {
    return (this.ordered ??= [...this.all()].sort((a, b) => a.seq - b.seq));
  }
}

/**
 * Lists made from another by replacing the summaries at `at`. Weak both ways: a strong `from` would keep every
 * list since the desk opened alive (some 800 KB each at 100,000 articles); a reader that lets go of a list it
 * started from just compares the lists again.
 */
const lineage = new WeakMap<readonly ArticleSummary[], { from: WeakRef<readonly ArticleSummary[]>; at: readonly number[] }>();
/** Past this many lists in between, a reader compares the lists instead. */
const MAX_STEPS = 256;

/**
 * The positions replaced between `previous` and `next` when `next` was made from `previous` by the edits of
 * SummaryOrder (sorted, at most `limit`), or null when that is not known or more than `limit` changed.
 */
export function replacedSince(previous: readonly ArticleSummary[], next: readonly ArticleSummary[], limit: number): number[] | null {
  const positions = new Set<number>();
  let list = next;
  for (let steps = 0; list !== previous; steps++) {
    const step = lineage.get(list);
    if (!step || steps >= MAX_STEPS) return null;
    for (const at of step.at) positions.add(at);
    const from = step.from.deref();
    if (!from || positions.size > limit) return null;
    list = from;
  }
  return [...positions].sort((a, b) => a - b);
}

function positionOfSeq(list: readonly ArticleSummary[], seq: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = list[mid]!.seq;
    if (s === seq) return mid;
    if (s < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
