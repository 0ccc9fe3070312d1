import { join } from 'node:path';
import { removeFolder } from '../backup/backup-files.js';
import type { BackupManifest } from '../backup/backup-manifest.js';
import { scanBackups } from '../backup/list-backups.js';
import { verifyBackup, verifyFiles } from '../backup/verify-backup.js';
import { DeskError } from '../result.js';
import type { Findings } from './doctor-report.js';

/**
 * Every backup's files against its manifest's checksums, and its root against the desk format. Returns the
 * backups that passed, newest first, for the advice on what to restore. Leftovers of an interrupted backup are
 * removed (we hold the desk lock, so no backup is being written); a bad backup is reported, never deleted.
 */
export async function checkBackups(backupDir: string, f: Findings): Promise<BackupManifest[]> {
  const scan = await scanBackups(backupDir);
  for (const name of scan.temporary) {
    await removeFolder(backupDir, name);
    f.fixed(join(backupDir, name), 'is the leftover of an interrupted backup', 'removed it');
  }
  for (const { name, reason } of scan.unreadable) {
    f.checked++;
    f.unfixed(join(backupDir, name), `is not a readable backup: ${reason}`, 'delete it: Copydesk cannot restore it');
  }
  const good: BackupManifest[] = [];
  for (const m of scan.backups) {
    const folder = join(backupDir, m.id);
    f.checked += m.files.length + 1;
    try {
      if (m.damage !== null) await verifyFiles(folder, m);
      else {
        await verifyBackup(backupDir, m.id, 'checksums');
        good.push(m);
      }
    } catch (err) {
      if (!(err instanceof DeskError) || err.code === 'IO_ERROR' || err.code === 'INTERNAL') throw err;
      const newer = err.code === 'DESK_TOO_NEW';
      f.unfixed(folder, err.message.replace(`backup ${m.id}: `, ''), newer ? 'restore it with a newer Copydesk, or delete it' : 'delete it: it cannot be restored');
    }
  }
  return good;
}
