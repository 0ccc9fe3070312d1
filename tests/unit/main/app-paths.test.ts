import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, deskDir, userDataDir } from '../../../electron/main/app-paths.js';

describe('app paths', () => {
  const bundle = resolve('/repo/dist/electron');

  it('finds the renderer and preload beside the main bundle, and the seeds in the repo or in resources', () => {
    expect(appPaths(bundle, { isPackaged: false, resourcesPath: '/ignored' })).toEqual({
      rendererDir: resolve('/repo/dist/renderer'),
      preloadPath: resolve('/repo/dist/electron/preload.cjs'),
      seedsDir: resolve('/repo/seeds'),
    });
    expect(appPaths(bundle, { isPackaged: true, resourcesPath: resolve('/opt/Copydesk/resources') }).seedsDir).toBe(resolve('/opt/Copydesk/resources/seeds'));
  });

  it('lets the environment move userData and the desk, for tests', () => {
    expect(userDataDir('/home/e/.config', {})).toBe(join('/home/e/.config', 'Copydesk'));
    expect(userDataDir('/home/e/.config', { COPYDESK_USER_DATA: '/tmp/profile' })).toBe('/tmp/profile');
    expect(deskDir('/u', {})).toBe(join('/u', 'desk'));
    expect(deskDir('/u', { COPYDESK_DB: '/tmp/db' })).toBe('/tmp/db');
  });
});
