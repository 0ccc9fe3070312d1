import type { ArticleSummary } from '../model.js';
import { replacedSince } from '../store/summary-order.js';

/**
 * The positions whose summary a commit replaced, when `next` holds the same articles at the same positions as
 * `previous` (an edit); null when articles were added, removed or moved (an import), or when more than `limit`
 * changed, as then working everything out afresh is as cheap. The desk records what its edits replaced, so this
 * usually costs nothing; otherwise one comparison of references per article.
 */
export function listChanges(previous: readonly ArticleSummary[], next: readonly ArticleSummary[], limit: number): number[] | null {
  if (previous.length !== next.length) return null;
  const known = replacedSince(previous, next, limit);
  if (known) return known;
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) {
    if (previous[i] === next[i]) continue;
    if (previous[i]!.id !== next[i]!.id || changed.length >= limit) return null;
    changed.push(i);
  }
  return changed;
}
