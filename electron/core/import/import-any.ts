import type { Desk } from '../store/desk-store.js';
import { type BundleImportReport, fileLooksLikeZip, importBundleArchive, looksLikeZip } from './bundle-import.js';
import { type ImportOptions, importFiles, importUploads } from './import-files.js';
import type { ImportReport } from './report.js';

export type AnyImportReport = ImportReport & { bundleIds: string[] };

/**
 * One Import for everything an editor can open: seed files and folders of them, and bundle archives (recognised
 * by their zip signature, whatever their extension). Each archive is its own all-or-nothing transaction; seed
 * files keep their per-file batches. The report has the seed import's shape either way.
 */
export async function importPathsAny(desk: Desk, paths: readonly string[], opts: ImportOptions = {}): Promise<AnyImportReport> {
  const now = opts.now ?? (() => new Date().toISOString());
  const reports: (ImportReport | BundleImportReport)[] = [];
  // In the order given, so the report reads like the command line; runs of seed paths still import as one batch.
  let seeds: string[] = [];
  const flush = async (): Promise<void> => {
    if (seeds.length > 0) reports.push(await importFiles(desk, seeds, opts));
    seeds = [];
  };
  for (const path of paths) {
    if (await fileLooksLikeZip(path)) {
      await flush();
      reports.push(await importBundleArchive(desk, { path }, now()));
    } else {
      seeds.push(path);
    }
  }
  await flush();
  return merge(reports);
}

export async function importUploadsAny(desk: Desk, files: readonly { name: string; bytes: Buffer }[], opts: ImportOptions = {}): Promise<AnyImportReport> {
  const now = opts.now ?? (() => new Date().toISOString());
  const reports: (ImportReport | BundleImportReport)[] = [];
  let seeds: { name: string; bytes: Buffer }[] = [];
  const flush = async (): Promise<void> => {
    if (seeds.length > 0) reports.push(await importUploads(desk, seeds, opts));
    seeds = [];
  };
  for (const f of files) {
    if (looksLikeZip(f.bytes)) {
      await flush();
      reports.push(await importBundleArchive(desk, { path: f.name, bytes: f.bytes }, now()));
    } else {
      seeds.push(f);
    }
  }
  await flush();
  return merge(reports);
}

function merge(reports: readonly (ImportReport & { bundleIds?: string[] })[]): AnyImportReport {
  const out: AnyImportReport = { imported: 0, updated: 0, unchanged: 0, failed: 0, files: [], changedIds: [], bundleIds: [] };
  for (const r of reports) {
    out.imported += r.imported ?? 0;
    out.updated += r.updated ?? 0;
    out.unchanged += r.unchanged ?? 0;
    out.failed += r.failed ?? 0;
    out.files.push(...(r.files ?? []));
    out.changedIds.push(...(r.changedIds ?? []));
    out.bundleIds.push(...(r.bundleIds ?? []));
  }
  return out;
}
