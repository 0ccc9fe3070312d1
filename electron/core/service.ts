import { EventEmitter } from 'node:events';
import { type ApiClient, type DeskEvent, type ImportResult, type InputOf, type MethodName, type OutputOf, api } from './api.js';
import { toArticleView } from './article-view.js';
import { EditorialHandlers } from './editorial/handlers.js';
import type { ImportOptions } from './import/import-files.js';
import { type AnyImportReport, importPathsAny, importUploadsAny } from './import/import-any.js';
import { ExportHandlers } from './export/export-handlers.js';
import { DeskError, type Result, fail, ok, toApiError } from './result.js';
import { runListQuery } from './query/list-query.js';
import { MentionCache } from './query/mentions.js';
import { DeskSearch } from './search/desk-search.js';
import type { SearchIndex } from './search/search-index.js';
import { BundleHandlers } from './bundles/bundle-handlers.js';
import type { Desk } from './store/desk-store.js';

const READ_ONLY = new Set<MethodName>(['listArticles', 'getArticle', 'getFactcheck', 'getSettings', 'listBundles', 'getBundle', 'previewExport', 'getDeskNotices']);

type Handlers = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> };

/**
 * Every operation Copydesk offers, written once. Transports call `call()` with untrusted input; it is
 * validated against the contract here, so no transport can forget to.
 */
