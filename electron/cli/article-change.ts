import type { ArticleView } from '../core/api.js';
import type { Revision } from '../core/model.js';
import type { DeskService } from '../core/service.js';
import { articleJson } from './commands/show.js';
import { call, resolveArticleId } from './desk-calls.js';
import type { Io } from './io.js';
import { toHistoryEntry } from './revisions-out.js';
import { withDesk } from './with-desk.js';

export interface ArticleChange {
  /** The article after the change. */
  article: ArticleView;
  /** The revision the change added, or null when it changed nothing. */
  revision: Revision | null;
}

/**
 * Resolves the id (or unique prefix), applies one editorial change through the contract and reads the article
 * back, all under the desk lock, so the revision reported is the one this command made.
 */
export function changeArticle(io: Io, db: string | undefined, wanted: string, change: (service: DeskService, id: string) => Promise<unknown>): Promise<ArticleChange> {
  return withDesk(io, db, { quiet: true }, async (service) => {
    const id = resolveArticleId(service, wanted);
    const before = await call(service, 'getArticle', { id });
    await change(service, id);
    const article = await call(service, 'getArticle', { id });
    const added = article.revisions.length > before.revisions.length ? article.revisions.at(-1) : undefined;
    return { article, revision: added ?? null };
  });
}

/** The --json output of every editorial command: what changed, and the article as `show --json` prints it. */
export const changeJson = ({ article, revision }: ArticleChange) => ({
  id: article.id,
  changed: revision !== null,
  revision: revision && toHistoryEntry(revision),
  article: articleJson(article),
});
