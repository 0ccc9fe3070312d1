import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { toExportArticle } from '../../../electron/core/export/build-article.js';
import { claimReviewText, toClaimReviews } from '../../../electron/core/export/claimreview.js';
import type { ExportArticle } from '../../../electron/core/export/types.js';
import { DeskError } from '../../../electron/core/result.js';
import { repoPath } from '../parse/helpers.js';
import { allExportArticles, CTX, hostileRecord, workedPakistan, workedPutin } from './helpers.js';

/** The schema file as a reader of the repository would use it, compiled strictly by a validator of our own. */
const schema = JSON.parse(readFileSync(repoPath('resources/schemas/claimreview.schema.json'), 'utf8')) as { description: string };
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormatsModule.default(ajv);
const validate = ajv.compile(schema);

function refusal(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DeskError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('toClaimReviews', () => {
  const putin = toExportArticle(workedPutin());

  it('writes one ClaimReview per ruling, the orphaned one included and the unverified one not', () => {
    const reviews = toClaimReviews(putin, CTX);
    expect(reviews.map((r) => [r.claimReviewed, r.reviewRating.ratingValue, r.reviewRating.alternateName])).toEqual([
      ['The two countries signed a mutual defense pact last year', 5, 'True'],
      ['US President Trump is expected to press Russia to end the Ukraine war', 3, 'Unproven'],
      // Its words were removed by a correction; the ruling stands, on the words it was made on.
      ['North Korea confirmed for the first time in April', 1, 'False'],
    ]);
  });

  it('fills every property as documented', () => {
    const [first] = toClaimReviews(putin, CTX);
    expect(first).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: `urn:copydesk:article:${putin.id}:claim:${putin.claims[0]!.id}`,
      claimReviewed: 'The two countries signed a mutual defense pact last year',
      datePublished: '2026-03-02',
      author: { '@type': 'Organization', name: 'Desk Weekly' },
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'True' },
      itemReviewed: {
        '@type': 'Claim',
        appearance: { '@type': 'NewsArticle', identifier: `urn:copydesk:article:${putin.id}`, headline: putin.content.headline, dateModified: '2025-08-13' },
      },
      citation: [{ '@type': 'CreativeWork', url: 'https://example.org/treaty' }],
    });
    // Working notes stay on the desk.
    expect(JSON.stringify(first)).not.toContain('Treaty signed June 2024');
  });

  it('writes the fact-check page as url only when one is given, and only an http(s) one', () => {
    expect(toClaimReviews(putin, CTX).some((r) => 'url' in r)).toBe(false);
    const withUrl = toClaimReviews(putin, CTX, { url: 'https://deskweekly.example/fact-checks/kim-putin' });
    expect(withUrl.every((r) => r.url === 'https://deskweekly.example/fact-checks/kim-putin')).toBe(true);
    expect(refusal(() => toClaimReviews(putin, CTX, { url: 'javascript:alert(1)' })).code).toBe('INVALID_INPUT');
    expect(refusal(() => toClaimReviews(putin, CTX, { url: 'not a url' })).message).toMatch(/is not a URL/);
  });

  it('refuses without an organisation to name as author, and tells the editor where to set it', () => {
    const err = refusal(() => toClaimReviews(putin, { ...CTX, organizationName: '  ' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/set the organisation name in Settings/);
    // Nothing to publish, nothing to refuse.
    const unruled: ExportArticle = { ...putin, claims: putin.claims.filter((c) => c.verdict === 'unverified') };
    expect(toClaimReviews(unruled, { ...CTX, organizationName: '' })).toEqual([]);
  });

  it('leaves out rulings without a rating: a verdict since removed from the scale', () => {
    const scale = CTX.verdicts.filter((v) => v.id !== 'unproven');
    const reviews = toClaimReviews(putin, { ...CTX, verdicts: scale });
    expect(reviews.map((r) => r.reviewRating.alternateName)).toEqual(['True', 'False']);
  });

  it('follows the scale in force, by rating and label, not by verdict name', () => {
    const scale = CTX.verdicts.map((v) => (v.id === 'false' ? { ...v, label: 'Pants on fire', rating: 1 } : v.id === 'true' ? { ...v, rating: null } : v));
    expect(toClaimReviews(putin, { ...CTX, verdicts: scale }).map((r) => r.reviewRating.alternateName)).toEqual(['Unproven', 'Pants on fire']);
  });

  it('validates against resources/schemas/claimreview.schema.json for every article, as a JSON array', () => {
    const articles = [...allExportArticles(), toExportArticle(hostileRecord())];
    let count = 0;
    for (const a of articles) {
      const doc = JSON.parse(claimReviewText(a, CTX, { url: 'https://deskweekly.example/f' })) as unknown[];
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      for (const review of doc) expect(validate(review)).toBe(true);
      count += doc.length;
    }
    expect(count).toBe(5); // three on the worked Putin article, one on Pakistan, one on the hostile one
  });

  it('cites an evidence link as the URL parser serialises it, so it is a valid URI', () => {
    const [review] = toClaimReviews(toExportArticle(hostileRecord()), CTX);
    expect(review!.citation).toEqual([{ '@type': 'CreativeWork', url: 'https://evil.example/%22%3E%3Cscript%3Ealert(11)%3C/script%3E' }]);
  });

  it('is deterministic, with a trailing newline', () => {
    const again = toExportArticle(workedPutin());
    expect(claimReviewText(putin, CTX)).toBe(claimReviewText(again, CTX));
    expect(claimReviewText(putin, CTX).endsWith(']\n')).toBe(true);
    expect(claimReviewText(toExportArticle(workedPakistan()), CTX)).toMatch(/^\[\n {2}\{/);
  });
});

describe('the ClaimReview schema (a check of the check)', () => {
  const good = toClaimReviews(toExportArticle(workedPutin()), CTX, { url: 'https://deskweekly.example/f' })[0]!;
  const without = (path: string[]): unknown => {
    const copy = structuredClone(good) as unknown as Record<string, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    delete at[path.at(-1)!];
    return copy;
  };
  const withValue = (path: string[], value: unknown): unknown => {
    const copy = structuredClone(good) as unknown as Record<string, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[path.at(-1)!] = value;
    return copy;
  };

  it('accepts the export and says who requires what', () => {
    expect(validate(good)).toBe(true);
    expect(schema.description).toMatch(/GOOGLE REQUIRES claimReviewed, reviewRating, reviewRating\.alternateName and url/);
    expect(schema.description).toMatch(/COPYDESK REQUIRES/);
    expect(validate(without(['url']))).toBe(true); // optional here, and the description says why
  });

  it.each([
    ['claimReviewed'], ['reviewRating'], ['author'], ['datePublished'], ['itemReviewed'], ['@context'], ['@type'],
    ['reviewRating', 'alternateName'], ['reviewRating', 'ratingValue'], ['author', 'name'], ['itemReviewed', 'appearance'],
  ])('rejects a review without %s', (...path: string[]) => {
    expect(validate(without(path))).toBe(false);
  });

  it.each([
    [['@context'], 'http://schema.org/'],
    [['@type'], 'Review'],
    [['claimReviewed'], '   '],
    [['url'], 'javascript:alert(1)'],
    [['url'], 'urn:copydesk:article:x'],
    [['datePublished'], 'yesterday'],
    [['reviewRating', 'ratingValue'], 6],
    [['reviewRating', 'ratingValue'], 0],
    [['reviewRating', 'ratingValue'], { value: 1 }],
    [['reviewRating', '@type'], 'AggregateRating'],
    [['itemReviewed', '@type'], 'CreativeWork'],
    [['author', '@type'], 'Thing'],
    [['citation'], [{ '@type': 'CreativeWork', url: 'data:text/html,x' }]],
  ])('rejects %j set to %j', (path, value) => {
    expect(validate(withValue(path, value))).toBe(false);
  });
});
