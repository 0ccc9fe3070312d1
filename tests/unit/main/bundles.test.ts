import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundles in memory with the same settings as scripts/build.ts; nothing is written. */
async function bundle(entry: string, format: 'esm' | 'cjs'): Promise<string> {
  const out = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format,
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe('electron bundles', () => {
  it('gives the sandboxed preload nothing to require but electron', async () => {
    const code = await bundle('electron/preload/index.ts', 'cjs');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bimport\(/);
    // The contract's method names are bundled in, the zod schemas are not.
    expect(code).toContain('listArticles');
    expect(code).not.toContain('zod');
  });

  it('bundles the main process as ESM with electron left external', async () => {
    const code = await bundle('electron/main/index.ts', 'esm');
    expect(code).toMatch(/from\s+["']electron["']/);
    expect(code).toContain('preload.cjs');
    // The sandboxed preload's code must not have been pulled into main, nor main's into it.
    expect(code).not.toContain('exposeInMainWorld');
  });
});
