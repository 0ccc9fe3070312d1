import type { SearchableContent } from './search-index.js';

/**
 * The searchable text of a batch of articles as one flat array, for postMessage: per article its id, headline,
 * caption, credit, byline and dateline, the number of highlights and the highlights, the number of paragraphs
 * and the paragraphs. One array of strings clones at little more than the cost of copying the characters,
 * where an object per article would clone its keys as well; and the fields are joined on the other side
 * (searchFields), not on the thread that sends them.
 */
export type ContentBatch = (string | number | null)[];

export function packContents(articles: Iterable<readonly [string, SearchableContent]>): ContentBatch {
  const out: ContentBatch = [];
  for (const [id, c] of articles) {
    out.push(id, c.headline, c.caption, c.credit, c.byline, c.datelineText);
    // Pushed one by one: spreading a long list would pass each item as an argument.
    out.push(c.highlights.length);
    for (const h of c.highlights) out.push(h);
    out.push(c.paragraphs.length);
    for (const p of c.paragraphs) out.push(p);
  }
  return out;
}

export function* unpackContents(batch: ContentBatch): Generator<[string, SearchableContent]> {
  let i = 0;
  const text = (): string => batch[i++] as string;
  const maybe = (): string | null => batch[i++] as string | null;
  const list = (): string[] => {
    const n = batch[i++] as number;
    i += n;
    return batch.slice(i - n, i) as string[];
  };
  while (i < batch.length) {
    const id = text();
    const headline = text();
    const caption = maybe();
    const credit = maybe();
    const byline = maybe();
    const datelineText = maybe();
    const highlights = list();
    const paragraphs = list();
    yield [id, { headline, caption, credit, byline, datelineText, highlights, paragraphs }];
  }
}
