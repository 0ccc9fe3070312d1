import { basename } from 'node:path';
import { flagChangedUnderCorrections } from '../editorial/operations.js';
import type { ArticleRecord, ParseWarning } from '../model.js';
import { parseSeedText, type ParsedArticle } from '../parse/seed-text.js';
import type { Desk } from '../store/desk-store.js';
import { articleId, normalizeHeadline } from './article-id.js';
import { collectFiles } from './collect-files.js';
import { DEFAULT_MAX_BYTES, type ReadResult, decodeSeed, readSeedFile } from './read-seed-file.js';

import type { FileReport, ImportReport } from './report.js';

export type { FileReport, ImportReport } from './report.js';

export interface ImportOptions {
  maxBytes?: number;
  now?: () => string;
  /**
   * A commit is made whenever this much staged text accumulates, bounding memory on a huge import (the first
   * batches are smaller, see importSources).
   */
  batchChars?: number;
  /**
   * Called with each batch's records as the batch is handed to the desk, before it is known whether the commit
   * lands, so the caller can start on them while the disk is busy (the search index tokenises them on another
   * thread). The same array then reaches `onCommit` if the commit lands, and never does if it fails. Its failure
   * does not fail the import.
   */
  onStage?: (records: readonly ArticleRecord[]) => Promise<void> | void;
  /**
   * Called with each batch's records once they are committed, so the caller can index them from memory instead
   * of reading them back. Its failure does not fail the import (what it feeds is rebuilt from the desk).
   */
  onCommit?: (records: readonly ArticleRecord[]) => Promise<void> | void;
}

type Outcome = 'imported' | 'updated' | 'unchanged';

const FIRST_BATCH_CHARS = 1024 * 1024;

interface Staged {
  report: FileReport;
  records: ArticleRecord[];
  outcomes: Outcome[];
}

/**
 * Imports seed files into the desk. Each file is read, parsed and merged on its own, so one bad file is
 * reported and skipped while the rest land. Files are committed in batches; a file's articles are always in the
 * same batch, so a crash leaves each file wholly imported or not at all.
 */
export async function importFiles(desk: Desk, inputs: readonly string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const sources = (await collectFiles(inputs)).map((c): SeedSource => ({
    path: c.path,
    read: async () => (c.error ? { ok: false, error: c.error } : readSeedFile(c.path, maxBytes)),
  }));
  return importSources(desk, sources, opts);
}

/** A seed file to import: where it came from, and how to get its text (from disk, or from an upload). */
export interface SeedSource {
  path: string;
  read(): Promise<ReadResult>;
}

/** Uploaded files keep only their name as a path: a browser never tells the page where a file lives. */
export async function importUploads(desk: Desk, files: readonly { name: string; bytes: Uint8Array }[], opts: ImportOptions = {}): Promise<ImportReport> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  return importSources(desk, files.map((f) => ({ path: f.name, read: async () => decodeSeed(f.name, f.bytes, maxBytes) })), opts);
}

export async function importSources(desk: Desk, sources: readonly SeedSource[], opts: ImportOptions = {}): Promise<ImportReport> {
  const now = opts.now ?? (() => new Date().toISOString());
  const batchChars = opts.batchChars ?? 8 * 1024 * 1024;
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, failed: 0, files: [], changedIds: [] };

  let batch: Staged[] = [];
  let batchNames = new Set<string>();
  let batchSize = 0;
  // The first batches are small and grow to batchChars: the disk gets its first commit after a moment's parsing
  // rather than after 8 MB of it, and every commit after that overlaps the parsing of the next batch.
  let batchLimit = Math.min(batchChars, FIRST_BATCH_CHARS);
  // One batch commits while the next is read and parsed: commits wait on the disk, parsing on the CPU. Never
  // more than one in flight, so memory holds at most two batches and commits land in order.
  let inFlight: Promise<void> = Promise.resolve();
  let inFlightNames = new Set<string>();
  const commitBatch = async (staged: Staged[], records: readonly ArticleRecord[]): Promise<void> => {
    try {
      await desk.commit(records);
      await Promise.resolve(opts.onCommit?.(records)).catch(() => undefined);
      for (const s of staged) {
        for (const o of s.outcomes) report[o]++;
        report.changedIds.push(...s.records.map((r) => r.id));
      }
    } catch (err) {
      for (const s of staged) {
        s.report.error = `could not write to the desk: ${(err as Error).message}`;
        s.report.articles = 0;
        report.failed++;
      }
    }
  };
  const flush = async (): Promise<void> => {
    const staged = batch;
    inFlightNames = batchNames;
    batch = [];
    batchNames = new Set();
    batchSize = 0;
    batchLimit = Math.min(batchChars, batchLimit * 2);
    const records = staged.flatMap((s) => s.records);
    // Staged while the previous batch may still be committing: batches are staged in the order they commit.
    await Promise.resolve(opts.onStage?.(records)).catch(() => undefined);
    await inFlight;
    inFlight = commitBatch(staged, records);
  };

  for (const candidate of sources) {
    const fileReport: FileReport = { path: candidate.path, articles: 0, error: null, warnings: [] };
    report.files.push(fileReport);
    const read = await candidate.read();
    if (!read.ok) {
      fileReport.error = read.error;
      report.failed++;
      continue;
    }
    // Two files of one name share article ids; the second must see the first's articles as already on the desk.
    const name = basename(candidate.path);
    if (batchNames.has(name)) await flush();
    if (inFlightNames.has(name)) await inFlight;
    const parsed = parseSeedText(read.text);
    fileReport.articles = parsed.articles.length;
    fileReport.warnings = [
      ...parsed.warnings.map((w) => w.message),
      ...parsed.articles.flatMap((a) => a.warnings.map((w) => `${a.content.headline}: ${w.message}`)),
    ];
    const staged = await merge(desk, candidate.path, parsed.articles, now(), fileReport);
    batch.push(staged);
    batchNames.add(name);
    batchSize += read.text.length;
    if (batchSize >= batchLimit) await flush();
  }
  if (batch.length > 0) await flush();
  await inFlight;
  return report;
}

