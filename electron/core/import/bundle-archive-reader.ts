import { createHash } from 'node:crypto';
import { open as openFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { type Entry, type Options, type ZipFile, fromBuffer, open } from 'yauzl';
import { DeskError } from '../result.js';
import {
  type ArchiveLimits,
  type ArticleHistoryRecord,
  ArticleHistorySchema,
  BUNDLE_FORMAT,
  BUNDLE_RECORD_PATH,
  BUNDLE_VERSION,
  type BundleManifest,
  BundleManifestSchema,
  HISTORY_DIR,
  MANIFEST_PATH,
  type ManifestFile,
  README_PATH,
  entryKey,
  entryPathProblem,
  firstIssue,
  historyPath,
  jsonDepth,
  resolveLimits,
} from '../export/bundle-manifest.js';

/** A bundle whose every byte has been checked against its manifest. Nothing in it has touched the desk or disk. */
export interface VerifiedBundle {
  manifest: BundleManifest;
  /** bundle.json as parsed JSON (an object); the bundles module validates it. */
  bundle: unknown;
  /** Article id → the record to restore (no `seq`), in the manifest's (the bundle's) order. */
  histories: Map<string, ArticleHistoryRecord>;
  /** Every entry but manifest.json, by path, as verified bytes. */
  files: Map<string, Buffer>;
}

const ZIP_OPTIONS: Options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true };

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** MS-DOS attribute bits in the low byte: volume label and directory. */
const DOS_NOT_A_FILE = 0x08 | 0x10;
const LOCAL_HEADER_SIZE = 30;
/**
 * Copydesk writes README.txt then manifest.json. Requiring the manifest that early means every later entry is
 * checked against it as it is met, so a junk archive is refused within a few entries instead of after a scan
 * of its whole directory (yauzl reads about 30,000 directory records a second).
 */
const MANIFEST_WITHIN = 2;

/**
 * Reads and verifies a bundle archive, in memory, without writing anything anywhere. It returns only when every
 * check has passed; any problem throws one DeskError naming the entry and what is wrong with it:
 *
 * 1. The central directory alone (no data inflated): entry count; every name is a safe relative path, unique
 *    even case-folded; every entry a regular file, unencrypted, stored or deflated; declared sizes and ratios
 *    within the limits; no two entries sharing bytes. The manifest must be among the first two entries and is
 *    read as soon as it is met; from then on an entry it does not list stops the scan at once, so an archive
 *    of 100,000 junk entries costs a moment.
 * 2. Every entry inflated, its real bytes counted as they stream and cut off past the declared size, then its
 *    size, CRC-32 and the manifest's SHA-256 compared.
 * 3. bundle.json and every article's history parsed and validated, each history matching its manifest entry.
 */
export async function readBundleArchive(source: Buffer | string, limits: Partial<ArchiveLimits> = {}): Promise<VerifiedBundle> {
  const lim = resolveLimits(limits);
  const zip = await openZip(source);
  // Late errors (an fd that fails to close) must not become uncaught exceptions once we have stopped listening.
  zip.on('error', () => undefined);
  try {
    return await verify(zip, lim);
  } finally {
    zip.close();
  }
}

async function verify(zip: ZipFile, lim: ArchiveLimits): Promise<VerifiedBundle> {
  const { entries, manifest, listing } = await scanDirectory(zip, lim);

  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.fileName === MANIFEST_PATH) continue;
    const bytes = await inflate(zip, entry);
    if (sha256(bytes) !== listing.get(entry.fileName)!.sha256) throw refused(`${entry.fileName} does not match its checksum (tampered or damaged)`);
    files.set(entry.fileName, bytes);
  }

  const histories = new Map<string, ArticleHistoryRecord>();
  for (const article of manifest.articles) {
    const path = historyPath(article.id);
    const parsed = ArticleHistorySchema.safeParse(parseJson(path, files.get(path)!, lim));
    if (!parsed.success) throw refused(`${path} is not a valid article history: ${firstIssue(parsed.error)}`);
    const { record } = parsed.data;
    if (record.id !== article.id) throw refused(`${path} holds article ${JSON.stringify(record.id)}, not ${article.id}`);
    if (record.source.file !== article.source.file || record.source.sha256 !== article.source.sha256) {
      throw refused(`${path} names a different source (${record.source.file}, ${record.source.sha256.slice(0, 12)}…) from the manifest's (${article.source.file}, ${article.source.sha256.slice(0, 12)}…)`);
    }
    histories.set(article.id, record);
  }

  const bundle = parseJson(BUNDLE_RECORD_PATH, files.get(BUNDLE_RECORD_PATH)!, lim);
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) throw refused(`${BUNDLE_RECORD_PATH} does not hold a JSON object`);
  return { manifest, bundle, histories, files };
}

