import type { Desk } from '../store/desk-store.js';
import { type ArchiveArticle, type ArchiveContent, BundleArchiveBuilder } from './archive-builder.js';
import { archiveHeader } from './archive-input.js';
import { writeZipFile } from './bundle-archive.js';
import { resolveLimits } from './bundle-manifest.js';
import { type ArchiveFormat, ARCHIVE_FORMATS, archiveFolder, isArticleFormat, renderArticle, renderSet } from './formats.js';
import { type ExportProgress, eachBatch } from './read-batches.js';
import type { ResolvedSelection } from './selection.js';
import type { ExportArticle, ExportContext } from './types.js';

/**
 * A bundle archive of the selection written to `target`, rendered and packed a batch at a time: while the
 * compressor's thread deflates one batch this thread reads and renders the next, and what stays in memory is
 * the compressed archive, not every record and rendered file (html and csv, which render the whole set at
 * once, are the exception: with them the folded articles are kept until the end).
 */
export async function exportBundle(
  desk: Desk,
  sel: ResolvedSelection,
  ctx: ExportContext,
  req: { formats: readonly ArchiveFormat[]; bom: boolean },
  target: string,
  onProgress: (p: ExportProgress) => void,
): Promise<{ size: number; sha256: string }> {
  const chosen = ARCHIVE_FORMATS.filter((f) => req.formats.includes(f));
  const perArticle = chosen.filter(isArticleFormat);
  const whole = chosen.filter((f): f is 'html' | 'csv' => !isArticleFormat(f));
  const views: ExportArticle[] = [];
  let latest = '';
  const builder = new BundleArchiveBuilder(resolveLimits());
  try {
    await eachBatch(
      desk,
      sel,
      (batch) =>
        builder.addArticles(
          batch.map(({ record, view }): ArchiveArticle => {
            if (record.modifiedAt > latest) latest = record.modifiedAt;
            if (whole.length > 0) views.push(view);
            // The store validated the record when it was imported or edited; only the desk-local number goes.
            const { seq: _seq, ...history } = record;
            const files = perArticle.flatMap((f): ArchiveContent[] => {
              const file = renderArticle(view, f, ctx);
              return file ? [{ path: `${archiveFolder(f)}/${file.name}`, content: file.text }] : [];
            });
            return { record: history, headline: view.content.headline, files };
          }),
        ),
      onProgress,
    );
    const set = { name: sel.name, description: sel.description, articles: views };
    await builder.addFiles(
      whole.map((f) => {
        const file = renderSet(set, f, ctx, { bom: req.bom });
        return { path: `${archiveFolder(f)}/${file.name}`, content: file.text };
      }),
    );
    onProgress({ phase: 'writing', done: sel.ids.length, total: sel.ids.length });
    const entries = await builder.finish(archiveHeader(sel, latest, ctx, chosen));
    return await writeZipFile(target, entries);
  } finally {
    await builder.close();
  }
}
