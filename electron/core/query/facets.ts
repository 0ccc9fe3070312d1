import { hasFalseOrMisleading, hasUncheckedClaims } from '../factcheck/verdict-scale.js';
import { type ArticleSummary, STATUSES, type Status, type VerdictDefinition } from '../model.js';
import { FirstHolders } from './first-holders.js';
import { listCollator } from './list-order.js';

export interface Facets {
  statuses: Record<Status, number>;
  tags: { name: string; count: number }[];
  files: { name: string; count: number }[];
  withWarnings: number;
  /** Articles each claims filter would show (spiked ones included, as in every facet). */
  claims: { unchecked: number; falseOrMisleading: number };
}

/** Bits of `ClaimFlags`, one byte per article. */
export const UNCHECKED = 1;
export const FALSE_OR_MISLEADING = 2;

/** Per article (by position in the desk's list), which claims filters it passes under one verdict scale. */
export type ClaimFlags = Uint8Array;

/** The filter bar's tags are told apart trimmed and lower-cased (without the editor's NFC folding). */
const facetKey = (tag: string): string => tag.trim().toLowerCase();
const KNOWN_STATUSES = new Set<string>(STATUSES);

/**
 * The filter bar's counts over the whole desk, whatever the query, under one verdict scale; with each article's
 * claims flags, so that the scale is consulted once per article rather than on every filtered page. After an
 * edit the counts are carried over and corrected for the summaries that changed.
 */
export class FacetCounts {
  private constructor(
    private readonly scale: readonly VerdictDefinition[],
    readonly facets: Facets,
    readonly claimFlags: ClaimFlags,
    /** Occurrences of each tag, and where each first occurs (which gives it the spelling shown). */
    private readonly tagCounts: Map<string, number>,
    private readonly tagFirst: FirstHolders,
  ) {}

  static count(all: readonly ArticleSummary[], scale: readonly VerdictDefinition[]): FacetCounts {
    const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    const files = new Map<string, number>();
    const claimFlags = new Uint8Array(all.length);
    const claims = { unchecked: 0, falseOrMisleading: 0 };
    const tagFirst = FirstHolders.of(all, facetKey);
    const tagCounts = new Map<string, number>();
    let withWarnings = 0;
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      statuses[a.status]++;
      for (const t of a.tags) {
        const key = tagFirst.keyOf(t);
        tagCounts.set(key, (tagCounts.get(key) ?? 0) + 1);
      }
      files.set(a.source.file, (files.get(a.source.file) ?? 0) + 1);
      if (a.warningCount > 0) withWarnings++;
      claimFlags[i] = claimFlagsOf(a, scale);
      if (claimFlags[i]! & UNCHECKED) claims.unchecked++;
      if (claimFlags[i]! & FALSE_OR_MISLEADING) claims.falseOrMisleading++;
    }
    const facets: Facets = {
      statuses,
      tags: tagFacets(all, tagCounts, tagFirst),
      files: [...files].map(([name, count]) => ({ name, count })).sort((a, b) => listCollator.compare(a.name, b.name)),
      withWarnings,
      claims,
    };
    return new FacetCounts(scale, facets, claimFlags, tagCounts, tagFirst);
  }

  /**
   * The counts for `next`, a commit's new list with the summaries at `changed` replaced (`previous` the list
   * these counts are for); null when counting afresh is simpler: an article moved to another file, or a status
   * this version does not know.
   */
  carriedTo(previous: readonly ArticleSummary[], next: readonly ArticleSummary[], changed: readonly number[]): FacetCounts | null {
    if (changed.length === 0) return this;
    for (const i of changed) {
      const [was, now] = [previous[i]!, next[i]!];
      if (was.source.file !== now.source.file || !KNOWN_STATUSES.has(was.status) || !KNOWN_STATUSES.has(now.status)) return null;
    }
    const statuses = { ...this.facets.statuses };
    const claims = { ...this.facets.claims };
    const claimFlags = this.claimFlags.slice();
    const tagCounts = new Map(this.tagCounts);
    let withWarnings = this.facets.withWarnings;
    let tagsChanged = false;
    for (const i of changed) {
      const [was, now] = [previous[i]!, next[i]!];
      statuses[was.status]--;
      statuses[now.status]++;
      withWarnings += (now.warningCount > 0 ? 1 : 0) - (was.warningCount > 0 ? 1 : 0);
      const [before, flags] = [claimFlags[i]!, claimFlagsOf(now, this.scale)];
      claims.unchecked += bit(flags, UNCHECKED) - bit(before, UNCHECKED);
      claims.falseOrMisleading += bit(flags, FALSE_OR_MISLEADING) - bit(before, FALSE_OR_MISLEADING);
      claimFlags[i] = flags;
      if (sameTags(was.tags, now.tags)) continue;
      tagsChanged = true;
      for (const t of was.tags) {
        const key = this.tagFirst.keyOf(t);
        const left = tagCounts.get(key)! - 1;
        if (left === 0) tagCounts.delete(key);
        else tagCounts.set(key, left);
      }
      for (const t of now.tags) {
        const key = this.tagFirst.keyOf(t);
        tagCounts.set(key, (tagCounts.get(key) ?? 0) + 1);
      }
    }
    let tagFirst = this.tagFirst;
    let tags = this.facets.tags;
    if (tagsChanged) {
      tagFirst = this.tagFirst.clone();
      tagFirst.update((i) => previous[i]!, next, changed);
      tags = tagFacets(next, tagCounts, tagFirst);
    }
    const facets: Facets = { statuses, tags, files: this.facets.files, withWarnings, claims };
    return new FacetCounts(this.scale, facets, claimFlags, tagCounts, tagFirst);
  }
}

function claimFlagsOf(a: ArticleSummary, scale: readonly VerdictDefinition[]): number {
  return (hasUncheckedClaims(a.verdictCounts, scale) ? UNCHECKED : 0) | (hasFalseOrMisleading(a.verdictCounts, scale) ? FALSE_OR_MISLEADING : 0);
}

/**
 * Most used first, then by name. Each tag is shown in the spelling met first on the desk, and equal counts of
 * names the collator cannot tell apart stay in the order the tags first occur (as a count in desk order makes).
 */
function tagFacets(all: readonly ArticleSummary[], counts: ReadonlyMap<string, number>, first: FirstHolders): Facets['tags'] {
  const entries = [...counts.keys()].map((key) => {
    const position = first.position(key)!;
    const index = all[position]!.tags.findIndex((t) => first.keyOf(t) === key);
    return { key, position, index };
  });
  entries.sort((a, b) => a.position - b.position || a.index - b.index);
  return entries
    .map(({ key, position, index }) => ({ name: all[position]!.tags[index]!, count: counts.get(key)! }))
    .sort((a, b) => b.count - a.count || listCollator.compare(a.name, b.name));
}

const bit = (flags: number, mask: number): number => (flags & mask ? 1 : 0);

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((t, i) => t === b[i]));
}
