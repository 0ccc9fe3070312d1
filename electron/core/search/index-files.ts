import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { decodeIndex } from './index-file.js';
import type { SearchFields, SearchIndex } from './search-index.js';

/**
 * The search index on disk, in its own folder beside the desk's files:
 *
 *   search/index.bin    a snapshot of the whole index (index-file.ts), stamped with what it reflects (the desk,
 *                       its generation, each article chunk's revision and file) and a random epoch
 *   search/changes.log  one line per change since that snapshot: "<crc32> <json>", the json holding the epoch,
 *                       the generation after the change, the chunks it rewrote and the new text of its articles
 *
 * This is a cache of what the desk holds, so nothing here is fsynced: whatever a crash leaves (a torn line, a
 * lost append, a half-written snapshot) shows up as a damaged file, which is rebuilt, or as chunk revisions that
 * are not the desk's, whose articles are re-indexed.
 */
export const searchDir = (deskDir: string): string => join(deskDir, 'search');
export const indexPath = (deskDir: string): string => join(searchDir(deskDir), 'index.bin');
const logPath = (deskDir: string): string => join(searchDir(deskDir), 'changes.log');

export interface LogEntry {
  epoch: string;
  /** The desk generation after the change, and the chunks it rewrote, [id, tag] (desk-chunks.ts). */
  generation: number;
  chunks: [number, string][];
  docs: { id: string; fields: SearchFields }[];
}

export interface Loaded {
  index: SearchIndex;
  /** What the snapshot and the log together reflect, and the epoch further changes continue. */
  desk: string;
  generation: number;
  chunks: Map<number, string>;
  epoch: string;
  logBytes: number;
  snapshotBytes: number;
}

export const newEpoch = (): string => randomBytes(6).toString('hex');

/** The snapshot with its log replayed, or null when there is none or it is damaged. */
export async function readIndexFiles(deskDir: string): Promise<Loaded | null> {
  const file = await readFile(indexPath(deskDir)).catch(() => null);
  if (!file) return null;
  const decoded = decodeIndex(file);
  if (!decoded) return null;
  const { index, stamp } = decoded;
  const chunks = new Map(stamp.chunks);
  let generation = stamp.generation;
  const log = await readFile(logPath(deskDir), 'utf8').catch(() => '');
  for (const line of log.split('\n')) {
    const entry = parseLine(line);
    // The log is read up to the first line that is torn, belongs to another snapshot, or is out of order.
    if (!entry || entry.epoch !== stamp.epoch || entry.generation < generation) break;
    for (const d of entry.docs) index.upsertFields(d.id, d.fields);
    for (const [id, rev] of entry.chunks) chunks.set(id, rev);
    generation = entry.generation;
  }
  return { index, desk: stamp.desk, generation, chunks, epoch: stamp.epoch, logBytes: Buffer.byteLength(log), snapshotBytes: file.length };
}

/** Replaces the snapshot (write aside, then rename) and starts its log afresh; answers the bytes written. */
export async function writeSnapshot(deskDir: string, chunks: readonly Buffer[]): Promise<number> {
  await ensureDir(deskDir);
  const path = indexPath(deskDir);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await open(tmp, 'w');
  let bytes = 0;
  try {
    for (let i = 0; i < chunks.length; i += 512) bytes += (await fh.writev(chunks.slice(i, i + 512))).bytesWritten;
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  // Lines of the old epoch would be skipped anyway; emptying the log only saves reading them.
  await writeFile(logPath(deskDir), '');
  return bytes;
}

export async function appendLogEntry(deskDir: string, entry: LogEntry): Promise<number> {
  await ensureDir(deskDir);
  const json = JSON.stringify(entry);
  const line = `${crc32(json).toString(16)} ${json}\n`;
  const fh = await open(logPath(deskDir), 'a');
  try {
    await fh.write(line);
  } finally {
    await fh.close();
  }
  return Buffer.byteLength(line);
}

/** Leftovers of snapshots interrupted before their rename. */
export async function removeStaleTemps(deskDir: string): Promise<void> {
  const names = await readdir(searchDir(deskDir)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith('.tmp')).map((n) => unlink(join(searchDir(deskDir), n)).catch(() => undefined)));
}

/** Not recursive: a desk folder removed under a late write must not be recreated by it. */
async function ensureDir(deskDir: string): Promise<void> {
  await mkdir(searchDir(deskDir)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

function parseLine(line: string): LogEntry | null {
  const space = line.indexOf(' ');
  if (space < 1) return null;
  const json = line.slice(space + 1);
  if (crc32(json).toString(16) !== line.slice(0, space)) return null;
  try {
    const e = JSON.parse(json) as LogEntry;
    return typeof e.epoch === 'string' && Number.isInteger(e.generation) && Array.isArray(e.chunks) && Array.isArray(e.docs) ? e : null;
  } catch {
    return null;
  }
}
