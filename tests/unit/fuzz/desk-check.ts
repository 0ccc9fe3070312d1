import { readdir } from 'node:fs/promises';
import { expect } from 'vitest';
import { ArticleRecordSchema, summarize } from '../../../electron/core/model.js';
import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { docsDir } from '../../../electron/core/store/layout.js';

/**
 * Reopens a desk from disk, as the next launch would, and checks all of it: it opens without needing a
 * recovery, every article record is read back through the store's own validation and matches the schema,
 * the list fields opened from the meta files agree with the records, ids are unique, no temporary file was left
 * behind, and the service answers on it. Returns the article count.
 */
export async function expectDeskValid(dir: string): Promise<number> {
  const desk = await Desk.open(dir);
  try {
    expect(desk.notices.filter((n) => n.code !== 'created').map((n) => n.message)).toEqual([]);
    const list = desk.list();
    expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
    let n = 0;
    for await (const record of desk.records()) {
      expect(ArticleRecordSchema.safeParse(record).success).toBe(true);
      expect(desk.summary(record.id)).toEqual(summarize(record));
      n++;
    }
    expect(n).toBe(list.length);
    expect((await readdir(docsDir(dir))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const page = await new DeskService(desk).call('listArticles', { limit: 5 });
    expect(page).toMatchObject({ ok: true, value: { total: n } });
    return n;
  } finally {
    await desk.close();
  }
}
