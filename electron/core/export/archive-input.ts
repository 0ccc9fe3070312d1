import { createHash } from 'node:crypto';
import { createBundle } from '../bundles/bundle-operations.js';
import type { BundleRecord } from '../bundles/bundle-record.js';
import type { ArticleRecord } from '../model.js';
import type { ArchiveFile, BundleArchiveInput } from './bundle-archive.js';
import { type ArchiveFormat, ARCHIVE_FORMATS, archiveFolder, isArticleFormat, renderArticle, renderSet } from './formats.js';
import type { ResolvedSelection } from './selection.js';
import type { ExportArticle, ExportContext } from './types.js';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/**
 * Everything a bundle archive holds, derived from desk state alone: the same state gives the same input, and so
 * (with the writer's fixed order and timestamps) the same bytes. The created time is the latest change to
 * anything exported, not the clock.
 */
export function archiveInput(
  sel: ResolvedSelection,
  records: readonly ArticleRecord[],
  articles: readonly ExportArticle[],
  ctx: ExportContext,
  formats: readonly ArchiveFormat[],
  opts: { bom: boolean },
): BundleArchiveInput {
  const chosen = ARCHIVE_FORMATS.filter((f) => formats.includes(f));
  const latest = [...records.map((r) => r.modifiedAt), ...(sel.bundle ? [sel.bundle.modifiedAt] : [])].reduce((a, b) => (a > b ? a : b));
  const bundle = sel.bundle ?? selectionBundle(sel, ctx.editorName, latest);
  const files = (a: ExportArticle): ArchiveFile[] =>
    chosen.filter(isArticleFormat).flatMap((f) => {
      const file = renderArticle(a, f, ctx);
      return file ? [{ path: `${archiveFolder(f)}/${file.name}`, bytes: utf8(file.text) }] : [];
    });
  const set = { name: sel.name, description: sel.description, articles: [...articles] };
  return {
    bundle: { id: bundle.id, name: bundle.name, description: bundle.description },
    bundleRecord: bundle as unknown as Record<string, unknown>,
    created: latest,
    appVersion: ctx.appVersion,
    editor: ctx.editorName,
    formats: chosen,
    articles: records.map((record, i) => ({ record, files: files(articles[i]!) })),
    files: chosen
      .filter((f): f is 'html' | 'csv' => !isArticleFormat(f))
      .map((f) => {
        const file = renderSet(set, f, ctx, opts);
        return { path: `${archiveFolder(f)}/${file.name}`, bytes: utf8(file.text) };
      }),
  };
}

/**
 * An ad-hoc selection travels as a bundle too, so the desk that imports it gets the same curated set. Its id
 * comes from its contents, so exporting the same selection twice names the same bundle.
 */
function selectionBundle(sel: ResolvedSelection, editor: string, at: string): BundleRecord {
  const id = `x${createHash('sha256').update(sel.ids.join('\n'), 'utf8').digest('hex').slice(0, 10)}`;
  const name = `${sel.name} (exported ${at.slice(0, 10)})`;
  return createBundle(id, { name, description: sel.description, articleIds: sel.ids }, { editor, now: at });
}
