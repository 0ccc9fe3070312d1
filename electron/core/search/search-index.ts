import MiniSearch from 'minisearch';
import type { ArticleContent } from '../model.js';
import { WORD, normalizeTerm } from './normalize-term.js';

interface SearchDoc {
  id: string;
  headline: string;
  highlights: string;
  caption: string;
  body: string;
}

export interface SearchHit {
  id: string;
  score: number;
  /** The indexed terms that matched, for highlighting in the list and the reader. */
  terms: string[];
}

/**
 * Full-text search over headlines, highlights, captions and bodies. It lives in the process that owns the
 * desk, beside the store, not in the renderer: the renderer never holds the whole desk, and the index is
 * updated in the same place the articles change.
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    fields: ['headline', 'highlights', 'caption', 'body'],
    storeFields: [],
    tokenize: (text) => text.match(WORD) ?? [],
    processTerm: (term) => normalizeTerm(term),
    searchOptions: { boost: { headline: 3, highlights: 2 }, prefix: (term) => term.length >= 4, fuzzy: 0, combineWith: 'AND' },
  });

  get size(): number {
    return this.mini.documentCount;
  }

  upsert(id: string, content: ArticleContent): void {
    if (this.mini.has(id)) this.mini.discard(id);
    this.mini.add(toDoc(id, content));
  }

  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id);
  }

  search(query: string): SearchHit[] {
    const q = query.trim();
    if (q === '') return [];
    return this.mini.search(q).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
  }
}

function toDoc(id: string, c: ArticleContent): SearchDoc {
  return {
    id,
    headline: c.headline,
    highlights: c.highlights.join('\n'),
    caption: [c.caption, c.credit].filter(Boolean).join(' '),
    body: [c.byline, c.datelineText, ...c.paragraphs].filter(Boolean).join('\n'),
  };
}
