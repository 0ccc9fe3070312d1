import { join } from 'node:path';
import type { BackupManifest } from '../backup/backup-manifest.js';
import { SettingsSchema } from '../model.js';
import { writeFileDurable } from '../store/durable-write.js';
import { moveAside, readDoc, readJson, reasonOnly } from './doctor-files.js';
import type { Findings } from './doctor-report.js';

/** What settings.json may hold: only what an editor chose (store/settings.ts fills the rest with defaults). */
const StoredSettingsSchema = SettingsSchema.partial();

/**
 * A damaged settings.json stops every edit (the editor's name signs it), so it is moved aside and replaced by the
 * copy in the newest good backup that has a valid one, or left to the defaults.
 */
export async function checkSettings(deskDir: string, backupDir: string, backups: readonly BackupManifest[], f: Findings): Promise<void> {
  const path = join(deskDir, 'settings.json');
  const read = await readDoc(path, StoredSettingsSchema);
  if (read.state === 'missing') return;
  f.checked++;
  if (read.state === 'ok') return;
  await moveAside(path, f);
  for (const b of backups) {
    if (!b.files.some((x) => x.path === 'settings.json')) continue;
    const copy = StoredSettingsSchema.safeParse(await readJson(join(backupDir, b.id, 'settings.json')));
    if (!copy.success) continue;
    await writeFileDurable(path, JSON.stringify(copy.data));
    f.fixed(path, reasonOnly(read.reason, path), `moved it aside and put back the settings from backup ${b.id}`);
    return;
  }
  f.fixed(path, reasonOnly(read.reason, path), 'moved it aside; the defaults apply until settings are chosen again (copydesk settings)');
}
