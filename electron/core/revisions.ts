import type { ArticleContent, ArticleRecord } from './model.js';

/**
 * The text an editor sees. Corrections (a later issue) will be revisions folded over the original here; until
 * then the current text is the original parse.
 */
export function currentContent(record: ArticleRecord): ArticleContent {
  return record.original;
}
