import type { ArticleSummary, Status } from '../model.js';
import { type ClaimFlags, FALSE_OR_MISLEADING, UNCHECKED } from './facets.js';
import { type RowTraits, WARNINGS, statusCode, statusMask } from './row-traits.js';

export interface RowFilterQuery {
  statuses?: readonly Status[];
  tag?: string;
  file?: string;
  hasWarnings?: boolean;
  claims?: 'unchecked' | 'false-or-misleading';
}

/** What the filters read besides the query, all for one state of the desk. */
export interface RowFilterSources {
  all: readonly ArticleSummary[];
  traits: RowTraits;
  claimFlags: ClaimFlags;
  /** Which articles carry a tag, by its folded name. */
  tagged: (key: string) => Uint8Array;
  /** The articles naming the `mentions` entity, or null for no such filter. */
  mentioned: ReadonlySet<string> | null;
}

/** Tests the article at a desk position against the list's filters. */
export type RowFilter = (position: number) => boolean;

/**
 * The list's filters as one test. Spiked (rejected) copy is hidden unless the filter asks for it by status.
 * Status, warnings, claims and tags are read from arrays worked out once per desk state; only the file and
 * mentions filters look at the article itself.
 */
export function rowFilter(q: RowFilterQuery, { all, traits, claimFlags, tagged, mentioned }: RowFilterSources): RowFilter {
  const statuses = statusMask(q.statuses);
  const tag = q.tag?.trim().toLowerCase();
  const withTag = tag ? tagged(tag) : null;
  const { file, hasWarnings } = q;
  const claimBit = q.claims === undefined ? 0 : q.claims === 'unchecked' ? UNCHECKED : FALSE_OR_MISLEADING;
  return (i) =>
    (statuses & (1 << statusCode(traits, i))) !== 0 &&
    (!withTag || withTag[i] === 1) &&
    (hasWarnings === undefined || ((traits[i]! & WARNINGS) !== 0) === hasWarnings) &&
    (claimBit === 0 || (claimFlags[i]! & claimBit) !== 0) &&
    (!file || all[i]!.source.file === file) &&
    (!mentioned || mentioned.has(all[i]!.id));
}
