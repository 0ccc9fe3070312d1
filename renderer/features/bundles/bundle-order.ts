import type { BundleRevision, BundleView } from '../../../electron/core/api';
import type { ArticleSummary } from '../../../electron/core/model';

/** One place in a bundle: an article on the desk, or the id of one that is no longer here (it keeps its place). */
export type BundleEntry = { id: string; article: ArticleSummary } | { id: string; article: null };

/** The bundle in its order, missing articles included where they stand, since positions count them too. */
export function bundleEntries(bundle: Pick<BundleView, 'articleIds' | 'articles'>): BundleEntry[] {
  const byId = new Map(bundle.articles.map((a) => [a.id, a]));
  return bundle.articleIds.map((id) => ({ id, article: byId.get(id) ?? null }));
}

/** The order after moving one id to a 0-based place, as the desk's moveInBundle computes it. */
export function movedOrder(ids: readonly string[], articleId: string, to: number): string[] {
  const next = ids.filter((id) => id !== articleId);
  if (next.length === ids.length) return [...ids];
  next.splice(Math.max(0, Math.min(to, next.length)), 0, articleId);
  return next;
}

/** The bundle as it will stand once a move lands, so a run of quick Alt+↓ presses each start from the last. */
export function applyMove<B extends Pick<BundleView, 'articleIds' | 'articles'>>(bundle: B, articleId: string, to: number): B {
  const articleIds = movedOrder(bundle.articleIds, articleId, to);
  const rank = new Map(articleIds.map((id, i) => [id, i]));
  const articles = [...bundle.articles].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return { ...bundle, articleIds, articles };
}

/**
 * Where a drop lands, as moveInBundle's `to`: dropping on the upper half of the item at `over` puts the dragged
 * one before it, on the lower half after it; positions count the list without the dragged article.
 */
export function dropPosition(ids: readonly string[], dragged: string, over: string, after: boolean): number | null {
  const from = ids.indexOf(dragged);
  const target = ids.indexOf(over);
  if (from === -1 || target === -1) return null;
  let to = target + (after ? 1 : 0);
  if (from < to) to -= 1;
  return to === from ? null : to;
}

/** The selection in the list's order where the list has shown it, then the rest in the order chosen. */
export function orderSelection(ids: Iterable<string>, listOrder: Iterable<readonly [number, { id: string }]>): string[] {
  const rank = new Map<string, number>();
  for (const [index, row] of listOrder) rank.set(row.id, index);
  const chosen = [...ids];
  const seen = chosen.map((id, i) => ({ id, key: rank.get(id) ?? Number.MAX_SAFE_INTEGER, i }));
  return seen.sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.id);
}

const quoted = (s: string): string => `“${s.length > 60 ? `${s.slice(0, 59)}…` : s}”`;

/**
 * What one bundle revision did, in the words of the buttons that would take it back or put it again ("Undo
 * moving “…” to position 2"). `headline` names an article by id, for the revision that moved it.
 */
export function describeBundleChange(rev: Pick<BundleRevision, 'field' | 'after' | 'reason'>, headline: (id: string) => string | null): string {
  switch (rev.field) {
    case 'bundle':
      return 'creating the bundle';
    case 'deleted':
      return 'deleting the bundle';
    case 'name':
      return typeof rev.after === 'string' ? `renaming to ${quoted(rev.after)}` : 'renaming';
    case 'description':
      return 'the description change';
    case 'details':
      return 'the name and description change';
    case 'articleIds':
      return describeListChange(rev.reason ?? '', headline);
    default:
      return 'the last change';
  }
}

function describeListChange(reason: string, headline: (id: string) => string | null): string {
  const count = (n: string): string => `${n} article${n === '1' ? '' : 's'}`;
  const added = /^added (\d+)$/.exec(reason);
  if (added) return `adding ${count(added[1]!)}`;
  const removed = /^removed (\d+)$/.exec(reason);
  if (removed) return `removing ${count(removed[1]!)}`;
  const moved = /^moved (.+) to (\d+)$/.exec(reason);
  if (moved) {
    const name = headline(moved[1]!);
    return `moving ${name ? quoted(name) : 'an article'} to position ${Number(moved[2]) + 1}`;
  }
  if (reason === 'reordered') return 'the new order';
  return 'the change to its articles';
}
