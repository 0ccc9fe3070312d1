import type { ArticleSummary, VerdictDefinition } from '../model.js';
import { FacetCounts } from './facets.js';
import { IdPositions } from './id-positions.js';
import { listChanges } from './list-changes.js';
import { ListOrder, type SortKey } from './list-order.js';
import { type RowTraits, rowTraits } from './row-traits.js';

/** Tag filters kept per desk state: an editor pages through one or two at a time. */
const KEPT_TAGS = 8;

const hasTag = (a: ArticleSummary, key: string): boolean => a.tags.some((t) => t.trim().toLowerCase() === key);

/**
 * What the list derives from one state of the desk, built on first use and kept while that state lasts.
 * `desk.list()` returns the same array until a commit replaces it, so keying on the array is keying on the
 * state; a caller must not change an array it has passed in.
 */
export class DeskView {
  private positionsById: IdPositions | null = null;
  private scaled: { key: string; counts: FacetCounts } | null = null;
  private readonly orders = new Map<string, ListOrder>();
  private traitsOf: RowTraits | null = null;
  private readonly tags = new Map<string, Uint8Array>();

  constructor(readonly all: readonly ArticleSummary[]) {}

  /** The desk position of an id (the last, should the list hold it twice). */
  positionOf(id: string): number | undefined {
    return (this.positionsById ??= new IdPositions(this.all)).get(id);
  }

  /**
   * The facets and claims flags under a verdict scale. Keyed by the scale's content rather than its identity,
   * since settings are re-read and re-built; one scale is in use at a time, so only the last is kept.
   */
  underScale(scale: readonly VerdictDefinition[]): FacetCounts {
    const key = JSON.stringify(scale);
    if (this.scaled?.key !== key) this.scaled = { key, counts: FacetCounts.count(this.all, scale) };
    return this.scaled.counts;
  }

  get traits(): RowTraits {
    return (this.traitsOf ??= rowTraits(this.all));
  }

  /** 1 at the positions of articles carrying the tag of this (trimmed, lower-cased) name. */
  tagged(key: string): Uint8Array {
    let mask = this.tags.get(key);
    if (mask) {
      // Most recently used last, so the oldest goes first.
      this.tags.delete(key);
    } else {
      mask = new Uint8Array(this.all.length);
      for (let i = 0; i < this.all.length; i++) if (hasTag(this.all[i]!, key)) mask[i] = 1;
      if (this.tags.size >= KEPT_TAGS) this.tags.delete(this.tags.keys().next().value!);
    }
    this.tags.set(key, mask);
    return mask;
  }

  order(sort: SortKey, dir: number): ListOrder {
    const key = `${sort} ${dir}`;
    let order = this.orders.get(key);
    if (!order) this.orders.set(key, (order = ListOrder.of(this.all, sort, dir)));
    return order;
  }

  /**
   * A view of `next`, the list after a commit that replaced the summaries at `changed` (the same articles at
   * the same positions), taking over what this view worked out, corrected for those summaries only.
   */
  carriedTo(next: readonly ArticleSummary[], changed: readonly number[]): DeskView {
    const view = new DeskView(next);
    // Same ids at the same positions.
    view.positionsById = this.positionsById;
    if (this.traitsOf) {
      const traits = this.traitsOf.slice();
      const patch = rowTraits(changed.map((i) => next[i]!));
      changed.forEach((i, k) => (traits[i] = patch[k]!));
      view.traitsOf = traits;
    }
    for (const [key, mask] of this.tags) {
      const patched = mask.slice();
      for (const i of changed) patched[i] = hasTag(next[i]!, key) ? 1 : 0;
      view.tags.set(key, patched);
    }
    for (const [key, order] of this.orders) {
      const carried = order.carriedTo(this.all, next, changed);
      if (carried) view.orders.set(key, carried);
    }
    const counts = this.scaled?.counts.carriedTo(this.all, next, changed);
    if (counts) view.scaled = { key: this.scaled!.key, counts };
    return view;
  }
}

const views = new WeakMap<readonly ArticleSummary[], DeskView>();
/** The view last made, to carry over from; weakly held, so a closed desk's list is not kept alive by it. */
let latest: WeakRef<DeskView> | null = null;

export function deskView(all: readonly ArticleSummary[]): DeskView {
  let view = views.get(all);
  if (view) return view;
  const previous = latest?.deref();
  const changed = previous ? listChanges(previous.all, all, Math.max(64, all.length >> 4)) : null;
  view = previous && changed ? previous.carriedTo(all, changed) : new DeskView(all);
  views.set(all, view);
  latest = new WeakRef(view);
  return view;
}
