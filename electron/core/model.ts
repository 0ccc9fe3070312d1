import { z } from 'zod';
import { fold, hasCorrections } from './revisions.js';
import { STATUSES } from './statuses.js';

/** The content fields an editor can see and (in a later issue) correct. The original parse is one of these. */
export const UpdatedSchema = z.object({
  raw: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  relative: z.boolean(),
});
export type Updated = z.infer<typeof UpdatedSchema>;

export const ArticleContentSchema = z.object({
  headline: z.string(),
  caption: z.string().nullable(),
  credit: z.string().nullable(),
  updated: UpdatedSchema.nullable(),
  highlights: z.array(z.string()),
  byline: z.string().nullable(),
  dateline: z.string().nullable(),
  datelineText: z.string().nullable(),
  paragraphs: z.array(z.string()),
});
export type ArticleContent = z.infer<typeof ArticleContentSchema>;

/** A field's place in its article's source text (offsets relative to the article's start). */
export const FieldSpanSchema = z.object({
  field: z.enum(['headline', 'caption', 'updated', 'highlights', 'byline', 'dateline', 'paragraphs']),
  index: z.number().int().nonnegative().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type FieldSpan = z.infer<typeof FieldSpanSchema>;

/** An article with only a headline; parsers and tests fill in the rest. */
export function emptyContent(headline = ''): ArticleContent {
  return { headline, caption: null, credit: null, updated: null, highlights: [], byline: null, dateline: null, datelineText: null, paragraphs: [] };
}

export const WarningSchema = z.object({ code: z.string(), message: z.string() });
export type ParseWarning = z.infer<typeof WarningSchema>;

export const SourceSchema = z.object({
  /** Base name of the seed file; with the headline it keys the article id. */
  file: z.string(),
  /** Absolute path at import time. */
  path: z.string(),
  /** Position of the article in its file, from 0. */
  index: z.number().int().nonnegative(),
  /** Offsets in UTF-16 code units into the decoded file text, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the article's text, the slice start..end. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Source = z.infer<typeof SourceSchema>;

export { STATUSES, type Status } from './statuses.js';
export const StatusSchema = z.enum(STATUSES);

/**
 * One change to an article. `before` and `after` are the field's whole value (text, a list, an object), so
 * applying is setting and undoing is setting `before` back. `op` says whether it is an editor's edit, an undo
 * or redo of `target`, or the acknowledgement of a conflicted edit after re-import.
 */
export const RevisionSchema = z.object({
  id: z.string(),
  op: z.enum(['edit', 'undo', 'redo', 'ack']),
  target: z.string().nullable(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  editor: z.string(),
  at: z.string(),
  /** Revisions made together across articles (a bulk tag, a tag rename) share a batch, to be undone together. */
  batch: z.string().nullable(),
});
export type Revision = z.infer<typeof RevisionSchema>;

export const VERDICTS = ['unverified', 'true', 'mostly-true', 'misleading', 'false', 'unproven'] as const;

/** A verdict id: lowercase words joined by hyphens, as stored on claims ("mostly-true"). */
export const VerdictIdSchema = z.string().max(40).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a verdict id is lowercase letters, digits and hyphens, like "mostly-true"');

/**
 * One step of the desk's verdict scale. `rating` follows ClaimReview's ratingValue: 1 is false, 5 is true; null
 * means the step is not a ruling (unverified), so a claim there still counts as unchecked.
 */
export const VerdictDefinitionSchema = z.object({ id: VerdictIdSchema, label: z.string().trim().min(1).max(60), rating: z.number().int().min(1).max(5).nullable() });
export type VerdictDefinition = z.infer<typeof VerdictDefinitionSchema>;

/** The default scale, in display order. */
export const DEFAULT_VERDICT_SCALE: readonly VerdictDefinition[] = [
  { id: 'unverified', label: 'Unverified', rating: null },
  { id: 'true', label: 'True', rating: 5 },
  { id: 'mostly-true', label: 'Mostly true', rating: 4 },
  { id: 'misleading', label: 'Misleading', rating: 2 },
  { id: 'false', label: 'False', rating: 1 },
  { id: 'unproven', label: 'Unproven', rating: 3 },
];

/** Every claim starts `unverified`, so a scale without it would leave new claims with no state to be in. */
export const VerdictScaleSchema = z
  .array(VerdictDefinitionSchema)
  .min(2, 'a verdict scale has 2 to 12 verdicts')
  .max(12, 'a verdict scale has 2 to 12 verdicts')
  .superRefine((scale, ctx) => {
    const seen = new Set<string>();
    for (const v of scale) {
      if (seen.has(v.id)) ctx.addIssue({ code: 'custom', message: `verdict ids must be unique: "${v.id}" appears more than once` });
      seen.add(v.id);
    }
    const unverified = scale.find((v) => v.id === 'unverified');
    if (!unverified) ctx.addIssue({ code: 'custom', message: 'the scale must keep "unverified", the state of every claim before a ruling' });
    else if (unverified.rating !== null) ctx.addIssue({ code: 'custom', message: '"unverified" is not a ruling, so it has no rating' });
  });

/** An editor's correction of an article's entity list: retype, rename (merging), or remove (type null). */
export const EntityFixSchema = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.enum(['person', 'organization', 'place']).nullable(),
  rename: z.string().trim().min(1).max(200).optional(),
});
export type StoredEntityFix = z.infer<typeof EntityFixSchema>;

/** A W3C Web Annotation style anchor: the quote, its context, and its offsets in the article text. */
export const AnchorSchema = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

/** A claim a checker has ruled on (or is working on). Evidence URLs are kept as text and never fetched. */
export const StoredClaimSchema = z.object({
  id: z.string(),
  /** The claim as stated; its anchor holds the exact words in the article. */
  text: z.string(),
  anchor: AnchorSchema,
  verdict: z.string().min(1).max(40),
  notes: z.array(z.string()),
  sources: z.array(z.string()),
  checker: z.string(),
  at: z.string(),
});
export type StoredClaim = z.infer<typeof StoredClaimSchema>;

/**
 * The full stored article. `original` is never edited by an editor; only a changed source file replaces it, and
 * then the text it replaced is kept in `priorOriginals` so nothing is lost.
 */
export const ArticleRecordSchema = z.object({
  id: z.string(),
  seq: z.number().int().nonnegative(),
  original: ArticleContentSchema,
  priorOriginals: z.array(z.object({ replacedAt: z.string(), source: SourceSchema, content: ArticleContentSchema })),
  /** Every editorial change, oldest first; status, tags and the current text are derived from them. */
  revisions: z.array(RevisionSchema),
  /** Claims with verdicts; desks written before fact-checking existed have none. */
  claims: z.array(StoredClaimSchema).default([]),
  /** The editor's entity corrections, replayed in order over every fresh analysis. */
  entityFixes: z.array(EntityFixSchema).default([]),
  source: SourceSchema,
  /** The article exactly as it stands in the seed file, kept so the source survives the file. */
  sourceText: z.string(),
  /** Where each parsed field stands in `sourceText`. */
  spans: z.array(FieldSpanSchema),
  warnings: z.array(WarningSchema),
  importedAt: z.string(),
  modifiedAt: z.string(),
});
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** What the list needs, kept in the index so a desk opens without reading article bodies. */
export const ArticleSummarySchema = z.object({
  id: z.string(),
  seq: z.number().int().nonnegative(),
  headline: z.string(),
  dateline: z.string().nullable(),
  updated: UpdatedSchema.nullable(),
  status: StatusSchema,
  tags: z.array(z.string()),
  source: SourceSchema,
  warningCount: z.number().int().nonnegative(),
  /** Corrections held back because the source changed under them. */
  needsReview: z.number().int().nonnegative(),
  corrected: z.boolean(),
  /** Stored claims per verdict id, so the list filters by verdict without reading bodies or re-analysing. */
  verdictCounts: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

/** What an article's history must fold to: the same shapes an editor's own changes produce. */
const FoldedStateSchema = z.object({
  content: ArticleContentSchema,
  status: StatusSchema,
  tags: z.array(z.string()),
  correctionNotice: z.string().nullable(),
  notes: z.string().nullable(),
});

/**
 * Why a record's revisions do not fold to a valid article, or null when they do. A revision's before/after are
 * untyped on disk (each field has its own shape), so a crafted record — say, inside a bundle archive with
 * correct checksums — could fold to tags that are not a list and break every later list of the desk; the store
 * refuses such a record before it is written.
 */
export function foldProblem(a: ArticleRecord): string | null {
  // With no revisions the state is the original, whose shape the record's own schema already fixes.
  if (a.revisions.length === 0) return null;
  try {
    const parsed = FoldedStateSchema.safeParse(fold(a.original, a.revisions).state);
    if (parsed.success) return null;
    const issue = parsed.error.issues[0];
    return `its history folds to an invalid ${issue?.path.join('.') || 'state'}: ${issue?.message ?? 'invalid'}`;
  } catch (err) {
    return `its history cannot be replayed: ${(err as Error).message}`;
  }
}

export function summarize(a: ArticleRecord): ArticleSummary {
  const { state, needsReview } = fold(a.original, a.revisions);
  return {
    id: a.id,
    seq: a.seq,
    headline: state.content.headline,
    dateline: state.content.dateline,
    updated: state.content.updated,
    status: state.status,
    tags: state.tags,
    source: a.source,
    warningCount: a.warnings.length,
    needsReview: needsReview.length,
    corrected: hasCorrections(a),
    verdictCounts: countVerdicts(a.claims),
  };
}

function countVerdicts(claims: readonly StoredClaim[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  return Object.fromEntries(counts); // own data properties even for a hostile id such as "__proto__"
}

/** Per-desk settings, kept beside the desk so they travel with it. */
export const SettingsSchema = z.object({
  /** Signs every revision. Defaults to the OS user name. */
  editorName: z.string().min(1).max(100),
  /** The publisher named as author of exported fact-checks. */
  organizationName: z.string().max(200),
  /** The verdicts a checker chooses from, in display order. */
  verdicts: VerdictScaleSchema,
  /** Where this desk's backups live, stored absolute; unset means `<desk>/backups` (see core/backup). */
  backupDir: z.string().max(4096).regex(/^(?:\/|[A-Za-z]:[\\/]|\\\\)/, 'the backup folder must be an absolute path').optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
