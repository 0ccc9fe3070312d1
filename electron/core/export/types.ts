import type { ArticleContent, Revision, Source, StoredClaim, VerdictDefinition } from '../model.js';

export type { VerdictDefinition };
import type { Status } from '../statuses.js';
import type { Anchor } from '../factcheck/types.js';

/**
 * One article as every export format sees it: the corrections applied, the editorial state folded, and the
 * stored claims re-anchored to the current text. Built once per article by `toExportArticle`, so the formats
 * are pure functions of plain data and two exports of the same desk state agree byte for byte.
 */
export interface ExportArticle {
  id: string;
  /** The current text, corrections applied. */
  content: ArticleContent;
  status: Status;
  tags: string[];
  correctionNotice: string | null;
  /** The internal editor's note. */
  notes: string | null;
  /** True when any field differs from the original parse. */
  corrected: boolean;
  source: Source;
  importedAt: string;
  modifiedAt: string;
  revisions: Revision[];
  /** Claims a checker has ruled on, re-anchored to the current text; orphaned ones keep their last quote. */
  claims: ExportClaim[];
}

export interface ExportClaim extends Omit<StoredClaim, 'anchor'> {
  anchor: Anchor;
  orphaned: boolean;
}

/** Desk-wide facts an export names: who publishes it, who made it, and what made it. */
export interface ExportContext {
  organizationName: string;
  editorName: string;
  appVersion: string;
  /** The verdict scale in force, for mapping verdicts to ratings. */
  verdicts: readonly VerdictDefinition[];
}

/** A curated set being exported: its name and description, and the articles in the bundle's order. */
export interface ExportSet {
  name: string;
  description: string;
  articles: ExportArticle[];
}
