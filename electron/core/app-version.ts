import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * Copydesk's version, as package.json states it. The core runs from source (tsx), from the esbuild bundle in
 * dist/, and from inside a packaged app's asar; in each, package.json is the nearest one above this module whose
 * name is "copydesk", so the version is looked up there rather than baked in at one of the three builds.
 */
export function appVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'copydesk' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // No package.json here; keep climbing.
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (cached = '0.0.0-unknown');
}
