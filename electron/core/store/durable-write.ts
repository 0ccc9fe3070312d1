import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The only way Copydesk writes a store file: write a temporary file, fsync it, rename it over the target, then
 * fsync the directory so the rename itself survives a power cut. A reader therefore sees the old bytes or the
 * new bytes, never a torn file. (lowdb's own JSONFile/steno renames but never fsyncs.)
 */
export async function writeFileDurable(path: string, data: string, opts: { syncDir?: boolean; keepPrevious?: string } = {}): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    try {
      await fh.writeFile(data, 'utf8');
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
