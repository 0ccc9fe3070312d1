import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleRecord } from '../../../electron/core/model.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { RootSchema, type Root, bodyPath, rootPath } from '../../../electron/core/store/layout.js';
import { edit, makeRecord } from '../../support/records.js';

/** Not JSON, not UTF-8: what a torn write or a bad sector leaves. */
export const GARBAGE = Buffer.from([0x7b, 0x22, 0x00, 0xff, 0xfe, 0x13, 0x37, 0x0a]);

/** A clock the test moves by hand. */
export function manualClock(start: Date) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => void (t += ms),
    set: (d: Date) => void (t = d.getTime()),
  };
}

/** Commits `n` new records and returns them. */
export async function addArticles(desk: Desk, n: number, headline = (seq: number) => `Headline number ${seq}`): Promise<ArticleRecord[]> {
  const recs = Array.from({ length: n }, () => {
    const seq = desk.reserveSeq();
    return makeRecord(seq, { headline: headline(seq) });
  });
  await desk.commit(recs);
  return recs;
}

/** An acknowledged headline correction, as the service would commit it. */
export async function correctHeadline(desk: Desk, id: string, after: string): Promise<ArticleRecord> {
  const rec = (await desk.get(id))!;
  const current = rec.revisions.at(-1)?.after ?? rec.original.headline;
  const next = { ...rec, revisions: [...rec.revisions, edit(`r${rec.revisions.length + 1}`, 'headline', current, after)] };
  await desk.commit([next]);
  return next;
}

export const readRoot = async (dir: string): Promise<Root> => RootSchema.parse(JSON.parse(await readFile(rootPath(dir), 'utf8')));

/** Damages every copy of chunk `id`'s body that is on disk, so the desk has no earlier good copy to fall back to. */
export async function damageChunk(dir: string, id: number): Promise<void> {
  const root = await readRoot(dir);
  const ref = root.chunks.find((c) => c.id === id)!;
  await writeFile(bodyPath(dir, ref), GARBAGE);
  for (const n of await readdir(join(dir, 'docs'))) if (n.startsWith(`c${id}.`)) await writeFile(join(dir, 'docs', n), GARBAGE);
}

export const headlines = (desk: Desk): string[] => desk.list().map((s) => s.headline);
