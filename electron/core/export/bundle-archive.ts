import { createHash, randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { currentContent } from '../revisions.js';
import { DeskError } from '../result.js';
import { fsyncDir } from '../store/durable-write.js';
import { type ArchiveArticle, type ArchiveHeader, ArchiveHeaderSchema, BundleArchiveBuilder, refuse } from './archive-builder.js';
import { type ArchiveLimits, ArticleHistoryRecordSchema, type ArticleHistoryRecord, ArticleIdSchema, firstIssue, resolveLimits } from './bundle-manifest.js';
import { type ZipEntry, type ZipStamp, zipPieces } from './zip-writer.js';

/** A file the caller rendered (ninjs, md, html…), placed in the archive at `path` as given. */
export interface ArchiveFile {
  path: string;
  bytes: Uint8Array;
}

export interface BundleArchiveArticle {
  /** The stored record; `seq` is desk-local and dropped, and keys zod does not know are not written. */
  record: ArticleHistoryRecord & { seq?: number };
  /** This article's rendered files, e.g. `ninjs/<id>.json`, `md/<id>.md`. */
  files: readonly ArchiveFile[];
}

export interface BundleArchiveInput extends ArchiveHeader {
  /** In the bundle's order; the manifest keeps it. */
  articles: readonly BundleArchiveArticle[];
  /** Bundle-wide renders, e.g. `html/bundle.html`, `csv/bundle.csv`. */
  files: readonly ArchiveFile[];
}

const ArchiveFileSchema = z.strictObject({ path: z.string(), bytes: z.instanceof(Uint8Array) });
/** The whole input checked, for a caller handing over records the desk has not vouched for. */
const InputSchema = ArchiveHeaderSchema.extend({
  articles: z.array(z.strictObject({ record: ArticleHistoryRecordSchema.extend({ id: ArticleIdSchema }), files: z.array(ArchiveFileSchema) })),
  files: z.array(ArchiveFileSchema),
});

/**
 * Every entry gets the same time and mode, so the bytes say nothing about when or where the archive was made.
 * The time is written from its UTC fields (see zip-writer.ts), so it names the same instant in every zone. The
 * day is the one archives have always carried (yazl, which wrote them before, needed a day clear of 1980-01-01),
 * so an unchanged desk still exports the same bytes.
 */
const STAMP: ZipStamp = { mtime: new Date('1980-01-02T00:00:00.000Z'), mode: 0o100644 };
/** Articles per batch handed to the compressor. */
const BATCH = 256;

/** The archive in memory. Same input → the same bytes, whatever the machine's time zone. */
export async function writeBundleArchive(input: BundleArchiveInput, limits: Partial<ArchiveLimits> = {}): Promise<Buffer> {
  return Buffer.concat([...zipPieces(await checkedEntries(input, resolveLimits(limits)), STAMP)]);
}

/**
 * The archive written to `path`: streamed to a temporary file beside it, fsynced, renamed over `path`, and the
 * folder fsynced, so a crash or a full disk leaves the old file (or none), never half an archive at `path`.
 */
export async function writeBundleArchiveFile(
  path: string,
  input: BundleArchiveInput,
  limits: Partial<ArchiveLimits> = {},
): Promise<{ path: string; size: number; sha256: string }> {
  return writeZipFile(path, await checkedEntries(input, resolveLimits(limits)));
}

/** The zip of `entries` (from `BundleArchiveBuilder.finish`) written to `path` as `writeBundleArchiveFile` does. */
export async function writeZipFile(path: string, entries: readonly ZipEntry[]): Promise<{ path: string; size: number; sha256: string }> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const hash = createHash('sha256');
  let size = 0;
  try {
    const fh = await open(tmp, 'wx');
    try {
      for (const piece of zipPieces(entries, STAMP)) {
        hash.update(piece);
        size += piece.length;
        await fh.write(piece);
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    await fsyncDir(dirname(path));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    if (err instanceof DeskError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new DeskError('IO_ERROR', `cannot write the bundle to ${path}: ${code}`);
  }
  return { path, size, sha256: hash.digest('hex') };
}

/** Validates the caller's input whole, then builds the entries from it. */
async function checkedEntries(raw: BundleArchiveInput, limits: ArchiveLimits): Promise<ZipEntry[]> {
  const parsed = InputSchema.safeParse(raw);
  if (!parsed.success) throw refuse(`invalid input: ${firstIssue(parsed.error)}`);
  const { articles, files, ...header } = parsed.data;
  const builder = new BundleArchiveBuilder(limits);
  try {
    for (let i = 0; i < articles.length; i += BATCH) {
      await builder.addArticles(
        articles.slice(i, i + BATCH).map(
          (a): ArchiveArticle => ({ record: a.record, headline: currentContent(a.record).headline, files: a.files.map((f) => ({ path: f.path, content: f.bytes })) }),
        ),
      );
    }
    await builder.addFiles(files.map((f) => ({ path: f.path, content: f.bytes })));
    return await builder.finish(header);
  } finally {
    await builder.close();
  }
}
