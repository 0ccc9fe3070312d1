/**
 * Builds what Electron and browser mode load: the renderer (Vite) into dist/renderer, and the main process and
 * preload (esbuild) into dist/electron. `--if-stale` skips the work when no source is newer than the output, so
 * `npm start` is instant the second time.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { INDEXER_BUNDLE } from '../electron/core/search/indexer-messages.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = {
  renderer: join(root, 'dist/renderer/index.html'),
  main: join(root, 'dist/electron/main.js'),
  preload: join(root, 'dist/electron/preload.cjs'),
  indexer: join(root, 'dist/electron', INDEXER_BUNDLE),
};

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function isStale(): boolean {
  const outputs = Object.values(out);
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const sources = Math.max(newest(join(root, 'renderer')), newest(join(root, 'electron')), statSync(join(root, 'package-lock.json')).mtimeMs);
  return sources > built;
}

export async function build(): Promise<void> {
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const common = { bundle: true, platform: 'node' as const, target: 'node22', external: ['electron'], legalComments: 'none' as const, logLevel: 'warning' as const };
  if (existsSync(join(root, 'electron/main/index.ts'))) {
    await esbuild({
      ...common,
      entryPoints: [join(root, 'electron/main/index.ts')],
      outfile: out.main,
      format: 'esm',
      // Bundled CommonJS dependencies may call require(); give them one.
      banner: { js: "import { createRequire as __cdRequire } from 'node:module'; const require = __cdRequire(import.meta.url);" },
    });
  }
  // The search index's import worker (background-indexer.ts looks for it beside main.js): one self-contained
  // CommonJS file, like the preload, so the worker loads it without resolving anything else.
  await esbuild({ ...common, entryPoints: [join(root, 'electron/core/search/index-worker.ts')], outfile: out.indexer, format: 'cjs' });
  if (existsSync(join(root, 'electron/preload/index.ts'))) {
    // A sandboxed preload must be one CommonJS file that requires nothing but electron.
    await esbuild({ ...common, entryPoints: [join(root, 'electron/preload/index.ts')], outfile: out.preload, format: 'cjs' });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) process.exit(0);
  await build();
  console.log('built dist/renderer and dist/electron');
}
