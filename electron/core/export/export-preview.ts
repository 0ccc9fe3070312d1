import type { ArticleSummary, VerdictDefinition } from '../model.js';
import type { Desk } from '../store/desk-store.js';
import { type ExportSelection, resolveSelection } from './selection.js';

export interface ExportPreview {
  name: string;
  description: string;
  articles: { id: string; headline: string; status: ArticleSummary['status']; rulings: number; corrected: boolean }[];
  /** Bundle members no longer on the desk; they are left out. */
  missing: string[];
  totals: { articles: number; rulings: number; corrected: number };
}

/**
 * What an export would include, from the list's summaries alone (no article is read), so the dialog can show it
 * at once however large the selection. A ruling is a stored claim whose verdict is not "not yet ruled" on the
 * desk's scale (a verdict since removed from the scale still counts, as the exports count it).
 */
export function previewExport(desk: Desk, selection: ExportSelection, verdicts: readonly VerdictDefinition[]): ExportPreview {
  const sel = resolveSelection(desk, selection);
  const unruled = new Set(verdicts.filter((v) => v.rating === null).map((v) => v.id));
  const articles = sel.ids.map((id) => {
    const a = desk.summary(id)!;
    const rulings = Object.entries(a.verdictCounts).reduce((n, [verdict, count]) => n + (unruled.has(verdict) ? 0 : count), 0);
    return { id, headline: a.headline, status: a.status, rulings, corrected: a.corrected };
  });
  return {
    name: sel.name,
    description: sel.description,
    articles,
    missing: sel.missing,
    totals: {
      articles: articles.length,
      rulings: articles.reduce((n, a) => n + a.rulings, 0),
      corrected: articles.filter((a) => a.corrected).length,
    },
  };
}
