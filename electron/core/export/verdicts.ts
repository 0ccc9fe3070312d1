import type { ExportArticle, ExportClaim, ExportContext, VerdictDefinition } from './types.js';

/** A rating at or below this is a "false or misleading" ruling (1 false, 2 misleading on the 1–5 scale). */
export const FALSE_OR_MISLEADING_MAX = 2;

export interface Ruling {
  claim: ExportClaim;
  verdict: VerdictDefinition;
}

/**
 * The article's claims that carry a ruling, in the order they were recorded, with their step on the scale. As on
 * the desk (`factcheck/verdict-scale.ts`), the scale decides, not verdict names: a step without a rating
 * (unverified) is not a ruling, while a verdict since removed from the scale is one an editor made, kept under
 * its id with no rating. Orphaned claims count: a correction removing the words does not undo the ruling.
 */
export function rulings(a: ExportArticle, ctx: ExportContext): Ruling[] {
  const out: Ruling[] = [];
  for (const claim of a.claims) {
    const onScale = ctx.verdicts.find((v) => v.id === claim.verdict);
    if (onScale && onScale.rating === null) continue;
    out.push({ claim, verdict: onScale ?? { id: claim.verdict, label: claim.verdict, rating: null } });
  }
  return out;
}

export function isFalseOrMisleading(v: VerdictDefinition): boolean {
  return v.rating !== null && v.rating <= FALSE_OR_MISLEADING_MAX;
}

/** The words the ruling is on, as they stand now (a fuzzy re-anchor follows a light correction). */
export function quoteOf(claim: ExportClaim): string {
  return claim.anchor.exact !== '' ? claim.anchor.exact : claim.text;
}
