import { z } from 'zod';
import type { ImportReport } from './import/report.js';
import type { ArticleContent, ArticleRecord, FieldSpan, ParseWarning, Revision, Settings, Source } from './model.js';
import { EntityFixSchema, StatusSchema, VerdictIdSchema, VerdictScaleSchema } from './model.js';
import type { FactcheckView } from './factcheck/types.js';
import type { Status } from './statuses.js';
import { type ArticlePage, ListQuerySchema } from './query/list-query.js';
import {
  AddToBundleInput, BundleIdInput, CreateBundleInput, ListBundlesInput, MoveInBundleInput, RemoveFromBundleInput, ReorderBundleInput, UpdateBundleInput,
} from './bundles/bundle-inputs.js';
import type { AddToBundleResult, BundleSummary, BundleView, RemoveFromBundleResult } from './bundles/bundle-view.js';
import type { Result } from './result.js';
import type { DeskNotice } from './store/desk-store.js';
import { ExportFileInput, PreviewExportInput } from './export/export-inputs.js';
import type { ExportDownload, ExportProgressEvent } from './export/export-handlers.js';
import type { ExportPreview } from './export/export-preview.js';

/**
 * The one contract every transport speaks: method name → zod input schema and result type. IPC handlers,
 * the preload bridge, the HTTP routes, the renderer client and the CLI are all generated from or checked
 * against this map, so a method exists everywhere or nowhere.
 */
const method = <I extends z.ZodType>(input: I) => ({
  returns: <O>() => ({ input, output: undefined as unknown as O }),
});

export interface ArticleView extends ArticleContent {
  id: string;
  status: Status;
  tags: string[];
  correctionNotice: string | null;
  /** The internal editor's note. */
  notes: string | null;
  /** Every revision, oldest first, and what undo/redo would act on next. */
  revisions: Revision[];
  undoable: string[];
  redoable: string[];
  /** Corrections the source changed under, awaiting an editor. */
  needsReview: string[];
  /** Earlier originals replaced by re-imports, oldest first, for the upstream diff. */
  priorOriginals: ArticleRecord['priorOriginals'];
  source: Source;
  warnings: ParseWarning[];
  /** The content exactly as parsed from the seed file, before any correction. */
  original: ArticleContent;
  /** The article's text as it stands in the seed file, and where each parsed field sits in it. */
  sourceText: string;
  spans: FieldSpan[];
  importedAt: string;
  modifiedAt: string;
}

export type { ArticlePage, Facets, ListItem, ListQuery } from './query/list-query.js';
export type { AddToBundleResult, BundleSummary, BundleView, RemoveFromBundleResult } from './bundles/bundle-view.js';
export type { BundleRevision } from './bundles/bundle-record.js';

export type ImportResult = Omit<ImportReport, 'changedIds'>;
export type { ExportDownload, ExportProgressEvent, ExportPreview, DeskNotice };
export type { ExportSelection } from './export/selection.js';

const Id = z.string().min(1).max(128);
const Ids = z.array(Id).min(1).max(100_000);
const Tags = z.array(z.string().max(1000)).min(1).max(100);
const Note = z.string().max(5000).nullable().optional();

/** What a bulk change did: how many articles changed, and the batch to undo them together. */
export interface BulkResult {
  changed: number;
  unchanged: number;
  batch: string | null;
}

