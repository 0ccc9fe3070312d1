import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Settings } from '../model.js';
import type { Desk } from '../store/desk-store.js';
import { appVersion } from '../app-version.js';
import type { ExportFileInput, PreviewExportInput } from './export-inputs.js';
import { type ExportPreview, previewExport } from './export-preview.js';
import { type ExportProgress, exportToPath } from './run-export.js';
import type { ExportContext } from './types.js';

/** A finished export waiting in the outbox for its transport to deliver it. */
export interface ExportDownload {
  id: string;
  fileName: string;
  format: 'bundle' | 'html' | 'csv';
  size: number;
  sha256: string;
  articles: number;
  /** Bundle members no longer on the desk, left out. */
  missing: string[];
}

export interface ExportProgressEvent extends ExportProgress {
  type: 'export-progress';
  job: string;
}

/** What exportFile names a download by: random hex, never a path, so a transport can check it on its face. */
export const DOWNLOAD_ID = /^[0-9a-f]{24}$/;

const EXTENSIONS = { bundle: '.cdbundle', html: '.html', csv: '.csv' } as const;
/** Enough for an editor's recent exports; older ones are removed so the outbox never grows without end. */
const KEEP_DOWNLOADS = 20;

export function exportContext(settings: Settings): ExportContext {
  return { organizationName: settings.organizationName, editorName: settings.editorName, appVersion: appVersion(), verdicts: settings.verdicts };
}

/**
 * The export methods of the contract. An export is made in a private outbox folder and named by a random id;
 * only the transport turns that id into a file the editor keeps (Electron's save dialog, a browser download),
 * so a renderer never names a path on disk.
 */
export class ExportHandlers {
  private outbox: Promise<string> | null = null;
  private readonly downloads = new Map<string, ExportDownload & { path: string }>();

  constructor(
    private readonly desk: Desk,
    private readonly deps: { settings: () => Promise<Settings>; progress: (e: ExportProgressEvent) => void; outboxDir?: string },
  ) {}

  previewExport = async ({ selection }: z.output<typeof PreviewExportInput>): Promise<ExportPreview> =>
    previewExport(this.desk, selection, (await this.deps.settings()).verdicts);

  exportFile = async (input: z.output<typeof ExportFileInput>): Promise<ExportDownload> => {
    const ctx = exportContext(await this.deps.settings());
    const id = randomBytes(12).toString('hex');
    const job = input.job ?? id;
    const preview = previewExport(this.desk, input.selection, ctx.verdicts);
    const fileName = `${slug(preview.name)}${EXTENSIONS[input.format]}`;
    const path = join(await this.outboxDir(), `${id}${EXTENSIONS[input.format]}`);
    const outcome = await exportToPath(
      this.desk,
      ctx,
      { format: input.format, formats: input.formats, selection: input.selection, bom: input.bom },
      path,
      (p) => this.deps.progress({ type: 'export-progress', job, ...p }),
    );
    const download = { id, fileName, format: input.format, size: outcome.size ?? 0, sha256: outcome.sha256 ?? '', articles: outcome.articles, missing: outcome.missing };
    this.downloads.set(id, { ...download, path });
    await this.prune();
    return download;
  };

  /** Where a finished export is, for the transport that delivers it; null for an unknown or expired id. */
  download(id: string): { path: string; fileName: string; size: number } | null {
    const d = this.downloads.get(id);
    return d ? { path: d.path, fileName: d.fileName, size: d.size } : null;
  }

  async dispose(): Promise<void> {
    const dir = this.outbox ? await this.outbox.catch(() => null) : null;
    this.downloads.clear();
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  private outboxDir(): Promise<string> {
    this.outbox ??= this.deps.outboxDir ? Promise.resolve(this.deps.outboxDir) : mkdtemp(join(tmpdir(), 'copydesk-exports-'));
    return this.outbox;
  }

  private async prune(): Promise<void> {
    const extra = [...this.downloads.keys()].slice(0, Math.max(0, this.downloads.size - KEEP_DOWNLOADS));
    for (const id of extra) {
      const d = this.downloads.get(id)!;
      this.downloads.delete(id);
      await rm(d.path, { force: true });
    }
  }
}

/** A file name from a bundle's name: letters and digits of any script kept, everything else a single hyphen. */
export function slug(name: string): string {
  const s = name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80).toLowerCase();
  return s || 'copydesk-export';
}
