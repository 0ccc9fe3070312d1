import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ArticleRecord } from '../model.js';
import { DeskError } from '../result.js';
import type { Desk } from '../store/desk-store.js';
import { writeFileDurable } from '../store/durable-write.js';
import { archiveInput } from './archive-input.js';
import { writeBundleArchiveFile } from './bundle-archive.js';
import { toExportArticle } from './build-article.js';
import { type ArchiveFormat, ARCHIVE_FORMATS, type ExportFormat, isArticleFormat, renderArticle, renderSet } from './formats.js';
import { type ExportSelection, type ResolvedSelection, resolveSelection } from './selection.js';
import type { ExportArticle, ExportContext } from './types.js';

export interface ExportRequest {
  format: ExportFormat;
  /** For `bundle`: the formats inside the archive; all of them by default. */
  formats?: readonly ArchiveFormat[] | undefined;
  selection: ExportSelection;
  /** For `csv`: start the file with a UTF-8 byte order mark, which Excel needs to read UTF-8. */
  bom?: boolean | undefined;
}

export interface ExportProgress {
  phase: 'reading' | 'writing' | 'done';
  done: number;
  total: number;
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

const BATCH = 256;

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
    await eachArticle(desk, sel, (a) => {
      const file = renderArticle(a, req.format as 'ninjs', ctx);
      if (!file) {
        skipped++;
        return null;
      }
      files++;
      return writeFileDurable(join(target, file.name), file.text, { syncDir: false });
    }, onProgress);
    return { ...base, files, skipped, size: null, sha256: null };
  }

  await refuseFolder(target);
  const articles = await collect(desk, sel, onProgress);
  if (req.format === 'bundle') {
    const input = archiveInput(sel, articles.map((a) => a.record), articles.map((a) => a.view), ctx, req.formats ?? ARCHIVE_FORMATS, { bom: req.bom ?? false });
    onProgress({ phase: 'writing', done: sel.ids.length, total: sel.ids.length });
    const written = await writeBundleArchiveFile(target, input);
    onProgress({ phase: 'done', done: sel.ids.length, total: sel.ids.length });
    return { ...base, files: 1, skipped: 0, size: written.size, sha256: written.sha256 };
  }
  const file = renderSet({ name: sel.name, description: sel.description, articles: articles.map((a) => a.view) }, req.format, ctx, { bom: req.bom ?? false });
  onProgress({ phase: 'writing', done: sel.ids.length, total: sel.ids.length });
  await writeFileDurable(target, file.text);
  onProgress({ phase: 'done', done: sel.ids.length, total: sel.ids.length });
  const bytes = Buffer.from(file.text, 'utf8');
  return { ...base, files: 1, skipped: 0, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Reads the selection in order, a batch at a time, so a large export never holds every body at once. */
async function eachArticle(
  desk: Desk,
  sel: ResolvedSelection,
  visit: (a: ExportArticle, record: ArticleRecord) => Promise<void> | null,
  onProgress: (p: ExportProgress) => void,
): Promise<void> {
  for (let i = 0; i < sel.ids.length; i += BATCH) {
    const ids = sel.ids.slice(i, i + BATCH);
    const records = await desk.getMany(ids);
    const writes: Promise<void>[] = [];
    for (const id of ids) {
      const record = records.get(id);
      if (!record) throw new DeskError('NOT_FOUND', `article ${id} left the desk during the export`);
      const w = visit(toExportArticle(record), record);
      if (w) writes.push(w);
    }
    await Promise.all(writes);
    onProgress({ phase: 'reading', done: Math.min(i + BATCH, sel.ids.length), total: sel.ids.length });
  }
}

async function collect(desk: Desk, sel: ResolvedSelection, onProgress: (p: ExportProgress) => void): Promise<{ record: ArticleRecord; view: ExportArticle }[]> {
  const out: { record: ArticleRecord; view: ExportArticle }[] = [];
  await eachArticle(desk, sel, (view, record) => {
    out.push({ record, view });
    return null;
  }, onProgress);
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
