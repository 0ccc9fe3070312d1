import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DEFAULT_VERDICT_SCALE, type Settings, SettingsSchema } from '../model.js';
import { JsonDocAdapter } from './json-doc-adapter.js';

export type { Settings };

export function defaultSettings(): Settings {
  let user = 'editor';
  try {
    user = userInfo().username || user;
  } catch {
    // Some sandboxes have no passwd entry for the user; a generic name is better than no edits.
  }
  return { editorName: process.env.COPYDESK_EDITOR || user, organizationName: '', verdicts: DEFAULT_VERDICT_SCALE.map((v) => ({ ...v })) };
}

/**
 * Only what an editor chose is stored; defaults fill the rest at read time, so changing the organisation does
 * not freeze today's OS user (or COPYDESK_EDITOR) in as the editor's name.
 */
const StoredSettingsSchema = SettingsSchema.partial();
type StoredSettings = Partial<Settings>;

const settingsPath = (dir: string): string => join(dir, 'settings.json');

async function readStored(dir: string): Promise<StoredSettings> {
  const db = new Low<StoredSettings | null>(new JsonDocAdapter(settingsPath(dir), StoredSettingsSchema) as never, null);
  await db.read();
  return db.data ?? {};
}

export async function loadSettings(dir: string): Promise<Settings> {
  return { ...defaultSettings(), ...(await readStored(dir)) };
}

export async function updateSettings(dir: string, patch: StoredSettings): Promise<Settings> {
  const stored = { ...(await readStored(dir)), ...patch };
  const db = new Low<StoredSettings>(new JsonDocAdapter(settingsPath(dir), StoredSettingsSchema, { syncDir: true }), stored);
  await db.write();
  return { ...defaultSettings(), ...stored };
}
