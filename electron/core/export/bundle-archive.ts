import { createHash, randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { currentContent } from '../revisions.js';
import { DeskError } from '../result.js';
import { fsyncDir } from '../store/durable-write.js';
import {
  type ArchiveLimits,
  ArticleHistoryRecordSchema,
  type ArticleHistoryRecord,
  ArticleIdSchema,
  BUNDLE_FORMAT,
  BUNDLE_RECORD_PATH,
  BUNDLE_VERSION,
  type BundleManifest,
  FormatNameSchema,
  HISTORY_DIR,
  HISTORY_FORMAT,
  HISTORY_VERSION,
  MANIFEST_PATH,
  type ManifestFile,
  README_PATH,
  byCodeUnit,
  canonicalJson,
  entryKey,
  entryPathProblem,
  firstIssue,
  historyPath,
  jsonDepth,
  readmeText,
  resolveLimits,
} from './bundle-manifest.js';

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

export interface BundleArchiveInput {
  bundle: { id: string; name: string; description: string };
  /** Written as bundle.json, as given; the reader hands it back unvalidated for the bundles module to check. */
  bundleRecord: Record<string, unknown>;
  /** ISO time, derived by the caller from desk state so that the same state gives the same archive. */
  created: string;
  appVersion: string;
  editor: string;
  formats: readonly string[];
  /** In the bundle's order; the manifest keeps it. */
  articles: readonly BundleArchiveArticle[];
  /** Bundle-wide renders, e.g. `html/bundle.html`, `csv/bundle.csv`. */
  files: readonly ArchiveFile[];
}

const ArchiveFileSchema = z.strictObject({ path: z.string(), bytes: z.instanceof(Uint8Array) });
const InputSchema = z.strictObject({
  bundle: z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(1000), description: z.string().max(100_000) }),
  bundleRecord: z.record(z.string(), z.unknown()),
  created: z.iso.datetime({ offset: true }),
  appVersion: z.string().min(1).max(64),
  editor: z.string().max(1000),
  formats: z.array(FormatNameSchema),
  articles: z.array(z.strictObject({ record: ArticleHistoryRecordSchema.extend({ id: ArticleIdSchema }), files: z.array(ArchiveFileSchema) })),
  files: z.array(ArchiveFileSchema),
});

/**
 * Every entry gets the same time. yazl writes the DOS date from the Date's *local* fields and the Info-ZIP
 * timestamp from its instant, so a plain Date would make the bytes depend on TZ. This Date answers its local
 * getters in UTC, making both encodings name 1980-01-02T00:00:00Z in every zone. Not 1980-01-01: yazl clamps
 * dates before its own local-time 1980-01-01 (computed once, at load), which in zones west of UTC would catch
 * midnight UTC on that day and re-encode it in local time.
 */
class UtcFieldsDate extends Date {
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
}
const MTIME = new UtcFieldsDate('1980-01-02T00:00:00.000Z');
const ENTRY_MODE = 0o100644;
/** Fixed, so equal input gives equal bytes (with the same zlib; Node has shipped the same deflate for years). */
const COMPRESSION_LEVEL = 9;

const deflate = promisify(deflateRaw);

interface PlannedEntry {
  path: string;
  bytes: Buffer;
}

