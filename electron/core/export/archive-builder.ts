import { z } from 'zod';
import { DeskError } from '../result.js';
import {
  type ArchiveLimits,
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
  readmeText,
} from './bundle-manifest.js';
import { EntryCompressor, type PackedEntry } from './entry-compressor.js';
import type { ZipEntry } from './zip-writer.js';

/** Fixed, so equal input gives equal bytes (with the same zlib; Node has shipped the same deflate for years). */
export const COMPRESSION_LEVEL = 9;
/** Batches sent to the compressor and not yet answered; enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 2;

/** What the archive says about itself; known only once every article has been read (see `created`). */
export interface ArchiveHeader {
  bundle: { id: string; name: string; description: string };
  /** Written as bundle.json, as given; the reader hands it back unvalidated for the bundles module to check. */
  bundleRecord: Record<string, unknown>;
  /** ISO time, derived by the caller from desk state so that the same state gives the same archive. */
  created: string;
  appVersion: string;
  editor: string;
  formats: readonly string[];
}

export const ArchiveHeaderSchema = z.strictObject({
  bundle: z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(1000), description: z.string().max(100_000) }),
  bundleRecord: z.record(z.string(), z.unknown()),
  created: z.iso.datetime({ offset: true }),
  appVersion: z.string().min(1).max(64),
  editor: z.string().max(1000),
  formats: z.array(FormatNameSchema),
});

/** A file placed in the archive at `path` as given: rendered text (written as UTF-8) or bytes. */
export interface ArchiveContent {
  path: string;
  content: string | Uint8Array;
}

export interface ArchiveArticle {
  /**
   * The record as its history file holds it: without the desk-local `seq`, and already valid — the store's own
   * record, or one the caller has validated. It is not checked again here; the archive reader checks it on import.
   */
  record: ArticleHistoryRecord;
  /** The current headline (corrections applied), for the manifest. */
  headline: string;
  /** The article's rendered files, e.g. `ninjs/<id>.ninjs.json`, `md/<id>.md`. */
  files: readonly ArchiveContent[];
}

/** An entry whose bytes are with the compressor until `packed` is set. */
interface Slot {
  path: string;
  packed: PackedEntry | null;
}

interface ArticleSlots {
  id: string;
  headline: string;
  source: { file: string; sha256: string };
  history: Slot;
  files: Slot[];
}

/**
 * A bundle archive built article by article: each batch is checked, laid out and handed to the compressor (a
 * worker thread) as it comes, so rendering the next batch overlaps compressing this one and only compressed
 * bytes are held. `finish` adds README.txt, manifest.json and bundle.json, which need every other file's hash,
 * and answers the entries in archive order: README, manifest, bundle.json, then everything else by path.
 * Refusals (unsafe or clashing names, nesting, limits) come before a single byte is written. `close()` must be
 * called in every case, to stop the compressor's thread.
 */
