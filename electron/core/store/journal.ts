import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleRecord } from '../bundles/bundle-record.js';
import type { ArticleRecord } from '../model.js';
import { DeskError } from '../result.js';
import { STORE_FILE_MODE, fsyncDir } from './durable-write.js';

/**
 * The desk's write-ahead journal. A small change (an edit to articles already on the desk, a bundle change) is
 * made durable by appending one self-checked line here and syncing it: one small write and one fdatasync,
 * whatever the size of the desk. The chunk files and desk.json catch up at a checkpoint (when the journal grows,
 * on close, and at the next open after a crash), which is the store's ordinary copy-on-write commit.
 *
 * A journal belongs to exactly one root: its name carries the random id that root was written with, so a journal
 * can never be replayed over a root it was not written against (a root restored from desk.json.bak replays its
 * own journal, which is kept until the root after it is superseded too).
 *
 * Line format: `<first 32 hex digits of the SHA-256 of the JSON> <JSON>\n`. JSON.stringify escapes newlines,
 * so a line is an entry. A torn last line (a crash mid-append) was never acknowledged and is ignored.
 */
export interface JournalEntry {
  /** 0, 1, 2, … within one journal: a gap means an entry was lost, and replay stops before it. */
  n: number;
  records: ArticleRecord[];
  bundles: BundleRecord[];
}

export const journalPath = (dir: string, id: string): string => join(dir, `journal.${id}.log`);
export const JOURNAL_FILE = /^journal\.([0-9a-f]{16})\.log$/;
export const newJournalId = (): string => randomBytes(8).toString('hex');

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export interface ReplayResult {
  entries: JournalEntry[];
  /** Set when lines after the readable prefix were damaged (not merely a torn last line). */
  problem: string | null;
}

/** Reads a journal; a missing file is an empty journal. */
export async function readJournal(path: string): Promise<ReplayResult> {
  let text: string;
  try {
    const fh = await open(path, constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0));
    try {
      if (!(await fh.stat()).isFile()) return { entries: [], problem: `${path} is not a regular file` };
      text = await fh.readFile('utf8');
    } finally {
      await fh.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { entries: [], problem: null };
    if (code === 'ELOOP' || code === 'EMLINK') return { entries: [], problem: `${path} is a symbolic link; the desk never follows links` };
    throw new DeskError('IO_ERROR', `cannot read ${path}: ${(err as Error).message}`);
  }
  const lines = text.split('\n');
  const last = lines.pop()!; // '' after a complete final line; otherwise a torn append
  const entries: JournalEntry[] = [];
  for (const [i, line] of lines.entries()) {
    const entry = decodeLine(line, entries.length);
    if (!entry) {
      const after = lines.length - i - 1;
      return { entries, problem: `${path} is damaged at entry ${i + 1}: it and the ${after} after it could not be read` };
    }
    entries.push(entry);
  }
  // A torn last line is a change that was never acknowledged; anything else after the last newline is damage.
  void last;
  return { entries, problem: null };
}

function decodeLine(line: string, n: number): JournalEntry | null {
  const space = line.indexOf(' ');
  if (space !== 32) return null;
  const json = line.slice(33);
  if (digest(json) !== line.slice(0, 32)) return null;
  try {
    const entry = JSON.parse(json) as JournalEntry;
    return entry.n === n && Array.isArray(entry.records) && Array.isArray(entry.bundles) ? entry : null;
  } catch {
    return null;
  }
}

const digest = (json: string): string => createHash('sha256').update(json, 'utf8').digest('hex').slice(0, 32);

/** An open journal being appended to, by the desk's owning process only. */
export class JournalWriter {
  private constructor(
    readonly path: string,
    private fh: FileHandle,
    private size: number,
    private next: number,
  ) {}

  /**
   * Creates the journal (it must not exist: a stale file of that name is moved aside first) and makes its
   * directory entry durable, so the first acknowledged entry cannot vanish with the file's name.
   */
  static async create(dir: string, id: string): Promise<JournalWriter> {
    const path = journalPath(dir, id);
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND | NOFOLLOW;
    let fh: FileHandle;
    try {
      fh = await open(path, flags, STORE_FILE_MODE);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      await rename(path, `${path}.corrupt-${Date.now()}`);
      fh = await open(path, flags, STORE_FILE_MODE);
    }
    await fsyncDir(dir);
    return new JournalWriter(path, fh, 0, 0);
  }

  get bytes(): number {
    return this.size;
  }

  get entries(): number {
    return this.next;
  }

  /**
   * Appends one entry and waits until it is on disk. If the write fails part-way the file is cut back to the last
   * whole entry, so a later append never lands after a torn one; if even that fails, the journal is unusable
   * (closed) and the caller must checkpoint instead.
   */
  async append(records: readonly ArticleRecord[], bundles: readonly BundleRecord[]): Promise<void> {
    const json = JSON.stringify({ n: this.next, records, bundles });
    const line = Buffer.from(`${digest(json)} ${json}\n`, 'utf8');
    try {
      await this.fh.write(line);
      await this.fh.datasync();
    } catch (err) {
      await this.fh.truncate(this.size).catch(async () => {
        await this.close();
        throw err;
      });
      throw err;
    }
    this.size += line.length;
    this.next++;
  }

  async close(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}
