import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseArticle, articleText, CONTEXT_CHARS, makeAnchor, reanchor } from '../../../electron/core/factcheck/index.js';
import type { ArticleContent } from '../../../electron/core/model.js';
import { parseFile, repoPath } from '../parse/helpers.js';

const SEED = Number(process.env.FC_SEED ?? 20250813);

const { parse } = parseFile(repoPath('seeds/000_9aa4e691ff5375b9.txt'));
const article = parse.articles[0]!.content;
const CLAIM = 'The two countries signed a mutual defense pact last year, when Putin visited the reclusive state.';

/** The article text after an editor's correction to one paragraph (1-based, as the desk counts). */
function corrected(content: ArticleContent, n: number, edit: (p: string) => string): string {
  return articleText({ ...content, paragraphs: content.paragraphs.map((p, i) => (i === n - 1 ? edit(p) : p)) }).text;
}

const text = articleText(article).text;
const claimStart = text.lastIndexOf(CLAIM); // the body sentence, not the highlight
const anchor = makeAnchor(text, claimStart, claimStart + CLAIM.length);

describe('makeAnchor', () => {
  it('keeps the quote and up to 32 characters either side', () => {
    expect(anchor.exact).toBe(CLAIM);
    expect(anchor.prefix).toBe(text.slice(claimStart - CONTEXT_CHARS, claimStart));
    expect(anchor.prefix).toBe('’s military operations in Ukraine.\n\n'.slice(-32));
    expect(anchor.suffix).toBe('\n\nNorth Korea confirmed for the ');
    expect(anchor.suffix).toHaveLength(CONTEXT_CHARS);
    expect(anchor).toMatchObject({ start: claimStart, end: claimStart + CLAIM.length });
  });

  it('shortens the context at the ends of the text and clamps bad offsets', () => {
    expect(makeAnchor('abcdef', 0, 2)).toEqual({ exact: 'ab', prefix: '', suffix: 'cdef', start: 0, end: 2 });
    expect(makeAnchor('abcdef', 4, 99)).toEqual({ exact: 'ef', prefix: 'abcd', suffix: '', start: 4, end: 6 });
    expect(makeAnchor('abcdef', 3, 1)).toMatchObject({ exact: 'bc', start: 1, end: 3 });
  });
});

