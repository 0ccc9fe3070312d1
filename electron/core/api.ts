import { z } from 'zod';
import type { ImportReport } from './import/import-files.js';
import type { ArticleContent, ArticleSummary, ParseWarning, Source, Status } from './model.js';
import type { Result } from './result.js';

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
  source: Source;
  warnings: ParseWarning[];
  /** The content exactly as parsed from the seed file, before any correction. */
  original: ArticleContent;
  importedAt: string;
  modifiedAt: string;
}

export interface ArticlePage {
  total: number;
  items: ArticleSummary[];
}

export type ImportResult = Omit<ImportReport, 'changedIds'>;

export const api = {
  importPaths: method(z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) })).returns<ImportResult>(),
  listArticles: method(
    z.strictObject({
      offset: z.number().int().nonnegative().optional(),
      limit: z.number().int().positive().max(100_000).optional(),
    }),
  ).returns<ArticlePage>(),
  getArticle: method(z.strictObject({ id: z.string().min(1).max(128) })).returns<ArticleView>(),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export const METHOD_NAMES = Object.keys(api) as MethodName[];
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type OutputOf<M extends MethodName> = Api[M]['output'];

/** What every transport's client looks like: one async function per method, never throwing. */
export type ApiClient = { [M in MethodName]: (input: InputOf<M>) => Promise<Result<OutputOf<M>>> };

export type DeskEvent = { type: 'articles-changed'; ids: string[] };
