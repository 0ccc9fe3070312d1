import type { ArticleView } from './api.js';
import type { ArticleRecord } from './model.js';
import { fold } from './revisions.js';

/** What the reader and `copydesk show` see: the folded current state beside the original and its history. */
export function toArticleView(record: ArticleRecord): ArticleView {
  const { state, needsReview, undoable, redoable } = fold(record.original, record.revisions);
  return {
    ...state.content,
    id: record.id,
    status: state.status,
    tags: state.tags,
    correctionNotice: state.correctionNotice,
    notes: state.notes,
    source: record.source,
    warnings: record.warnings,
    original: record.original,
    priorOriginals: record.priorOriginals,
    revisions: record.revisions,
    undoable,
    redoable,
    needsReview,
    sourceText: record.sourceText,
    spans: record.spans,
    importedAt: record.importedAt,
    modifiedAt: record.modifiedAt,
  };
}
