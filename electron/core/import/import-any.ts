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
export function importPathsAny(desk: Desk, paths: readonly string[], opts: ImportOptions = {}): Promise<AnyImportReport> {
  return inOrder(paths, fileLooksLikeZip, (path, now) => importBundleArchive(desk, { path }, now), (run) => importFiles(desk, run, opts), opts);
}

export function importUploadsAny(desk: Desk, files: readonly { name: string; bytes: Buffer }[], opts: ImportOptions = {}): Promise<AnyImportReport> {
  return inOrder(
    files,
    async (f) => looksLikeZip(f.bytes),
    (f, now) => importBundleArchive(desk, { path: f.name, bytes: f.bytes }, now),
    (run) => importUploads(desk, run, opts),
    opts,
  );
}

/**
 * Imports in the order given, so the report reads like the command line: each archive on its own (one
 * transaction), and each run of seed files between them as one batch.
 */
async function inOrder<T>(
  items: readonly T[],
  isArchive: (item: T) => Promise<boolean>,
  importArchive: (item: T, now: string) => Promise<BundleImportReport>,
  importSeeds: (run: T[]) => Promise<ImportReport>,
  opts: ImportOptions,
): Promise<AnyImportReport> {
  const now = opts.now ?? (() => new Date().toISOString());
  const reports: (ImportReport | BundleImportReport)[] = [];
  let seeds: T[] = [];
  const flush = async (): Promise<void> => {
    if (seeds.length > 0) reports.push(await importSeeds(seeds));
    seeds = [];
  };
  for (const item of items) {
    if (await isArchive(item)) {
      await flush();
      reports.push(await importArchive(item, now()));
    } else {
      seeds.push(item);
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
