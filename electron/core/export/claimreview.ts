import { DeskError } from '../result.js';
import { validateClaimReview } from './claimreview-validator.js';
import { jsonText } from './json-text.js';
import { articleUri } from './ninjs.js';
import type { ExportArticle, ExportContext } from './types.js';
import { rulings, type Ruling } from './verdicts.js';

/**
 * schema.org ClaimReview as JSON-LD: one per ruling on the article (see `rulings`), written as a JSON array.
 *
 * - `claimReviewed` is the claim as the checker stated it when ruling; `datePublished` the day of the ruling.
 * - `reviewRating` carries the verdict's 1–5 rating (`bestRating` 5, `worstRating` 1) and its label as
 *   `alternateName`, the text Google shows. A ruling with no rating (a verdict since removed from the scale) is
 *   left out: the issue requires a rating on the scale, and a number made up for it would misstate the ruling.
 * - `itemReviewed` is a Claim whose `appearance` is the article, named by `identifier` (its urn) and headline:
 *   an unpublished article has no web address, and a urn in `url` would be read as a broken link.
 * - A claim whose words a later correction removed (orphaned) is still exported, with the words it was made on:
 *   the ruling stands, and a correction that removed a false claim is when a fact-check matters most.
 * - `author` is the desk's organisation; with none set, the export is refused with a message saying where to
 *   set it, since a fact-check without its publisher cannot be attributed (Google recommends it; we require it).
 * - `url` is the published fact-check page. The desk has none, so it is written only when the caller gives one;
 *   Google requires it, so a publisher adds it (or passes it here) before the markup goes on a page.
 * - The checker's evidence URLs go in `citation` (CreativeWork.citation: "a citation or reference to another
 *   creative work"), which is what they are; their notes stay on the desk, being working notes, not copy.
 */
export interface ClaimReviewOptions {
  /** The published page carrying the full fact-check, when there is one (http or https). */
  url?: string | null;
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  identifier: string;
  url?: string;
  claimReviewed: string;
  datePublished: string;
  author: { '@type': 'Organization'; name: string };
  reviewRating: { '@type': 'Rating'; ratingValue: number; bestRating: 5; worstRating: 1; alternateName: string };
  itemReviewed: {
    '@type': 'Claim';
    appearance: { '@type': 'NewsArticle'; identifier: string; headline?: string; dateModified?: string };
  };
  citation?: ({ '@type': 'CreativeWork'; url: string } | string)[];
}

/** The ClaimReviews for one article, each checked against resources/schemas/claimreview.schema.json. */
export function toClaimReviews(a: ExportArticle, ctx: ExportContext, opts: ClaimReviewOptions = {}): ClaimReview[] {
  const rated = rulings(a, ctx).filter((r) => r.verdict.rating !== null);
  if (rated.length === 0) return [];
  const author = ctx.organizationName.trim();
  if (author === '') {
    throw new DeskError('INVALID_INPUT', 'a ClaimReview names the fact-checking organisation as its author: set the organisation name in Settings, then export again');
  }
  const url = opts.url ? pageUrl(opts.url) : null;
  return rated.map((r) => {
    const review = claimReview(a, r, author, url);
    const problems = validateClaimReview(review);
    if (problems.length > 0) {
      throw new DeskError('INTERNAL', `the ClaimReview for claim ${r.claim.id} of article ${a.id} is not valid, so it was not written: ${problems.join('; ')}`);
    }
    return review;
  });
}

/** The file's text: a JSON array (empty when nothing on the article has been ruled on). */
export function claimReviewText(a: ExportArticle, ctx: ExportContext, opts: ClaimReviewOptions = {}): string {
  return jsonText(toClaimReviews(a, ctx, opts));
}

function claimReview(a: ExportArticle, { claim, verdict }: Ruling, author: string, url: string | null): ClaimReview {
  const updated = a.content.updated;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: `${articleUri(a.id)}:claim:${claim.id}`,
    ...(url ? { url } : {}),
    claimReviewed: claim.text,
    datePublished: dayOf(claim.at, claim.id),
    author: { '@type': 'Organization', name: author },
    reviewRating: { '@type': 'Rating', ratingValue: verdict.rating!, bestRating: 5, worstRating: 1, alternateName: verdict.label },
    itemReviewed: {
      '@type': 'Claim',
      appearance: {
        '@type': 'NewsArticle',
        identifier: articleUri(a.id),
        ...(a.content.headline.trim() ? { headline: a.content.headline } : {}),
        ...(updated?.date && !updated.relative ? { dateModified: updated.date } : {}),
      },
    },
    ...(claim.sources.length > 0 ? { citation: claim.sources.map(citation) } : {}),
  };
}

/**
 * The desk stores evidence links as typed (checked to be http or https); a URL in JSON-LD must be a valid URI,
 * so the link is written as the URL parser serialises it, which percent-encodes what a URI may not hold (quotes,
 * angle brackets, spaces) and changes nothing else. Anything unparseable is cited as text, never as a link.
 */
function citation(source: string): { '@type': 'CreativeWork'; url: string } | string {
  try {
    const url = new URL(source);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { '@type': 'CreativeWork', url: url.href };
  } catch {
    // fall through: cited as text
  }
  return source;
}

/** The day part of the stored ISO timestamp (the desk stores UTC), with no conversion that could shift it. */
function dayOf(at: string, claimId: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(at);
  if (!m) throw new DeskError('INTERNAL', `claim ${claimId} has no readable ruling date ("${at.slice(0, 40)}")`);
  return m[1]!;
}

function pageUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DeskError('INVALID_INPUT', `the fact-check page "${raw.slice(0, 80)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DeskError('INVALID_INPUT', `the fact-check page "${raw.slice(0, 80)}" must be an http or https URL`);
  return url.href;
}
