import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { backupDirFor } from '../backup/backup-location.js';
import type { BackupManifest } from '../backup/backup-manifest.js';
import { withDeskLock } from '../backup/desk-owner.js';
import { DeskError } from '../result.js';
import { docsDir, rootBackupPath, rootPath } from '../store/layout.js';
import { checkBackups } from './check-backups.js';
import { checkChunks } from './check-chunks.js';
import { checkLeftovers } from './check-leftovers.js';
import { checkOtherLiveFiles } from './check-other-files.js';
import { checkRoots } from './check-root.js';
import { checkSettings } from './check-settings.js';
import { type DoctorReport, Findings } from './doctor-report.js';

export interface DoctorOptions {
  /** Default: the desk's setting, else `<desk>/backups`. */
  backupDir?: string;
  /** How the person named the desk (`--db DIR`), repeated in the restore command doctor suggests. */
  dbFlag?: string;
}

/**
 * Checks every file of a desk and its backups, fixes what it can without losing anything (derived files rebuilt,
 * leftovers removed, a stale lock cleared, a damaged root or settings file replaced by its good copy), and says
 * what to do about the rest. It holds the desk lock throughout, so it refuses while another process owns the
 * desk, and it never opens the desk, so it also runs on one too damaged to open.
 */
export async function runDoctor(deskDir: string, opts: DoctorOptions = {}): Promise<DoctorReport> {
  if (!(await looksLikeDesk(deskDir))) throw new DeskError('NOT_FOUND', `no desk at ${deskDir}`);
  const lockBefore = await readFile(join(deskDir, 'desk.lock'), 'utf8').catch(() => null);
  return withDeskLock(deskDir, 'running doctor', async () => {
    const f = new Findings(deskDir);
    // The lock was taken, so whoever left one is gone: DeskLock only takes over a dead process's lock.
    if (lockBefore !== null) f.fixed(join(deskDir, 'desk.lock'), `was left by ${ownerOf(lockBefore)}, which is no longer running`, 'cleared it');

    const backupDir = opts.backupDir ?? (await backupDirFor(deskDir));
    const backupFindings = new Findings(deskDir);
    const good = await checkBackups(backupDir, backupFindings);
    const advice = restoreAdvice(good, opts.dbFlag);

    const roots = await checkRoots(deskDir, f, advice);
    if (roots.root && roots.rootJson) {
      await checkChunks(deskDir, roots.root, roots.rootJson, f, advice);
      await checkOtherLiveFiles(deskDir, roots.root, f, advice);
    }
    await checkSettings(deskDir, backupDir, good, f);
    await checkLeftovers(deskDir, roots, f);

    const problems = [...f.problems, ...backupFindings.problems];
    return { ok: problems.every((p) => p.fixed), problems, checked: f.checked + backupFindings.checked };
  });
}

function restoreAdvice(good: readonly BackupManifest[], dbFlag: string | undefined): string {
  const newest = good[0];
  if (!newest) return 'no good backup to restore from: keep a copy of the desk folder before changing anything';
  const db = dbFlag === undefined ? '' : ` --db ${/^[\w./:\\-]+$/.test(dbFlag) ? dbFlag : JSON.stringify(dbFlag)}`;
  return `restore a backup: copydesk backup restore ${newest.id}${db}`;
}

function ownerOf(lockText: string): string {
  try {
    const pid = (JSON.parse(lockText) as { pid?: unknown }).pid;
    if (typeof pid === 'number') return `process ${pid}`;
  } catch {
    // an unreadable lock: its writer died while writing it
  }
  return 'a process that died while taking it';
}

async function looksLikeDesk(deskDir: string): Promise<boolean> {
  const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);
  if ((await exists(rootPath(deskDir))) || (await exists(rootBackupPath(deskDir)))) return true;
  return (await readdir(docsDir(deskDir)).catch(() => [])).length > 0;
}
