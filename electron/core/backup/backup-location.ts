import { join, resolve } from 'node:path';
import { z } from 'zod';
import { SettingsSchema } from '../model.js';
import { readRegular } from './backup-files.js';

/**
 * Backups live in `<desk>/backups` unless the desk's settings name another folder. Inside the desk, as Actual
 * Budget keeps them inside each budget: they move and are deleted with their desk, and two desks never share a
 * folder (rotation would then delete each other's backups). What they do not survive is losing the whole desk
 * folder or its disk; an editor who wants that sets `backupDir` to a folder on another drive.
 */
export const defaultBackupDir = (deskDir: string): string => join(resolve(deskDir), 'backups');

const BackupDirOnlySchema = z.object({ backupDir: SettingsSchema.shape.backupDir });

/**
 * The folder this desk's backups live in. Read leniently, on its own, because it is needed exactly when things
 * are broken: a settings file that is damaged, or wrong elsewhere, still names it; an unreadable one gives the
 * default (doctor reports the damage).
 */
export async function backupDirFor(deskDir: string): Promise<string> {
  try {
    const json: unknown = JSON.parse((await readRegular(join(deskDir, 'settings.json'))).toString('utf8'));
    const parsed = BackupDirOnlySchema.safeParse(json);
    if (parsed.success && parsed.data.backupDir) return parsed.data.backupDir;
  } catch {
    // Missing or unreadable: the default.
  }
  return defaultBackupDir(deskDir);
}
