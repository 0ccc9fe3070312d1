import type { ArticleSummary } from '../model.js';
import { foldBundle } from './bundle-fold.js';
import type { BundleRecord, BundleRevision } from './bundle-record.js';

/** A bundle as the bundle list shows it. */
export interface BundleSummary {
  id: string;
  name: string;
  description: string;
  /** The bundle's articles, in order; includes ids whose article is no longer on the desk. */
  articleIds: string[];
  count: number;
  /** Deleted bundles are listed only when asked for; undoBundle brings one back. */
  deleted: boolean;
  createdAt: string;
  modifiedAt: string;
  /** Whether undoBundle and redoBundle have anything to act on. */
  undoable: boolean;
  redoable: boolean;
}

/** One bundle opened: its articles' list fields in the bundle's order, and its history. */
export interface BundleView extends BundleSummary {
  /** The articles still on the desk, in the bundle's order. */
  articles: ArticleSummary[];
  /** Ids in the bundle whose article is no longer on the desk; they keep their place until removed. */
  missing: string[];
  /** Every revision, oldest first. */
  revisions: BundleRevision[];
  /** The revision undoBundle would step back next, and the one redoBundle would re-apply. */
  nextUndo: string | null;
  nextRedo: string | null;
}

export interface AddToBundleResult {
  /** How many articles were new to the bundle; the others were in it already and stayed where they were. */
  added: number;
  bundle: BundleView;
}

export interface RemoveFromBundleResult {
  removed: number;
  bundle: BundleView;
}

export function toBundleSummary(record: BundleRecord): BundleSummary {
  const { undoable, redoable } = foldBundle(record.revisions);
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    articleIds: [...record.articleIds],
    count: record.articleIds.length,
    deleted: record.deleted,
    createdAt: record.createdAt,
    modifiedAt: record.modifiedAt,
    undoable: undoable.length > 0,
    redoable: redoable.length > 0,
  };
}

export function toBundleView(record: BundleRecord, article: (id: string) => ArticleSummary | undefined): BundleView {
  const { undoable, redoable } = foldBundle(record.revisions);
  const articles: ArticleSummary[] = [];
  const missing: string[] = [];
  for (const id of record.articleIds) {
    const a = article(id);
    if (a) articles.push(a);
    else missing.push(id);
  }
  return {
    ...toBundleSummary(record),
    articles,
    missing,
    // A copy: the record is the store's own, and an in-process caller must not be able to edit history in place.
    revisions: structuredClone(record.revisions),
    nextUndo: undoable.at(-1) ?? null,
    nextRedo: redoable.at(-1) ?? null,
  };
}