async function merge(desk: Desk, path: string, articles: ParsedArticle[], now: string, fileReport: FileReport): Promise<Staged> {
  const file = basename(path);
  const seen = new Map<string, number>();
  const ids = articles.map((a) => {
    const key = normalizeHeadline(a.content.headline);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return articleId(file, a.content.headline, n);
  });
  const previous = desk.fromFile(file);
  const newIds = new Set(ids);
  const staged: Staged = { report: fileReport, records: [], outcomes: [] };

  for (const [k, parsed] of articles.entries()) {
    const source = { file, path, index: parsed.index, start: parsed.start, end: parsed.end, sha256: parsed.sha256 };
    // A headline corrected at the source keeps its article (and the editors' work) by its place in the file. Only
    // in the same file, though: another file that merely shares the base name must not take its articles over.
    const existingId = desk.summary(ids[k]!)
      ? ids[k]!
      : previous.find((p) => p.source.path === path && p.source.index === parsed.index && !newIds.has(p.id))?.id;
    const existing = existingId ? await desk.get(existingId) : null;

    if (!existing) {
      staged.records.push(newRecord(desk.reserveSeq(), ids[k]!, parsed, source, now));
      staged.outcomes.push('imported');
      continue;
    }
    if (existing.source.sha256 === parsed.sha256 && sameSource(existing.source, source)) {
      staged.outcomes.push('unchanged');
      continue;
    }
    if (existing.source.path !== path && existing.source.sha256 !== parsed.sha256) {
      fileReport.warnings.push(`${parsed.content.headline}: replaces the text imported from ${existing.source.path}; the earlier text is kept in the article's history`);
    }
    const contentChanged = existing.source.sha256 !== parsed.sha256;
    const updated: ArticleRecord = {
      ...existing,
      original: parsed.content,
      priorOriginals: contentChanged
        ? [...existing.priorOriginals, { replacedAt: now, source: existing.source, content: existing.original }]
        : existing.priorOriginals,
      source,
      sourceText: parsed.text,
      spans: parsed.spans,
      warnings: parsed.warnings,
      modifiedAt: contentChanged ? now : existing.modifiedAt,
    };
    // Corrections are kept over the new original; any the change made inapplicable is held for review.
    staged.records.push(flagChangedUnderCorrections(updated, existing.original, { editor: 'Copydesk (re-import)', now }));
    staged.outcomes.push(contentChanged ? 'updated' : 'unchanged');
  }
  return staged;
}

function newRecord(seq: number, id: string, parsed: ParsedArticle, source: ArticleRecord['source'], now: string): ArticleRecord {
  return {
    id,
    seq,
    original: parsed.content,
    priorOriginals: [],
    revisions: [],
    claims: [],
    entityFixes: [],
    source,
    sourceText: parsed.text,
    spans: parsed.spans,
    warnings: parsed.warnings satisfies ParseWarning[],
    importedAt: now,
    modifiedAt: now,
  };
}

const sameSource = (a: ArticleRecord['source'], b: ArticleRecord['source']): boolean =>
  a.path === b.path && a.index === b.index && a.start === b.start && a.end === b.end;