interface Scan {
  entries: Entry[];
  manifest: BundleManifest;
  /** Every path the manifest lists, article files and the rest alike. */
  listing: Map<string, ManifestFile>;
}

async function scanDirectory(zip: ZipFile, lim: ArchiveLimits): Promise<Scan> {
  if (zip.entryCount > lim.maxEntries) throw refused(`the archive holds ${zip.entryCount} entries, over the limit of ${lim.maxEntries}`);
  const entries: Entry[] = [];
  const names = new Map<string, string>();
  let declared = 0;
  let found: { manifest: BundleManifest; listing: Map<string, ManifestFile> } | null = null;
  const requireListed = (name: string): void => {
    if (!found!.listing.has(name)) throw refused(`${name} is not listed in the manifest`);
  };

  for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
    checkEntry(entry, lim);
    const name = entry.fileName;
    const twin = names.get(entryKey(name));
    if (twin !== undefined) throw refused(twin === name ? `the archive holds two entries named ${name}` : `the archive holds entries named ${twin} and ${name}, which differ only in letter case`);
    names.set(entryKey(name), name);
    declared += entry.uncompressedSize;
    if (declared > lim.maxTotalBytes) throw refused(`the archive would unpack to more than ${lim.maxTotalBytes} bytes, over the limit`);

    if (!found && entries.length >= MANIFEST_WITHIN && name !== MANIFEST_PATH) {
      throw new DeskError('INVALID_INPUT', `not a Copydesk bundle: ${MANIFEST_PATH} is not among its first ${MANIFEST_WITHIN} entries, where Copydesk writes it (found ${name}; was the archive re-packed?)`);
    }
    if (name === MANIFEST_PATH) {
      found = loadManifest(await inflate(zip, entry), lim);
      for (const earlier of entries) requireListed(earlier.fileName);
    } else if (found) requireListed(name);
    entries.push(entry);
  }
  if (!found) throw new DeskError('INVALID_INPUT', 'not a Copydesk bundle: the archive has no manifest.json');

  const present = new Map(entries.map((e) => [e.fileName, e]));
  for (const [path, listed] of found.listing) {
    const entry = present.get(path);
    if (!entry) throw refused(`${path} is listed in the manifest but missing from the archive`);
    if (entry.uncompressedSize !== listed.size) throw refused(`${path} is ${entry.uncompressedSize} bytes but the manifest says ${listed.size} (tampered or damaged)`);
  }
  checkNoOverlap(entries);
  return { entries, ...found };
}

/** Entries whose data overlaps are how non-recursive zip bombs multiply one compressed run many times over. */
function checkNoOverlap(entries: readonly Entry[]): void {
  const spans = entries
    .map((e) => ({ name: e.fileName, start: e.relativeOffsetOfLocalHeader, end: e.relativeOffsetOfLocalHeader + LOCAL_HEADER_SIZE + e.compressedSize }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) throw refused(`${spans[i - 1]!.name} and ${spans[i]!.name} share their bytes (a zip bomb?)`);
  }
}