export class DeskService {
  private readonly events = new EventEmitter();
  private readonly handlers: Handlers;
  private readonly exports: ExportHandlers;
  private readonly search: DeskSearch;
  private readonly mentions = new MentionCache(async () => {
    const index = await this.searchIndex();
    return { search: (q) => index.search(q), load: (ids) => this.desk.getMany(ids) };
  });
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly desk: Desk,
    private readonly importOptions: ImportOptions = {},
  ) {
    this.search = new DeskSearch(desk);
    const editorial = new EditorialHandlers(desk, (ids) => this.articlesChanged(ids));
    const bundles = new BundleHandlers(desk, {
      editor: async () => (await editorial.getSettings()).editorName,
      listArticles: (query) => this.handlers.listArticles(query),
      changed: (ids) => this.emit({ type: 'bundles-changed', ids }),
    });
    this.exports = new ExportHandlers(desk, { settings: () => editorial.getSettings(), progress: (e) => this.emit(e) });
    this.handlers = {
      importPaths: async ({ paths }) => this.landed(await importPathsAny(this.desk, paths, this.importing())),
      importUploads: async ({ files }) => {
        const decoded = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));
        return this.landed(await importUploadsAny(this.desk, decoded, this.importing()));
      },
      listArticles: async (query) => {
        this.search.warm();
        const index = query.query?.trim() ? await this.searchIndex() : null;
        const { verdicts } = await editorial.getSettings();
        const mentioned = query.mentions ? await this.mentions.find([query.mentions, ...(query.mentionAliases ?? [])]) : null;
        return runListQuery(this.desk.list(), query, (q) => index?.search(q) ?? [], { verdicts, mentioned });
      },
      getArticle: async ({ id }) => {
        const record = await this.desk.get(id);
        if (!record) throw new DeskError('NOT_FOUND', `no article with id ${id}`);
        return toArticleView(record);
      },
      setStatus: editorial.setStatus,
      addTags: editorial.addTags,
      removeTags: editorial.removeTags,
      renameTag: editorial.renameTag,
      undoBatch: editorial.undoBatch,
      correctField: editorial.correctField,
      insertParagraph: editorial.insertParagraph,
      removeParagraph: editorial.removeParagraph,
      revertField: editorial.revertField,
      revertArticle: editorial.revertArticle,
      undo: editorial.undo,
      redo: editorial.redo,
      acknowledgeRevision: editorial.acknowledgeRevision,
      getFactcheck: editorial.getFactcheck,
      upsertClaim: editorial.upsertClaim,
      fixEntity: editorial.fixEntity,
      getSettings: () => editorial.getSettings(),
      updateSettings: editorial.updateSettings,
      listBundles: bundles.listBundles,
      getBundle: bundles.getBundle,
      createBundle: bundles.createBundle,
      updateBundle: bundles.updateBundle,
      addToBundle: bundles.addToBundle,
      removeFromBundle: bundles.removeFromBundle,
      moveInBundle: bundles.moveInBundle,
      reorderBundle: bundles.reorderBundle,
      deleteBundle: bundles.deleteBundle,
      undoBundle: bundles.undoBundle,
      redoBundle: bundles.redoBundle,
      previewExport: this.exports.previewExport,
      exportFile: this.exports.exportFile,
      getDeskNotices: async () => [...this.desk.notices],
    };
  }

  /** Loaded from its saved copy (or rebuilt) on the first search, not at open, so opening a large desk stays fast. */
  private searchIndex(): Promise<SearchIndex> {
    return this.search.ready();
  }

  /** Import batches are indexed as they are committed, from the records in hand, not read back afterwards. */
  private importing(): ImportOptions {
    return { ...this.importOptions, onStage: (records) => this.search.staged(records), onCommit: (records) => this.search.committed(records) };
  }

  private async landed({ changedIds, bundleIds, ...report }: AnyImportReport): Promise<ImportResult> {
    await this.articlesChanged(changedIds);
    if (bundleIds.length > 0) this.emit({ type: 'bundles-changed', ids: bundleIds });
    return report;
  }

  /** After any change: bring the search index up to date, then tell every window what changed. */
  private async articlesChanged(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    this.mentions.clear();
    await this.search.changed(ids);
    this.emit({ type: 'articles-changed', ids: [...ids] });
  }

  async call<M extends MethodName>(method: M, input: unknown): Promise<Result<OutputOf<M>>> {
    if (!Object.hasOwn(api, method)) return fail('INVALID_INPUT', `unknown method ${String(method)}`);
    const parsed = api[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail('INVALID_INPUT', `invalid input for ${method}: ${where}${issue?.message ?? 'invalid'}`);
    }
    const handler = this.handlers[method] as (input: unknown) => Promise<OutputOf<M>>;
    const run = async (): Promise<Result<OutputOf<M>>> => {
      try {
        return ok(await handler(parsed.data));
      } catch (err) {
        return { ok: false, error: toApiError(err) };
      }
    };
    if (READ_ONLY.has(method)) return run();
    // Every change reads articles, derives new records and commits them; two interleaved changes to one
    // article would each commit over the other's read. One change at a time, in arrival order.
    const turn = this.writes.then(run);
    this.writes = turn.then(() => undefined);
    return turn;
  }

  /** A typed client over this service, for in-process callers such as the CLI. */
  client(): ApiClient {
    return Object.fromEntries(
      (Object.keys(api) as MethodName[]).map((m) => [m, (input: unknown) => this.call(m, input)]),
    ) as ApiClient;
  }

  /** A finished export, for the transport to deliver (a browser download, a native save dialog). */
  download(id: string): { path: string; fileName: string; size: number } | null {
    return this.exports.download(id);
  }

  /**
   * Removes what the service made outside the desk (the export outbox), checkpoints the desk's journal and
   * finishes saving the search index. The desk itself is closed by its owner, after this.
   */
  async dispose(): Promise<void> {
    await this.exports.dispose();
    // Journalled edits go into the chunk files now, in a write turn, and the index records the chunks that
    // checkpoint rewrote: otherwise closing the desk would, and the next open would re-read them for the index.
    const flushed = this.writes.then(async () => {
      await this.desk.flush();
      await this.search.changed([]);
    });
    this.writes = flushed.catch(() => undefined);
    await flushed.catch(() => undefined);
    await this.search.settled();
  }

  onEvent(listener: (e: DeskEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  private emit(e: DeskEvent): void {
    this.events.emit('event', e);
  }
}