export const api = {
  importPaths: method(z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) })).returns<ImportResult>(),
  /** Browser mode's import: the page can send a file's bytes but never learn its path. */
  importUploads: method(
    z.strictObject({
      files: z
        .array(
          z.strictObject({
            name: z.string().min(1).max(255).regex(/^[^/\\\0]+$/, 'a file name, without folders'),
            base64: z.string().max(72 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text'),
          }),
        )
        .min(1)
        .max(100),
    }),
  ).returns<ImportResult>(),
  listArticles: method(ListQuerySchema).returns<ArticlePage>(),
  getArticle: method(z.strictObject({ id: Id })).returns<ArticleView>(),

  // Editorial workflow: every change below is a revision, durable before the call answers.
  setStatus: method(z.strictObject({ ids: Ids, status: StatusSchema, note: Note })).returns<BulkResult>(),
  addTags: method(z.strictObject({ ids: Ids, tags: Tags })).returns<BulkResult>(),
  removeTags: method(z.strictObject({ ids: Ids, tags: Tags })).returns<BulkResult>(),
  renameTag: method(z.strictObject({ from: z.string().min(1).max(200), to: z.string().min(1).max(200) })).returns<BulkResult>(),
  undoBatch: method(z.strictObject({ batch: z.string().min(1).max(64) })).returns<BulkResult>(),
  correctField: method(
    z.strictObject({ id: Id, field: z.string().min(1).max(40), text: z.string().max(100_000).nullable(), reason: Note }),
  ).returns<ArticleView>(),
  insertParagraph: method(z.strictObject({ id: Id, position: z.number().int().min(1).max(100_000), text: z.string().min(1).max(100_000), reason: Note })).returns<ArticleView>(),
  removeParagraph: method(z.strictObject({ id: Id, index: z.number().int().min(1).max(100_000), reason: Note })).returns<ArticleView>(),
  revertField: method(z.strictObject({ id: Id, field: z.string().min(1).max(40) })).returns<ArticleView>(),
  revertArticle: method(z.strictObject({ id: Id })).returns<ArticleView>(),
  undo: method(z.strictObject({ id: Id })).returns<ArticleView>(),
  redo: method(z.strictObject({ id: Id })).returns<ArticleView>(),
  acknowledgeRevision: method(z.strictObject({ id: Id, revision: z.string().min(1).max(32) })).returns<ArticleView>(),
  getFactcheck: method(z.strictObject({ id: Id })).returns<FactcheckView>(),
  upsertClaim: method(
    z.strictObject({
      id: Id,
      text: z.string().min(1).max(5000),
      // Checked against the desk's scale by the handler, which names the verdicts allowed.
      verdict: VerdictIdSchema,
      note: Note,
      sources: z.array(z.string().min(1).max(2000)).max(50).optional(),
      /** Where the words start in the article text, as in anchors: picks one of several occurrences. */
      start: z.number().int().nonnegative().max(10_000_000).optional(),
    }),
  ).returns<FactcheckView>(),
  /** An editor's correction of an article's entity list: retype, rename, or remove (type null). Persists. */
  fixEntity: method(z.strictObject({ id: Id, ...EntityFixSchema.shape })).returns<FactcheckView>(),
  getSettings: method(z.strictObject({})).returns<Settings>(),
  updateSettings: method(
    z.strictObject({
      editorName: z.string().trim().min(1).max(100).optional(),
      organizationName: z.string().trim().max(200).optional(),
      /** A new verdict scale; claims already on a verdict it drops keep that verdict. */
      verdicts: VerdictScaleSchema.optional(),
    }),
  ).returns<Settings>(),

  // Curated bundles: every change is a bundle revision, durable before the call answers; undoBundle steps back
  // the latest (deleting included). Positions are 0-based. See electron/core/bundles/bundle-inputs.ts.
  listBundles: method(ListBundlesInput).returns<BundleSummary[]>(),
  getBundle: method(BundleIdInput).returns<BundleView>(),
  createBundle: method(CreateBundleInput).returns<BundleView>(),
  updateBundle: method(UpdateBundleInput).returns<BundleView>(),
  addToBundle: method(AddToBundleInput).returns<AddToBundleResult>(),
  removeFromBundle: method(RemoveFromBundleInput).returns<RemoveFromBundleResult>(),
  moveInBundle: method(MoveInBundleInput).returns<BundleView>(),
  reorderBundle: method(ReorderBundleInput).returns<BundleView>(),
  deleteBundle: method(BundleIdInput).returns<BundleView>(),
  undoBundle: method(BundleIdInput).returns<BundleView>(),
  redoBundle: method(BundleIdInput).returns<BundleView>(),

  // Exports: what a selection would include, then the file itself, made in an outbox for the transport to deliver.
  previewExport: method(PreviewExportInput).returns<ExportPreview>(),
  exportFile: method(ExportFileInput).returns<ExportDownload>(),

  /** What opening the desk had to do (create it, recover it from a backup…), for the window to tell the editor. */
  getDeskNotices: method(z.strictObject({})).returns<DeskNotice[]>(),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export { METHOD_NAMES } from './api-methods.js';

// Compile-time proof that api-methods.ts lists exactly the contract's methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _methodsMatch: Same<MethodName, import('./api-methods.js').MethodName> = true;
void _methodsMatch;
const _eventsMatch: Same<DeskEvent['type'], (typeof import('./api-methods.js').EVENT_TYPES)[number]> = true;
void _eventsMatch;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type OutputOf<M extends MethodName> = Api[M]['output'];

/** What every transport's client looks like: one async function per method, never throwing. */
export type ApiClient = { [M in MethodName]: (input: InputOf<M>) => Promise<Result<OutputOf<M>>> };

export type DeskEvent =
  | { type: 'articles-changed'; ids: string[] }
  /** Bundles were created, changed, deleted or restored; `ids` are the bundles'. */
  | { type: 'bundles-changed'; ids: string[] }
  /** An export's progress, named by the `job` its caller gave. */
  | ExportProgressEvent
  /** An import the renderer did not start (the File menu, a file opened from the OS) has finished. */
  | { type: 'import-finished'; result: Result<ImportResult> };