describe('reanchor after corrections', () => {
  it('finds an unchanged text at the same place, exactly', () => {
    expect(reanchor(anchor, text)).toEqual({ start: claimStart, end: claimStart + CLAIM.length, exact: CLAIM, fuzzy: false, similarity: 1, context: 1 });
  });

  it('follows a small correction inside the claim itself, as a fuzzy match', () => {
    const after = corrected(article, 7, (p) => p.replace('mutual defense pact', 'mutual defence treaty'));
    const fixed = 'The two countries signed a mutual defence treaty last year, when Putin visited the reclusive state.';
    const r = reanchor(anchor, after);
    expect(r).not.toBeNull();
    expect(r!.fuzzy).toBe(true);
    expect(r!.exact).toBe(fixed);
    expect(r!.start).toBe(after.indexOf(fixed));
    expect(r!.similarity).toBeGreaterThanOrEqual(0.75);
    expect(r!.similarity).toBeLessThan(1);
  });

  it('follows a correction to the claim and its surroundings at once', () => {
    // The paragraph before is rewritten (the old prefix is gone) and the claim loses its last clause.
    const edited = { ...article, paragraphs: article.paragraphs.map((p, i) => (i === 5 ? 'Russia and North Korea have grown closer.' : i === 6 ? 'The two countries signed a mutual defense pact last year, when Putin visited.' : p)) };
    const after = articleText(edited).text;
    const r = reanchor(anchor, after);
    expect(r).not.toBeNull();
    expect(r!.fuzzy).toBe(true);
    // Not the highlight, which is closer by edit distance but stands in other surroundings.
    expect(r!.exact).toBe('The two countries signed a mutual defense pact last year, when Putin visited.');
    expect(r!.start).toBe(after.indexOf(r!.exact));
    expect(r!.start).toBeGreaterThan(after.indexOf('SEOUL:'));
    expect(r!.context).toBeGreaterThan(0.25);
    expect(r!.context).toBeLessThan(1);
  });

  it('finds the exact claim when only the text around it changed', () => {
    const after = corrected(article, 6, (p) => p.replace('in recent years', 'since 2023').replace('military operations', 'war'));
    const r = reanchor(anchor, after);
    expect(r).toMatchObject({ exact: CLAIM, fuzzy: false, similarity: 1 });
    expect(r!.start).toBe(after.lastIndexOf(CLAIM));
    expect(r!.context).toBeLessThan(1); // the prefix no longer agrees in full
  });

  it('shifts with an edit elsewhere in the article', () => {
    const after = corrected(article, 1, (p) => `${p} An extra sentence of twenty-nine more words, give or take.`);
    const shift = after.length - text.length;
    expect(shift).toBeGreaterThan(0);
    expect(reanchor(anchor, after)).toMatchObject({ start: claimStart + shift, end: claimStart + shift + CLAIM.length, exact: CLAIM, fuzzy: false, context: 1 });
  });

  it('orphans the claim when its sentence is deleted', () => {
    const deleted = { ...article, paragraphs: article.paragraphs.filter((_, i) => i !== 6) };
    expect(reanchor(anchor, articleText(deleted).text)).toBeNull();
  });

  it('orphans a claim rewritten beyond recognition', () => {
    const after = corrected(article, 7, () => 'Officials declined to comment on any treaty.');
    expect(reanchor(anchor, after)).toBeNull();
  });

  it('does not jump to the highlight that repeats a deleted body sentence', () => {
    // The highlight differs only by the final full stop: close enough by edit distance, wrong by context.
    const deleted = { ...article, paragraphs: article.paragraphs.filter((_, i) => i !== 6) };
    const after = articleText(deleted).text;
    expect(after.includes(CLAIM.slice(0, -1))).toBe(true);
    expect(reanchor(anchor, after)).toBeNull();
  });

  it('picks the occurrence whose context matches when the exact text appears twice', () => {
    // "last year" stands in the highlight and in the body sentence; each anchor keeps to its own.
    const analysis = analyseArticle(article);
    const [inHighlight, inBody] = analysis.dates.filter((d) => d.text === 'last year');
    expect(inHighlight!.anchor.start).toBeLessThan(inBody!.anchor.start);
    // Insert text before both, so neither old offset is right any more.
    const after = articleText({ ...article, headline: `${article.headline} (updated)` }).text;
    expect(reanchor(inHighlight!.anchor, after)!.start).toBe(after.indexOf('last year'));
    expect(reanchor(inBody!.anchor, after)!.start).toBe(after.lastIndexOf('last year'));
  });

  it('prefers context over position for a repeated phrase', () => {
    const before = 'The minister said yes. Then the mayor said yes.';
    const a = makeAnchor(before, 38, 46); // the mayor's "said yes"
    expect(a.exact).toBe('said yes');
    const after = 'Then the mayor said yes. The minister said yes.';
    // The old offset (38) is where the minister's words now stand; the mayor's are found by their context.
    expect(after.slice(38, 46)).toBe('said yes');
    expect(reanchor(a, after)).toMatchObject({ start: 15, end: 23, fuzzy: false });
  });

  it('orphans an empty anchor and survives malformed input', () => {
    expect(reanchor(makeAnchor('abc', 1, 1), 'abc')).toBeNull();
    expect(reanchor({ exact: 'x', prefix: '', suffix: '', start: Number.NaN, end: -4 }, 'axb')).toMatchObject({ start: 1, end: 2 });
  });
});

describe('reanchor properties', () => {
  const textArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '.', 'é', '\n', 'Z'), maxLength: 120 });

  it('gives back exactly the original span for any unique non-empty span of an unchanged text', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (t, x, y) => {
        fc.pre(t.length > 0);
        const s = x % t.length;
        const e = s + 1 + (y % (t.length - s));
        const exact = t.slice(s, e);
        fc.pre(t.indexOf(exact) === s && t.indexOf(exact, s + 1) === -1);
        const r = reanchor(makeAnchor(t, s, e), t);
        expect(r).not.toBeNull();
        expect({ start: r!.start, end: r!.end }).toEqual({ start: s, end: e });
        expect(r!.fuzzy).toBe(false);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('gives back the original span even when the quote is not unique', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), (t, x, y) => {
        const s = x % t.length;
        const e = s + 1 + (y % (t.length - s));
        const r = reanchor(makeAnchor(t, s, e), t);
        expect({ start: r!.start, end: r!.end }).toEqual({ start: s, end: e });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never throws on arbitrary edits, and any match it returns is a real span of the new text', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 20 }), insert: fc.string({ maxLength: 20 }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), fc.nat(), fc.nat(), fc.array(edit, { maxLength: 4 }), (t, x, y, edits) => {
        const s = t.length === 0 ? 0 : x % t.length;
        const e = t.length === 0 ? 0 : s + (y % (t.length - s + 1));
        const a = makeAnchor(t, s, e);
        let after = t;
        for (const ed of edits) {
          const at = after.length === 0 ? 0 : ed.at % (after.length + 1);
          after = after.slice(0, at) + ed.insert + after.slice(at + ed.remove);
        }
        const r = reanchor(a, after);
        if (r === null) return;
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(after.length);
        expect(after.slice(r.start, r.end)).toBe(r.exact);
        if (!r.fuzzy) expect(r.exact).toBe(a.exact);
        else expect(r.similarity).toBeGreaterThanOrEqual(0.75);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
