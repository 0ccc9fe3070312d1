import { hash } from 'node:crypto';

/**
 * Ids come from where an article came from, not from chance: the seed file's name and the headline (with a
 * counter for a headline printed twice in one file). Re-importing the file therefore finds the same articles.
 */
export function articleId(fileName: string, headline: string, occurrence: number): string {
  const key = `${fileName}\u0000${normalizeHeadline(headline)}\u0000${occurrence}`;
  // The one-shot hash: a Hash object per article costs three times as much, and an import makes one per article.
  return hash('sha256', key, 'hex').slice(0, 16);
}

export const normalizeHeadline = (h: string): string => h.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