function checkEntry(entry: Entry, lim: ArchiveLimits): void {
  const name = entry.fileName;
  if (name.endsWith('/')) throw refused(`the archive holds a folder entry ${JSON.stringify(name)}; a bundle holds files only`);
  const problem = entryPathProblem(name);
  if (problem) throw refused(`unsafe entry name ${JSON.stringify(name)}: ${problem}`);
  // Unix tools keep the mode in the high 16 bits; a symlink entry would make an extracting tool write through it.
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK) throw refused(`${name} is a symbolic link`);
  if (type === S_IFDIR) throw refused(`${name} is marked as a folder`);
  if ((type !== 0 && type !== S_IFREG) || (entry.externalFileAttributes & DOS_NOT_A_FILE) !== 0) throw refused(`${name} is not a regular file`);
  if (entry.isEncrypted()) throw refused(`${name} is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw refused(`${name} uses compression method ${entry.compressionMethod}; bundles use only stored (0) or deflated (8)`);
  if (entry.uncompressedSize > lim.maxEntryBytes) throw refused(`${name} would unpack to ${entry.uncompressedSize} bytes, over the per-file limit of ${lim.maxEntryBytes}`);
  if (entry.uncompressedSize > lim.ratioFloorBytes && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > lim.maxCompressionRatio) {
    throw refused(`${name} claims a compression ratio of ${ratio(entry.uncompressedSize, entry.compressedSize)}:1, over the limit of ${lim.maxCompressionRatio}:1 (a zip bomb?)`);
  }
}

const ratio = (unpacked: number, packed: number): number => Math.round(unpacked / Math.max(packed, 1));

function loadManifest(bytes: Buffer, lim: ArchiveLimits): { manifest: BundleManifest; listing: Map<string, ManifestFile> } {
  const doc = parseJson(MANIFEST_PATH, bytes, lim) as { format?: unknown; version?: unknown } | null;
  if (typeof doc !== 'object' || doc === null || doc.format !== BUNDLE_FORMAT) {
    throw new DeskError('INVALID_INPUT', `not a Copydesk bundle: ${MANIFEST_PATH} does not describe a ${BUNDLE_FORMAT}`);
  }
  if (typeof doc.version === 'number' && doc.version > BUNDLE_VERSION) {
    throw refused(`it was made by a newer Copydesk (bundle format ${doc.version}; this one reads format ${BUNDLE_VERSION}); update Copydesk to import it`);
  }
  const parsed = BundleManifestSchema.safeParse(doc);
  if (!parsed.success) throw refused(`${MANIFEST_PATH} is not valid: ${firstIssue(parsed.error)}`);
  const manifest = parsed.data;

  const listing = new Map<string, ManifestFile>();
  const keys = new Set<string>();
  const list = (file: ManifestFile): void => {
    if (file.path === MANIFEST_PATH) throw refused(`${MANIFEST_PATH} lists itself`);
    if (keys.has(entryKey(file.path))) throw refused(`${MANIFEST_PATH} lists ${file.path} twice`);
    keys.add(entryKey(file.path));
    listing.set(file.path, file);
  };
  manifest.files.forEach(list);
  const topLevel = new Set(manifest.files.map((f) => f.path));
  for (const required of [README_PATH, BUNDLE_RECORD_PATH]) {
    if (!topLevel.has(required)) throw refused(`${MANIFEST_PATH} does not list ${required}`);
  }
  const ids = new Set<string>();
  for (const article of manifest.articles) {
    if (ids.has(article.id)) throw refused(`${MANIFEST_PATH} lists article ${article.id} twice`);
    ids.add(article.id);
    if (!topLevel.has(historyPath(article.id))) throw refused(`article ${article.id} has no history file (${historyPath(article.id)}) in the manifest`);
    for (const file of article.files) {
      if (file.path.split('/')[0] === HISTORY_DIR || topLevel.has(file.path)) throw refused(`article ${article.id} lists ${file.path}, which is not an article file`);
      list(file);
    }
  }
  for (const path of topLevel) {
    if (path.split('/')[0] === HISTORY_DIR && !manifest.articles.some((a) => historyPath(a.id) === path)) {
      throw refused(`${path} belongs to no article in the manifest`);
    }
  }
  return { manifest, listing };
}

function parseJson(path: string, bytes: Buffer, lim: ArchiveLimits): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw refused(err instanceof TypeError ? `${path} is not UTF-8 text` : `${path} is too large to read as text`);
  }
  if (jsonDepth(text) > lim.maxJsonDepth) throw refused(`${path} nests deeper than ${lim.maxJsonDepth} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw refused(`${path} is not valid JSON (${(err as Error).message})`);
  }
}

/**
 * One entry's bytes, counted as they arrive and cut off the moment they pass the size the directory declared.
 * The declared sizes have already been held to every limit (per entry, total, ratio), so this cut-off holds
 * the bytes actually inflated to the limits too, whatever the headers claim. yauzl makes the same check; we
 * do not rely on it alone.
 */
