import { join } from 'node:path';

export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  seedsDir: string;
}

/**
 * Where the built pieces are, given the folder of the running main bundle (dist/electron/). The bundle, the
 * preload and the renderer always travel together under dist/, in development and inside app.asar alike; only
 * the seeds move, to resources/seeds, when packaged (electron-builder extraResources).
 */
export function appPaths(bundleDir: string, packaged: { isPackaged: boolean; resourcesPath: string }): AppPaths {
  return {
    rendererDir: join(bundleDir, '..', 'renderer'),
    preloadPath: join(bundleDir, 'preload.cjs'),
    seedsDir: packaged.isPackaged ? join(packaged.resourcesPath, 'seeds') : join(bundleDir, '..', '..', 'seeds'),
  };
}

/**
 * `<appData>/Copydesk`, set explicitly: the default follows package.json's name ("copydesk") or, when launched
 * as `electron dist/electron/main.js`, Electron's own, and the CLI's defaultDeskDir must find the same folder.
 * COPYDESK_USER_DATA gives each Electron spec its own profile, window state and single-instance lock.
 */
export function userDataDir(appDataDir: string, env: NodeJS.ProcessEnv): string {
  return env.COPYDESK_USER_DATA || join(appDataDir, 'Copydesk');
}

/** COPYDESK_DB wins, as in the CLI, so a spec can start from an empty desk. */
export function deskDir(userData: string, env: NodeJS.ProcessEnv): string {
  return env.COPYDESK_DB || join(userData, 'desk');
}
