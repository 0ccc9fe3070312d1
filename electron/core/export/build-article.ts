import { makeAnchor, reanchor } from '../factcheck/anchors.js';
import { articleText } from '../factcheck/article-text.js';
import type { ArticleRecord, StoredClaim } from '../model.js';
import { currentState, hasCorrections, sameValue } from '../revisions.js';
import type { ExportArticle, ExportClaim } from './types.js';

/**
 * The one place a stored record becomes exportable data. It folds the revisions and re-anchors the stored claims
 * to the folded text, and does nothing more: the fact-check analysis (entities, quotes, proposals) is far too slow
 * for a 10,000-article export and no format needs it. Anchors come from `factcheck/anchors.ts` directly, not the
 * factcheck index, so exporting never loads the NLP libraries.
 */
export function toExportArticle(record: ArticleRecord): ExportArticle {
  const state = currentState(record);
  return {
    id: record.id,
    content: state.content,
    status: state.status,
    tags: state.tags,
    correctionNotice: state.correctionNotice,
    notes: state.notes,
    // An edit that was later undone leaves the text as parsed; the cheap revision check decides most articles.
    corrected: hasCorrections(record) && !sameValue(state.content, record.original),
    source: record.source,
    importedAt: record.importedAt,
    modifiedAt: record.modifiedAt,
    revisions: record.revisions,
    claims: record.claims.length === 0 ? [] : exportClaims(record.claims, articleText(state.content).text),
  };
}

/** As `factcheckView` does: found again → fresh anchor; gone → orphaned, keeping the quote it was made on. */
function exportClaims(claims: readonly StoredClaim[], text: string): ExportClaim[] {
  return claims.map((c) => {
    const found = reanchor(c.anchor, text);
    return { ...c, anchor: found ? makeAnchor(text, found.start, found.end) : c.anchor, orphaned: !found };
  });
}