async function inflate(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const name = entry.fileName;
  const stream = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (err, s) => (err ? reject(entryFault(name, err)) : resolve(s)));
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let crc = 0;
    let settled = false;
    const settle = (err: DeskError | null): void => {
      if (settled) return;
      settled = true;
      if (!err) {
        resolve(Buffer.concat(chunks, size));
        return;
      }
      stream.removeListener('data', onData);
      stream.destroy();
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > entry.uncompressedSize) return settle(refused(`${name} unpacks to more than the ${entry.uncompressedSize} bytes it declares (tampered, damaged or a zip bomb)`));
      crc = crc32(chunk, crc);
      chunks.push(chunk);
    };
    stream.on('data', onData);
    // Stays attached after settling: a destroyed inflater may still report, and must not go unheard.
    stream.on('error', (err: Error) => settle(entryFault(name, err)));
    stream.on('end', () => {
      if (size !== entry.uncompressedSize) return settle(refused(`${name} does not match its recorded size (tampered or damaged)`));
      if (crc >>> 0 !== entry.crc32 >>> 0) return settle(refused(`${name} does not match its checksum (tampered or damaged)`));
      settle(null);
    });
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: Entry): void => (done(), resolve(entry));
    const onEnd = (): void => (done(), resolve(null));
    const onError = (err: Error): void => (done(), reject(asRefusal(err)));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

async function openZip(source: Buffer | string): Promise<ZipFile> {
  if (typeof source !== 'string') {
    return new Promise((resolve, reject) => {
      fromBuffer(source, { ...ZIP_OPTIONS }, (err, zip) => (err ? reject(notAZip('the file', source.length, source.subarray(0, 4), err)) : resolve(zip)));
    });
  }
  const st = await stat(source).catch((err: NodeJS.ErrnoException) => {
    throw new DeskError('IO_ERROR', `cannot read bundle ${source}: ${err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message)}`);
  });
  if (!st.isFile()) throw new DeskError('INVALID_INPUT', `not a Copydesk bundle: ${source} is ${st.isDirectory() ? 'a folder' : 'not a regular file'}`);
  return new Promise((resolve, reject) => {
    open(source, { ...ZIP_OPTIONS }, (err, zip) => {
      if (!err) return resolve(zip);
      const code = (err as NodeJS.ErrnoException).code;
      if (code) return reject(new DeskError('IO_ERROR', `cannot read bundle ${source}: ${code}`));
      void fileHead(source).then((head) => reject(notAZip(source, st.size, head, err)), reject);
    });
  });
}

async function fileHead(path: string): Promise<Buffer> {
  const fh = await openFile(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** A zip whose end record cannot be found: cut short if it starts like a zip, otherwise not a zip at all. */
function notAZip(label: string, size: number, head: Buffer, err: Error): DeskError {
  if (size === 0) return new DeskError('INVALID_INPUT', `not a Copydesk bundle: ${label} is empty`);
  if (head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return refused(`the archive is truncated or damaged (${err.message})`);
  return new DeskError('INVALID_INPUT', `not a Copydesk bundle: ${label} is not a zip archive`);
}

/** yauzl's name checks run before an entry reaches us; their errors are made to read like ours. */
const UNSAFE_NAME = /^(invalid characters in fileName|absolute path|invalid relative path): ([\s\S]*)$/u;

/** yauzl's complaint about the directory, as a refusal. (Our own bugs are not dressed up as damage.) */
function asRefusal(err: Error): DeskError {
  const message = err.message;
  const unsafe = UNSAFE_NAME.exec(message);
  if (unsafe) return refused(`unsafe entry name ${JSON.stringify(unsafe[2])}: ${unsafe[1]}`);
  return refused(`the archive is truncated or damaged (${message})`);
}

function entryFault(name: string, err: Error): DeskError {
  if (/bytes in the stream/u.test(err.message)) return refused(`${name} does not match its recorded size (tampered or damaged)`);
  if ((err as NodeJS.ErrnoException).code?.startsWith('Z_')) return refused(`${name} is damaged and cannot be unpacked (${err.message})`);
  return refused(`the archive is truncated or damaged (${name}: ${err.message})`);
}

const refused = (why: string): DeskError => new DeskError('INVALID_INPUT', `bundle refused: ${why}`);
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
