import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DeskError } from '../result.js';
import type { Desk } from '../store/desk-store.js';
import { writeFileDurable } from '../store/durable-write.js';
import { exportBundle } from './bundle-export.js';
import { type ArchiveFormat, ARCHIVE_FORMATS, type ExportFormat, isArticleFormat, renderArticle, renderSet } from './formats.js';
import { type ExportProgress, eachBatch } from './read-batches.js';
import { type ExportSelection, type ResolvedSelection, resolveSelection } from './selection.js';
import type { ExportArticle, ExportContext } from './types.js';

export type { ExportProgress };

export interface ExportRequest {
  format: ExportFormat;
  /** For `bundle`: the formats inside the archive; all of them by default. */
  formats?: readonly ArchiveFormat[] | undefined;
  selection: ExportSelection;
  /** For `csv`: start the file with a UTF-8 byte order mark, which Excel needs to read UTF-8. */
  bom?: boolean | undefined;
}

export interface ExportOutcome {
  format: ExportFormat;
  /** The file written, or the folder the files were written into. */
  path: string;
  articles: number;
  /** Files written (one for html, csv and bundle). */
  files: number;
  /** Bundle members no longer on the desk, left out. */
  missing: string[];
  /** Articles that got no file because the format had nothing to say (ClaimReview without a rated ruling). */
  skipped: number;
  /** Size and SHA-256 of the single file written (html, csv, bundle). */
  size: number | null;
  sha256: string | null;
}

/**
 * Writes an export to `out`: a folder of per-article files (ninjs, claimreview, md) or a single file (html, csv,
 * bundle). Every file lands whole or not at all (written aside, fsynced, renamed), so a crash mid-export leaves
 * finished files and no torn ones; the same desk state always gives the same bytes.
 */
export async function exportToPath(
  desk: Desk,
  ctx: ExportContext,
  req: ExportRequest,
  out: string,
  onProgress: (p: ExportProgress) => void = () => undefined,
): Promise<ExportOutcome> {
  const target = resolve(out);
  const sel = resolveSelection(desk, req.selection);
  if (sel.ids.length === 0) throw new DeskError('INVALID_INPUT', `nothing to export: ${sel.name.toLowerCase()} holds no articles`);
  const base = { format: req.format, path: target, articles: sel.ids.length, missing: sel.missing };

  if (isArticleFormat(req.format)) {
    await ensureFolder(target);
    let files = 0;
    let skipped = 0;
    await eachBatch(desk, sel, async (batch) => {
      const writes: Promise<void>[] = [];
      for (const { view } of batch) {
        const file = renderArticle(view, req.format as 'ninjs', ctx);
        if (!file) {
          skipped++;
          continue;
        }
        files++;
        writes.push(writeFileDurable(join(target, file.name), file.text, { syncDir: false }));
      }
      await Promise.all(writes);
    }, onProgress);
    return { ...base, files, skipped, size: null, sha256: null };
  }

  await refuseFolder(target);
  if (req.format === 'bundle') {
    const written = await exportBundle(desk, sel, ctx, { formats: req.formats ?? ARCHIVE_FORMATS, bom: req.bom ?? false }, target, onProgress);
    onProgress({ phase: 'done', done: sel.ids.length, total: sel.ids.length });
    return { ...base, files: 1, skipped: 0, size: written.size, sha256: written.sha256 };
  }
  const articles = await collect(desk, sel, onProgress);
  const file = renderSet({ name: sel.name, description: sel.description, articles }, req.format, ctx, { bom: req.bom ?? false });
  onProgress({ phase: 'writing', done: sel.ids.length, total: sel.ids.length });
  await writeFileDurable(target, file.text);
  onProgress({ phase: 'done', done: sel.ids.length, total: sel.ids.length });
  const bytes = Buffer.from(file.text, 'utf8');
  return { ...base, files: 1, skipped: 0, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function collect(desk: Desk, sel: ResolvedSelection, onProgress: (p: ExportProgress) => void): Promise<ExportArticle[]> {
  const out: ExportArticle[] = [];
  await eachBatch(desk, sel, (batch) => void out.push(...batch.map((a) => a.view)), onProgress);
  return out;
}

async function ensureFolder(path: string): Promise<void> {
  const st = await stat(path).catch(() => null);
  if (st && !st.isDirectory()) throw new DeskError('INVALID_INPUT', `${path} is a file; this format writes one file per article into a folder`);
  await mkdir(path, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw new DeskError('IO_ERROR', `cannot create the folder ${path}: ${err.code ?? err.message}`);
  });
}

async function refuseFolder(path: string): Promise<void> {
  const st = await stat(path).catch(() => null);
  if (st?.isDirectory()) throw new DeskError('INVALID_INPUT', `${path} is a folder; this format writes a single file (give a file name)`);
}
