import { EventEmitter } from 'node:events';
import { type ApiClient, type DeskEvent, type ImportResult, type InputOf, type MethodName, type OutputOf, api } from './api.js';
import { toArticleView } from './article-view.js';
import { EditorialHandlers } from './editorial/handlers.js';
import type { ImportReport } from './import/report.js';
import { type ImportOptions, importFiles, importUploads } from './import/import-files.js';
import { DeskError, type Result, fail, ok, toApiError } from './result.js';
import { currentContent } from './revisions.js';
import { runListQuery } from './query/list-query.js';
import { SearchIndex } from './search/search-index.js';
import type { Desk } from './store/desk-store.js';

const READ_ONLY = new Set<MethodName>(['listArticles', 'getArticle', 'getFactcheck', 'getSettings']);

type Handlers = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> };

/**
 * Every operation Copydesk offers, written once. Transports call `call()` with untrusted input; it is
 * validated against the contract here, so no transport can forget to.
 */
export class DeskService {
  private readonly events = new EventEmitter();
  private readonly handlers: Handlers;
  private index: Promise<SearchIndex> | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly desk: Desk,
    private readonly importOptions: ImportOptions = {},
  ) {
    const editorial = new EditorialHandlers(desk, (ids) => this.articlesChanged(ids));
    this.handlers = {
      importPaths: async ({ paths }) => this.landed(await importFiles(this.desk, paths, this.importOptions)),
      importUploads: async ({ files }) => {
        const decoded = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));
        return this.landed(await importUploads(this.desk, decoded, this.importOptions));
      },
      listArticles: async (query) => {
        const index = query.query?.trim() ? await this.searchIndex() : null;
        return runListQuery(this.desk.list(), query, (q) => index?.search(q) ?? []);
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
      getSettings: () => editorial.getSettings(),
      updateSettings: editorial.updateSettings,
    };
  }

  /** Built on the first search, not at open, so opening a large desk stays fast. */
  private async searchIndex(): Promise<SearchIndex> {
    this.index ??= (async () => {
      const index = new SearchIndex();
      for await (const record of this.desk.records()) index.upsert(record.id, currentContent(record));
      return index;
    })();
    return this.index;
  }

  private async landed({ changedIds, ...report }: ImportReport): Promise<ImportResult> {
    await this.articlesChanged(changedIds);
    return report;
  }

  /** After any change: bring the search index up to date, then tell every window what changed. */
  private async articlesChanged(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    if (this.index) {
      const index = await this.index;
      for (const [id, record] of await this.desk.getMany(ids)) index.upsert(id, currentContent(record));
    }
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

  onEvent(listener: (e: DeskEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  private emit(e: DeskEvent): void {
    this.events.emit('event', e);
  }
}
