import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DeskError } from '../result.js';

// Windows has no O_NOFOLLOW; there the lstat checks below are the guard.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** Store files hold unpublished copy and editors' notes: readable by their owner only. */
export const STORE_FILE_MODE = 0o600;

/**
 * The only way Copydesk writes a store file: write a temporary file, fsync it, rename it over the target, then
 * fsync the directory so the rename itself survives a power cut. A reader therefore sees the old bytes or the
 * new bytes, never a torn file. (lowdb's own JSONFile/steno renames but never fsyncs.)
 *
 * The temporary file is created exclusively (O_EXCL, O_NOFOLLOW), so nothing planted at its name, a symbolic
 * link least of all, is ever written through; and a target that is a symbolic link is refused rather than
 * silently replaced, as the store never follows links out of the desk.
 */
export async function writeFileDurable(path: string, data: string | Buffer, opts: { syncDir?: boolean; keepPrevious?: string } = {}): Promise<void> {
  await refuseSymlink(path);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await createExclusive(tmp);
  try {
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.keepPrevious) await keepHardLink(path, opts.keepPrevious);
    await rename(tmp, path);
  } catch (err) {
    // Whatever failed (a full disk, a backup that cannot be linked, the rename), the half-made file goes.
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  if (opts.syncDir !== false) await fsyncDir(dirname(path));
}

/** A new file that did not exist a moment ago, owner-only; fails (EEXIST) if anything at all is at `path`. */
export function createExclusive(path: string) {
  return open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, STORE_FILE_MODE);
}

async function refuseSymlink(path: string): Promise<void> {
  const st = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (st?.isSymbolicLink()) throw new DeskError('IO_ERROR', `refusing to write ${path}: it is a symbolic link, and the desk never follows links`);
}

/** The previous version stays reachable as `backup` at no copying cost: a second name for the old inode. */
async function keepHardLink(path: string, backup: string): Promise<void> {
  await unlink(backup).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  await link(path, backup).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
