import { describe, expect, it } from 'vitest';
import { correctField, undo } from '../../../electron/core/editorial/operations.js';
import { toExportArticle } from '../../../electron/core/export/build-article.js';
import { articleText } from '../../../electron/core/factcheck/article-text.js';
import { upsertClaim } from '../../../electron/core/factcheck/claim-store.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { actor, checker, SEED, seedRecords, workedPakistan, workedPutin } from './helpers.js';

describe('toExportArticle', () => {
  it('folds the editorial state of a worked seed article', () => {
    const record = workedPutin();
    const a = toExportArticle(record);
    expect(a.id).toBe(record.id);
    expect(a.status).toBe('approved');
    expect(a.tags).toEqual(['Russia', 'North Korea', 'no']);
    expect(a.correctionNotice).toBe('An earlier version misstated when North Korea confirmed its deployment.');
    expect(a.notes).toBe('Check KCNA wording against the Korean original.');
    expect(a.corrected).toBe(true);
    expect(a.content.paragraphs).toHaveLength(7);
    expect(a.content.paragraphs[1]).toMatch(/^Putin and Kim spoke by telephone on Tuesday in a/);
    expect(a.content.paragraphs.join(' ')).not.toContain('North Korea confirmed for the first time');
    // The original parse and the revisions travel unchanged, for the bundle's history.
    expect(a.revisions).toBe(record.revisions);
    expect(a.source).toEqual(record.source);
  });

  it('is not "corrected" for status and tag changes, nor for an edit that was undone', () => {
    expect(toExportArticle(workedPakistan()).corrected).toBe(true);
    const plain = seedRecords(SEED)[1]!;
    expect(toExportArticle(plain).corrected).toBe(false);
    const edited = correctField(plain, 'headline', 'A different headline', null, actor(2));
    expect(toExportArticle(edited).corrected).toBe(true);
    expect(toExportArticle(undo(edited, actor(3))).corrected).toBe(false);
  });

  it('re-anchors stored claims to the corrected text, and keeps orphaned ones with their last quote', () => {
    const a = toExportArticle(workedPutin());
    const { text } = articleText(a.content);
    const byText = (t: string) => a.claims.find((c) => c.text === t)!;

    const moved = byText('US President Trump is expected to press Russia to end the Ukraine war');
    expect(moved.orphaned).toBe(false);
    expect(text.slice(moved.anchor.start, moved.anchor.end)).toBe(moved.text);
    // The correction above it lengthened paragraph 2, so the stored offsets no longer hold.
    const stored = workedPutin().claims.find((c) => c.text === moved.text)!;
    expect(moved.anchor.start).not.toBe(stored.anchor.start);

    const gone = byText('North Korea confirmed for the first time in April');
    expect(gone.orphaned).toBe(true);
    expect(gone.anchor.exact).toBe('North Korea confirmed for the first time in April');
    expect(gone.verdict).toBe('false');
    expect(gone.sources).toEqual(['https://example.org/a', 'https://example.org/b']);

    expect(a.claims.map((c) => c.verdict)).toEqual(['true', 'unproven', 'unverified', 'false']);
  });

  it('follows a claim whose own words were lightly corrected', () => {
    let r: ArticleRecord = seedRecords(SEED)[0]!;
    r = upsertClaim(r, { text: 'Russia and North Korea have forged closer ties in recent years', verdict: 'mostly-true' }, checker(2));
    r = correctField(r, 'paragraph:6', r.original.paragraphs[5]!.replace('forged closer ties', 'forged much closer ties'), null, actor(3));
    const [claim] = toExportArticle(r).claims;
    expect(claim!.orphaned).toBe(false);
    expect(claim!.anchor.exact).toBe('Russia and North Korea have forged much closer ties in recent years');
    expect(claim!.text).toBe('Russia and North Korea have forged closer ties in recent years');
  });

  it('builds 10,000 articles in seconds: no analysis runs', () => {
    // A desk mix: most articles untouched, some worked with rulings, one in twenty with an orphaned claim (whose
    // approximate search, ~2 ms, is the one costly step; an analysis would cost far more per article).
    const [putin, pakistan, plain] = [workedPutin(), workedPakistan(), seedRecords(SEED)[1]!];
    const pick = (i: number): ArticleRecord => (i % 20 === 0 ? putin : i % 4 === 0 ? pakistan : plain);
    const records = Array.from({ length: 10_000 }, (_, i) => ({ ...pick(i), id: `a${i}` }));
    const started = performance.now();
    const out = records.map(toExportArticle);
    const ms = performance.now() - started;
    expect(out).toHaveLength(10_000);
    expect(out.filter((a) => a.claims.some((c) => c.orphaned))).toHaveLength(500);
    expect(ms).toBeLessThan(5_000);
  });
});
