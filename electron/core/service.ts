import { EventEmitter } from 'node:events';
import { type ApiClient, type ArticleView, type DeskEvent, type InputOf, type MethodName, type OutputOf, api } from './api.js';
import { type ImportOptions, importFiles } from './import/import-files.js';
import { DeskError, type Result, fail, ok, toApiError } from './result.js';
import { currentContent } from './revisions.js';
import type { Desk } from './store/desk-store.js';

type Handlers = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> };

/**
 * Every operation Copydesk offers, written once. Transports call `call()` with untrusted input; it is
 * validated against the contract here, so no transport can forget to.
 */
export class DeskService {
  private readonly events = new EventEmitter();
  private readonly handlers: Handlers;

  constructor(
    readonly desk: Desk,
    private readonly importOptions: ImportOptions = {},
  ) {
    this.handlers = {
      importPaths: async ({ paths }) => {
        const { changedIds, ...report } = await importFiles(this.desk, paths, this.importOptions);
        if (changedIds.length > 0) this.emit({ type: 'articles-changed', ids: changedIds });
        return report;
      },
      listArticles: async ({ offset = 0, limit }) => {
        const all = this.desk.list();
        return { total: all.length, items: all.slice(offset, limit === undefined ? undefined : offset + limit) };
      },
      getArticle: async ({ id }) => {
        const record = await this.desk.get(id);
        if (!record) throw new DeskError('NOT_FOUND', `no article with id ${id}`);
        const view: ArticleView = {
          ...currentContent(record),
          id: record.id,
          status: record.status,
          tags: record.tags,
          source: record.source,
          warnings: record.warnings,
          original: record.original,
          importedAt: record.importedAt,
          modifiedAt: record.modifiedAt,
        };
        return view;
      },
    };
  }

  async call<M extends MethodName>(method: M, input: unknown): Promise<Result<OutputOf<M>>> {
    if (!Object.hasOwn(api, method)) return fail('INVALID_INPUT', `unknown method ${String(method)}`);
    const parsed = api[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail('INVALID_INPUT', `invalid input for ${method}: ${where}${issue?.message ?? 'invalid'}`);
    }
    try {
      const handler = this.handlers[method] as (input: unknown) => Promise<OutputOf<M>>;
      return ok(await handler(parsed.data));
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
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
