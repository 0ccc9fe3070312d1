import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import * as ops from '../../../electron/core/editorial/operations.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { benchRng } from '../draw.js';
import type { Samples } from '../figures.js';
import type { PhaseParams } from '../phase-protocol.js';

/** The naive desk rewrites everything per edit; past this much time the remaining samples add nothing. */
const TIME_LIMIT_MS = 90_000;
const MIN_EDITS = 20;

/**
 * The design the issue measures against: the whole desk as one lowdb JSONFile, rewritten on every edit. The
 * same records and the same edit operations as the real desk; JSONFile renames atomically but never fsyncs, so
 * these figures flatter the naive design.
 */
export async function naiveEditPhase({ deskDir, workDir, samples }: PhaseParams): Promise<Samples[]> {
  const path = join(workDir, 'naive-desk.json');
  const desk = await Desk.open(deskDir);
  const articles: ArticleRecord[] = [];
  try {
    for await (const r of desk.records()) articles.push(r);
  } finally {
    await desk.close();
  }
  await new Low(new JSONFile<{ articles: ArticleRecord[] }>(path), { articles }).write();
  articles.length = 0;

  const db = new Low(new JSONFile<{ articles: ArticleRecord[] }>(path), { articles: [] });
  await db.read();
  const all = db.data.articles;
  const rng = benchRng(2);
  const actor = { editor: 'bench', now: new Date().toISOString(), batch: null };
  const edit: number[] = [];
  const started = performance.now();
  for (let i = 0; i < samples && (i < MIN_EDITS || performance.now() - started < TIME_LIMIT_MS); i++) {
    const at = rng.int(0, all.length - 1);
    const t = performance.now();
    const record = all[at]!;
    all[at] = i % 2 === 0
      ? ops.setTags(record, (tags) => [...tags, `bench ${i % 7}`], actor)
      : ops.correctField(record, 'paragraph:1', `${record.original.paragraphs[0]} (corrected ${i})`, null, actor);
    await db.write();
    edit.push(performance.now() - t);
  }
  console.error(`bench: naive-edit: ${edit.length} edits of a ${(Buffer.byteLength(JSON.stringify(db.data)) / 1e6).toFixed(0)} MB file in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return [{ metric: 'naive-edit', unit: 'ms', values: edit }];
}
