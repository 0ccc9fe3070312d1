import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DeskError } from '../result.js';
import { fsyncDir } from '../store/durable-write.js';

/** Backups hold the same unpublished copy as the desk: owner-only, like the store's own files. */
const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes bytes to a new file and fsyncs it. Used only inside a backup's `.tmp` folder, which is renamed into place
 * after everything in it is synced, so no per-file rename is needed.
 */
export async function writeNewFile(path: string, bytes: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: FOLDER_MODE });
  // O_EXCL also refuses a symbolic link planted at the name, dangling or not.
  const fh = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, FILE_MODE);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * A file's bytes, only if it is a regular file: as the store never follows a symbolic link out of the desk, a
 * backup never copies, nor a restore reads, whatever a link points at. A link or a FIFO is DESK_CORRUPT.
 */
export async function readRegular(path: string): Promise<Buffer> {
  const refused = (what: string) => new DeskError('DESK_CORRUPT', `${path} is ${what}; backups never follow links`);
  if (NOFOLLOW === 0 && (await lstat(path)).isSymbolicLink()) throw refused('a symbolic link');
  const fh = await open(path, constants.O_RDONLY | NOFOLLOW | NONBLOCK).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ELOOP' || err.code === 'EMLINK' ? refused('a symbolic link') : err;
  });
  try {
    if (!(await fh.stat()).isFile()) throw refused('not a regular file');
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/** Copies `from` to `to` (a new file, synced) and returns what was copied, hashed from the very bytes written. */
export async function copyHashed(from: string, to: string): Promise<{ size: number; sha256: string }> {
  const bytes = await readRegular(from);
  await writeNewFile(to, bytes);
  return { size: bytes.length, sha256: sha256(bytes) };
}

export const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/**
 * Removes a backup folder so that no crash can leave half of one looking whole: it is first renamed to a `.tmp`
 * name (one atomic step), which every later backup run sweeps, and only then deleted.
 */
export async function removeFolder(parent: string, name: string): Promise<void> {
  const doomed = join(parent, `${name}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await rename(join(parent, name), doomed);
  } catch (err) {
    if (isMissing(err)) return;
    throw err;
  }
  await fsyncDir(parent).catch(() => undefined);
  await rm(doomed, { recursive: true, force: true });
}

/** Leftovers of a backup or a removal that was interrupted. Only the desk's owner calls this, so none is in use. */
export async function sweepTemporary(parent: string): Promise<string[]> {
  const names = await readdir(parent).catch((err: unknown) => {
    if (isMissing(err)) return [] as string[];
    throw err;
  });
  const swept = names.filter((n) => n.endsWith('.tmp'));
  await Promise.all(swept.map((n) => rm(join(parent, n), { recursive: true, force: true })));
  return swept;
}

/** Runs jobs with at most `limit` in flight. */
export async function runLimited(jobs: (() => Promise<void>)[], limit = 8): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}
