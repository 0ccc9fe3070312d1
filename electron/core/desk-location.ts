import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the desk lives when nobody says: `<userData>/desk`, where userData is the folder Electron's
 * app.getPath('userData') gives for productName "Copydesk". The CLI and browser mode must agree with the
 * desktop app, and none of them may import electron to ask.
 */
export function defaultDeskDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  return join(appDataDir(env, platform, home), 'Copydesk', 'desk');
}

function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

/** `--db DIR` beats `COPYDESK_DB`, which beats the default. */
export function resolveDeskDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.COPYDESK_DB || defaultDeskDir(env);
}