/** The archive in memory. Same input → the same bytes, whatever the machine's time zone. */
export async function writeBundleArchive(input: BundleArchiveInput, limits: Partial<ArchiveLimits> = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await archiveStream(input, resolveLimits(limits))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
  const stream = await archiveStream(input, resolveLimits(limits));
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const hash = createHash('sha256');
  let size = 0;
  try {
    const fh = await open(tmp, 'wx');
    try {
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
        await fh.write(chunk as Buffer);
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    await fsyncDir(dirname(path));
  } catch (err) {
    stream.destroy();
    await unlink(tmp).catch(() => undefined);
    if (err instanceof DeskError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new DeskError('IO_ERROR', `cannot write the bundle to ${path}: ${code}`);
  }
  return { path, size, sha256: hash.digest('hex') };
}

async function archiveStream(input: BundleArchiveInput, limits: ArchiveLimits): Promise<Readable> {
  const entries = planEntries(input, limits);
  const zip = new ZipFile();
  for (const entry of entries) {
    const store = await storeRatherThanDeflate(entry.bytes, limits);
    zip.addBuffer(entry.bytes, entry.path, { mtime: MTIME, mode: ENTRY_MODE, compress: !store, compressionLevel: store ? 0 : COMPRESSION_LEVEL });
  }
  zip.end();
  // yazl's outputStream is a PassThrough; its typings only say ReadableStream.
  return zip.outputStream as Readable;
}

/**
 * A large entry that would deflate beyond the reader's ratio limit (a hostile seed's megabytes of one
 * repeated character, say) is stored instead, so every archive Copydesk writes is one it will read.
 */
async function storeRatherThanDeflate(bytes: Buffer, limits: ArchiveLimits): Promise<boolean> {
  if (bytes.length <= limits.ratioFloorBytes) return false;
  const deflated = await deflate(bytes, { level: COMPRESSION_LEVEL });
  return bytes.length / Math.max(deflated.length, 1) > limits.maxCompressionRatio;
}

/** Validates the input and lays out every entry in archive order: README, manifest, bundle.json, then by path. */
function planEntries(raw: BundleArchiveInput, limits: ArchiveLimits): PlannedEntry[] {
  const parsed = InputSchema.safeParse(raw);
  if (!parsed.success) throw refuse(`invalid input: ${firstIssue(parsed.error)}`);
  const input = parsed.data;

  const taken = new Map<string, string>();
  const claim = (path: string, owner: string): void => {
    const problem = entryPathProblem(path);
    if (problem) throw refuse(`${owner} has an unsafe file name ${JSON.stringify(path)}: ${problem}`);
    const previous = taken.get(entryKey(path));
    if (previous !== undefined) throw refuse(`${owner} and ${previous} both want the file name ${path}`);
    taken.set(entryKey(path), owner);
  };
  for (const reserved of [README_PATH, MANIFEST_PATH, BUNDLE_RECORD_PATH]) claim(reserved, 'the archive');
  const callerFile = (f: { path: string; bytes: Uint8Array }, owner: string): PlannedEntry => {
    if (f.path.split('/')[0] === HISTORY_DIR) throw refuse(`${owner} cannot write ${f.path}: the ${HISTORY_DIR}/ folder holds article histories`);
    claim(f.path, owner);
    return { path: f.path, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) };
  };

  const articles = input.articles.map((a) => {
    const owner = `article ${a.record.id}`;
    claim(historyPath(a.record.id), owner);
    const history = jsonEntry(historyPath(a.record.id), { format: HISTORY_FORMAT, version: HISTORY_VERSION, record: a.record }, limits);
    return { record: a.record, history, files: a.files.map((f) => callerFile(f, owner)).sort((x, y) => byCodeUnit(x.path, y.path)) };
  });
  const shared = input.files.map((f) => callerFile(f, 'the bundle'));
  const bundleJson = jsonEntry(BUNDLE_RECORD_PATH, input.bundleRecord, limits);

  const rest = [...articles.flatMap((a) => [...a.files, a.history]), ...shared].sort((x, y) => byCodeUnit(x.path, y.path));
  const formats = [...new Set(input.formats)].sort(byCodeUnit);
  const readme: PlannedEntry = {
    path: README_PATH,
    bytes: Buffer.from(readmeText({ name: input.bundle.name, articleCount: articles.length, formats, paths: rest.map((e) => e.path) }), 'utf8'),
  };
  const listed = (e: PlannedEntry): ManifestFile => ({ path: e.path, sha256: sha256(e.bytes), size: e.bytes.length });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    bundle: input.bundle,
    created: input.created,
    app: { name: 'copydesk', version: input.appVersion },
    editor: input.editor,
    formats,
    articles: articles.map((a) => ({
      id: a.record.id,
      headline: currentContent(a.record).headline,
      files: a.files.map(listed),
      source: { file: a.record.source.file, sha256: a.record.source.sha256 },
    })),
    files: [readme, bundleJson, ...articles.map((a) => a.history), ...shared].sort((x, y) => byCodeUnit(x.path, y.path)).map(listed),
  };
  const entries = [readme, jsonEntry(MANIFEST_PATH, manifest, limits), bundleJson, ...rest];
  checkLimits(entries, limits);
  return entries;
}

function jsonEntry(path: string, value: unknown, limits: ArchiveLimits): PlannedEntry {
  const text = canonicalJson(value);
  if (jsonDepth(text) > limits.maxJsonDepth) throw refuse(`${path} would nest deeper than ${limits.maxJsonDepth} levels`);
  return { path, bytes: Buffer.from(text, 'utf8') };
}

function checkLimits(entries: readonly PlannedEntry[], limits: ArchiveLimits): void {
  if (entries.length > limits.maxEntries) throw refuse(`it would hold ${entries.length} files, over the limit of ${limits.maxEntries}`);
  let total = 0;
  for (const e of entries) {
    if (e.bytes.length > limits.maxEntryBytes) throw refuse(`${e.path} is ${e.bytes.length} bytes, over the per-file limit of ${limits.maxEntryBytes}`);
    total += e.bytes.length;
  }
  if (total > limits.maxTotalBytes) throw refuse(`it would unpack to ${total} bytes, over the limit of ${limits.maxTotalBytes}`);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const refuse = (why: string): DeskError => new DeskError('INVALID_INPUT', `cannot write the bundle: ${why}`);

