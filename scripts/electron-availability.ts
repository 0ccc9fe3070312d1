import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Availability = { ok: true; binary: string } | { ok: false; reason: string };

/**
 * Says whether Electron can start here, and if not, why, in words a person can act on. Electron ≥ 42 fetches
 * its binary on first run; where that download cannot happen the npm package is present but has nothing to run.
 */
export function electronAvailability(env: NodeJS.ProcessEnv = process.env, platform = process.platform): Availability {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const binary = relative ? join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist'), relative) : null;
  if (!binary || !existsSync(binary)) {
    return { ok: false, reason: 'its binary is not installed and cannot be downloaded here (try "npx install-electron" where GitHub is reachable)' };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  return { ok: true, binary };
}
