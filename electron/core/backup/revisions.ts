import { readdir } from 'node:fs/promises';
import { docsDir } from '../store/layout.js';
import { isMissing } from './backup-files.js';

/**
 * Every revision number in sight: in the names of the files in docs/ (`c3.r7.body.json`, `bundles.r2.json`,
 * damaged copies included) and in the given roots, whose files may be gone. A restore writes above all of them,
 * so no file it writes can share a name with one written before, whatever state the desk is in.
 */
export async function highestRevision(deskDir: string, roots: readonly unknown[]): Promise<number> {
  const names = await readdir(docsDir(deskDir)).catch((err: unknown) => {
    if (isMissing(err)) return [] as string[];
    throw err;
  });
  let max = 0;
  for (const n of names) for (const m of n.matchAll(/\.r(\d+)\./g)) max = Math.max(max, Number(m[1]));
  for (const root of roots) max = Math.max(max, ...revisionsIn(root));
  return max;
}

/** Every number under a `rev` key below the top level of a JSON value (the root's chunk refs, and so on). */
export function revisionsIn(value: unknown): number[] {
  const out: number[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'rev' && depth > 0 && typeof x === 'number') out.push(x);
        else walk(x, depth + 1);
      }
    }
  };
  walk(value, 0);
  return out;
}

/** The same root with every `rev` below the top level set to `rev`: each file it names gets that revision. */
export function withRevision<T>(root: T, rev: number): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'rev' && depth > 0 && typeof x === 'number' ? rev : walk(x, depth + 1)]));
    }
    return v;
  };
  return walk(root, 0) as T;
}

/** A store document (a chunk file, the bundles file) renamed to revision `rev`: its own `rev` field follows. */
export function documentAtRevision(json: unknown, rev: number): unknown {
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && typeof (json as { rev?: unknown }).rev === 'number') {
    return { ...(json as object), rev };
  }
  return json;
}
