import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArticleContent, FieldSpan } from '../../../electron/core/model.js';
import { BULLET } from '../../../electron/core/parse/lines.js';
import { fixturePath, parseFile, repoPath } from './helpers.js';

/** Each span, cut from the article's source text, must read as the field it claims to be. */
const files = [
  repoPath('seeds/000_9aa4e691ff5375b9.txt'),
  ...readdirSync(repoPath('tests/fixtures/seed')).filter((n) => n.endsWith('.txt')).map(fixturePath),
];

const flat = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

function expected(c: ArticleContent, s: FieldSpan): string | null {
  switch (s.field) {
    case 'headline': return c.headline;
    case 'caption': return [c.caption, c.credit && `(${c.credit})`].filter(Boolean).join(' ');
    case 'updated': return c.updated?.raw ?? null;
    case 'highlights': return c.highlights[s.index!] ?? null;
    case 'byline': return c.byline && `By ${c.byline}`;
    case 'dateline': return c.datelineText;
    case 'paragraphs': return c.paragraphs[s.index!] ?? null;
  }
}

const withArticles = files.filter((f) => parseFile(f).parse.articles.length > 0);

it('covers the seed and every fixture that has articles', () => {
  expect(withArticles.length).toBe(files.length - 1); // 10-furniture-only has none
});

describe.each(withArticles)('spans of %s', (path) => {
  const { parse } = parseFile(path);
  it.each(parse.articles.map((a) => [a.content.headline.slice(0, 40), a] as const))('%s', (_h, a) => {
    for (const span of a.spans) {
      expect(span.start).toBeLessThanOrEqual(span.end);
      expect(span.end).toBeLessThanOrEqual(a.text.length);
      let cut = flat(a.text.slice(span.start, span.end));
      if (span.field === 'highlights') cut = cut.replace(BULLET, '');
      if (span.field === 'byline') cut = cut.replace(/^by\b/iu, 'By');
      expect(cut, `${span.field}[${span.index}]`).toBe(flat(expected(a.content, span) ?? ''));
    }
    // Every paragraph and highlight can be found in the source.
    expect(a.spans.filter((s) => s.field === 'paragraphs').map((s) => s.index)).toEqual(a.content.paragraphs.map((_, i) => i));
    expect(a.spans.filter((s) => s.field === 'highlights').map((s) => s.index)).toEqual(a.content.highlights.map((_, i) => i));
    expect(a.spans.some((s) => s.field === 'headline')).toBe(true);
  });
});
