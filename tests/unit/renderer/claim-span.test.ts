import { describe, expect, it } from 'vitest';
import { analyseArticle, articleText } from '../../../electron/core/factcheck/index.js';
import { upsertClaim } from '../../../electron/core/factcheck/claim-store.js';
import { claimSpan } from '../../../renderer/features/reader/selection-span.js';
import { makeRecord } from '../../support/records.js';
import { parseFile, repoPath } from '../parse/helpers.js';

const { parse } = parseFile(repoPath('seeds/000_9aa4e691ff5375b9.txt'));
const article = parse.articles[0]!.content;
const PACT = 'The two countries signed a mutual defense pact last year';

describe('a selection in the reader becomes a claim at the words selected', () => {
  it('maps offsets within a field to the article text the core anchors to', () => {
    const p7 = article.paragraphs[6]!;
    const from = p7.indexOf('mutual defense pact');
    const span = claimSpan(article, { field: 'paragraph:7', from, to: from + 'mutual defense pact'.length });
    expect(span).toMatchObject({ field: 'paragraph:7', text: 'mutual defense pact' });
    const { text } = articleText(article);
    // The second occurrence (the body), not the one in highlight 2.
    expect(text.indexOf('mutual defense pact')).toBeLessThan((span as { start: number }).start);
    expect(text.slice((span as { start: number }).start).startsWith('mutual defense pact')).toBe(true);
  });

  it('lands exactly on the analysis’s anchors, the dateline label before paragraph 1 included', () => {
    const lastYear = analyseArticle(article).dates.filter((d) => d.text === 'last year').at(-1)!;
    expect(lastYear.field).toBe('paragraph:7');
    const p7 = article.paragraphs[6]!;
    const at = p7.lastIndexOf('last year');
    expect(claimSpan(article, { field: 'paragraph:7', from: at, to: at + 9 })).toEqual({ field: 'paragraph:7', text: 'last year', start: lastYear.anchor.start });
    const kim = article.paragraphs[0]!.indexOf('Kim Jong Un');
    const found = claimSpan(article, { field: 'paragraph:1', from: kim, to: kim + 11 }) as { start: number };
    expect(articleText(article).text.slice(found.start, found.start + 11)).toBe('Kim Jong Un');
  });

  it('drops surrounding spaces, ignores a click or one letter, refuses an over-long span, and reads backwards selections', () => {
    const h = article.highlights[1]!;
    expect(claimSpan(article, { field: 'highlight:2', from: h.length, to: 0 })).toMatchObject({ text: h });
    expect(claimSpan(article, { field: 'paragraph:7', from: 3, to: 4 })).toBeNull();
    expect(claimSpan(article, { field: 'paragraph:7', from: 3, to: 3 })).toBeNull();
    expect(claimSpan(article, { field: 'paragraph:99', from: 0, to: 10 })).toBeNull();
    const long = { ...article, paragraphs: ['x'.repeat(6000)] };
    expect(claimSpan(long, { field: 'paragraph:1', from: 0, to: 6000 })).toEqual({ error: 'A claim is at most 5,000 characters; select fewer words.' });
    const spaced = { ...article, paragraphs: ['  The pact was signed.  '] };
    expect(claimSpan(spaced, { field: 'paragraph:1', from: 0, to: 24 })).toMatchObject({ text: 'The pact was signed.' });
  });

  it('is accepted by the core as the same occurrence', () => {
    const record = makeRecord(1, { original: article });
    const p7 = article.paragraphs[6]!;
    const span = claimSpan(article, { field: 'paragraph:7', from: 0, to: PACT.length }) as { text: string; start: number };
    expect(p7.startsWith(PACT)).toBe(true);
    const saved = upsertClaim(record, { text: span.text, start: span.start, verdict: 'unverified' }, { checker: 'Ana', now: '2026-01-01T00:00:00.000Z' });
    expect(saved.claims[0]!.anchor).toMatchObject({ start: span.start, exact: PACT });
    expect(saved.claims[0]!.anchor.start).toBeGreaterThan(articleText(article).text.indexOf(PACT));
  });
});
