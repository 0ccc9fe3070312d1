import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DeskError } from '../result.js';
import { isMissing } from './backup-files.js';
import { type BackupManifest, type BackupSummary, BackupIdSchema, newestFirst, readManifest, summaryOf } from './backup-manifest.js';

export interface BackupScan {
  /** Backups whose manifest reads, newest first. */
  backups: BackupManifest[];
  /** Folders that look like backups but whose manifest is missing or damaged, with why. */
  unreadable: { name: string; reason: string }[];
  /** `*.tmp` leftovers of an interrupted backup or removal. */
  temporary: string[];
}

/** Everything in a backup folder, sorted out. A folder that does not exist yet simply holds no backups. */
export async function scanBackups(backupDir: string): Promise<BackupScan> {
  const scan: BackupScan = { backups: [], unreadable: [], temporary: [] };
  let entries;
  try {
    entries = await readdir(backupDir, { withFileTypes: true });
  } catch (err) {
    if (isMissing(err)) return scan;
    throw new DeskError('IO_ERROR', `cannot read the backup folder ${backupDir}: ${(err as Error).message}`);
  }
  for (const e of entries) {
    if (e.name.endsWith('.tmp')) scan.temporary.push(e.name);
    else if (!e.isDirectory() || !BackupIdSchema.safeParse(e.name).success) continue;
    else {
      try {
        const manifest = await readManifest(join(backupDir, e.name));
        if (manifest.id !== e.name) scan.unreadable.push({ name: e.name, reason: `its manifest is for backup ${manifest.id}` });
        else scan.backups.push(manifest);
      } catch (err) {
        // Removed by a rotation while we looked: not a problem, just gone.
        if (await gone(join(backupDir, e.name))) continue;
        scan.unreadable.push({ name: e.name, reason: (err as Error).message });
      }
    }
  }
  scan.backups.sort(newestFirst);
  return scan;
}

/** The backups in a folder, newest first, as `copydesk backup list` shows them. */
export async function listBackups(backupDir: string): Promise<BackupSummary[]> {
  return (await scanBackups(backupDir)).backups.map(summaryOf);
}

const gone = (path: string): Promise<boolean> => stat(path).then(() => false, (err: unknown) => isMissing(err));