export class BundleArchiveBuilder {
  private readonly compressor: EntryCompressor;
  private readonly taken = new Map<string, string>();
  private readonly articles: ArticleSlots[] = [];
  private readonly shared: Slot[] = [];
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly limits: ArchiveLimits,
    level = COMPRESSION_LEVEL,
  ) {
    for (const reserved of [README_PATH, MANIFEST_PATH, BUNDLE_RECORD_PATH]) this.claim(reserved, 'the archive');
    this.compressor = new EntryCompressor({ level, ratioFloorBytes: limits.ratioFloorBytes, maxCompressionRatio: limits.maxCompressionRatio });
  }

  async addArticles(batch: readonly ArchiveArticle[]): Promise<void> {
    const items: (string | Uint8Array)[] = [];
    const slots: Slot[] = [];
    for (const a of batch) {
      const { id } = a.record;
      const owner = `article ${id}`;
      // The id names the history file; the reader holds it to the same rule.
      const idOk = ArticleIdSchema.safeParse(id);
      if (!idOk.success) throw refuse(`invalid input: ${owner}: ${firstIssue(idOk.error)}`);
      const history = this.claim(historyPath(id), owner);
      items.push(this.jsonText(history.path, { format: HISTORY_FORMAT, version: HISTORY_VERSION, record: a.record }));
      slots.push(history);
      const files = a.files.map((f) => ({ file: f, slot: this.callerFile(f.path, owner) })).sort((x, y) => byCodeUnit(x.slot.path, y.slot.path));
      for (const { file, slot } of files) {
        items.push(file.content);
        slots.push(slot);
      }
      this.articles.push({ id, headline: a.headline, source: { file: a.record.source.file, sha256: a.record.source.sha256 }, history, files: files.map((f) => f.slot) });
    }
    await this.send(items, slots);
  }

  /** Bundle-wide files, e.g. `html/bundle.html`, `csv/bundle.csv`. */
  async addFiles(files: readonly ArchiveContent[]): Promise<void> {
    const slots = files.map((f) => this.callerFile(f.path, 'the bundle'));
    this.shared.push(...slots);
    await this.send(files.map((f) => f.content), slots);
  }

  /** Every entry in archive order, ready for the zip. */
  async finish(raw: ArchiveHeader): Promise<ZipEntry[]> {
    const parsed = ArchiveHeaderSchema.safeParse(raw);
    if (!parsed.success) throw refuse(`invalid input: ${firstIssue(parsed.error)}`);
    const header = parsed.data;

    const bundleJson: Slot = { path: BUNDLE_RECORD_PATH, packed: null };
    const bundleText = this.jsonText(BUNDLE_RECORD_PATH, header.bundleRecord);
    const rest = [...this.articles.flatMap((a) => [...a.files, a.history]), ...this.shared].sort(bySlotPath);
    const formats = [...new Set(header.formats)].sort(byCodeUnit);
    const readme: Slot = { path: README_PATH, packed: null };
    const readmeBody = readmeText({ name: header.bundle.name, articleCount: this.articles.length, formats, paths: rest.map((e) => e.path) });
    // The manifest lists README.txt and bundle.json with their hashes, so those are packed first.
    await this.send([readmeBody, bundleText], [readme, bundleJson]);
    await this.drain();

    const listed = (s: Slot): ManifestFile => ({ path: s.path, sha256: s.packed!.sha256, size: s.packed!.size });
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      bundle: header.bundle,
      created: header.created,
      app: { name: 'copydesk', version: header.appVersion },
      editor: header.editor,
      formats,
      articles: this.articles.map((a) => ({ id: a.id, headline: a.headline, files: a.files.map(listed), source: a.source })),
      files: [readme, bundleJson, ...this.articles.map((a) => a.history), ...this.shared].sort(bySlotPath).map(listed),
    };
    const manifestSlot: Slot = { path: MANIFEST_PATH, packed: null };
    await this.send([this.jsonText(MANIFEST_PATH, manifest)], [manifestSlot]);
    await this.drain();

    const entries = [readme, manifestSlot, bundleJson, ...rest];
    this.checkLimits(entries);
    return entries.map((s) => ({ path: s.path, crc32: s.packed!.crc32, size: s.packed!.size, method: s.packed!.method, data: s.packed!.data }));
  }

  async close(): Promise<void> {
    await this.compressor.close();
  }

  private async send(items: readonly (string | Uint8Array)[], slots: readonly Slot[]): Promise<void> {
    if (items.length === 0) return;
    const job = this.compressor.compress(items).then((packed) => packed.forEach((p, i) => (slots[i]!.packed = p)));
    // Awaited below or in drain(); until then a failure must not count as unhandled.
    job.catch(() => undefined);
    this.inFlight.push(job);
    while (this.inFlight.length > IN_FLIGHT) await this.inFlight.shift();
  }

  private async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  private claim(path: string, owner: string): Slot {
    const problem = entryPathProblem(path);
    if (problem) throw refuse(`${owner} has an unsafe file name ${JSON.stringify(path)}: ${problem}`);
    const previous = this.taken.get(entryKey(path));
    if (previous !== undefined) throw refuse(`${owner} and ${previous} both want the file name ${path}`);
    this.taken.set(entryKey(path), owner);
    return { path, packed: null };
  }

  private callerFile(path: string, owner: string): Slot {
    if (path.split('/')[0] === HISTORY_DIR) throw refuse(`${owner} cannot write ${path}: the ${HISTORY_DIR}/ folder holds article histories`);
    return this.claim(path, owner);
  }

  private jsonText(path: string, value: unknown): string {
    const max = this.limits.maxJsonDepth;
    return canonicalJson(value, { max, refuse: () => refuse(`${path} would nest deeper than ${max} levels`) });
  }

  /** The reader's limits, on the bytes as unpacked: an archive Copydesk writes is always one it will read. */
  private checkLimits(entries: readonly Slot[]): void {
    const { maxEntries, maxEntryBytes, maxTotalBytes } = this.limits;
    if (entries.length > maxEntries) throw refuse(`it would hold ${entries.length} files, over the limit of ${maxEntries}`);
    let total = 0;
    for (const e of entries) {
      const size = e.packed!.size;
      if (size > maxEntryBytes) throw refuse(`${e.path} is ${size} bytes, over the per-file limit of ${maxEntryBytes}`);
      total += size;
    }
    if (total > maxTotalBytes) throw refuse(`it would unpack to ${total} bytes, over the limit of ${maxTotalBytes}`);
  }
}

const bySlotPath = (x: Slot, y: Slot): number => byCodeUnit(x.path, y.path);

export const refuse = (why: string): DeskError => new DeskError('INVALID_INPUT', `cannot write the bundle: ${why}`);
