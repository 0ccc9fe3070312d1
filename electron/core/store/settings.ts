import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { type Settings, SettingsSchema } from '../model.js';
import { JsonDocAdapter } from './json-doc-adapter.js';

export type { Settings };

export function defaultSettings(): Settings {
  let user = 'editor';
  try {
    user = userInfo().username || user;
  } catch {
    // Some sandboxes have no passwd entry for the user; a generic name is better than no edits.
  }
  return { editorName: process.env.COPYDESK_EDITOR || user, organizationName: '' };
}

export async function loadSettings(dir: string): Promise<Settings> {
  const db = new Low<Settings | null>(new JsonDocAdapter(join(dir, 'settings.json'), SettingsSchema) as never, null);
  await db.read();
  return db.data ?? defaultSettings();
}

export async function saveSettings(dir: string, settings: Settings): Promise<void> {
  const db = new Low<Settings>(new JsonDocAdapter(join(dir, 'settings.json'), SettingsSchema, { syncDir: true }), settings);
  await db.write();
}
