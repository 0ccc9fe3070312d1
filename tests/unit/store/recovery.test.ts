import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import { writeFileDurable } from '../../../electron/core/store/durable-write.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import {
  BodyDocSchema, MetaDocSchema, RootSchema, bodyPath, docsDir, metaPath, rootBackupPath, rootPath,
} from '../../../electron/core/store/layout.js';
import { type Migration, migrate } from '../../../electron/core/store/migrations.js';
import { makeRecord, withParagraph } from '../../support/records.js';
import { refOnly } from '../../support/store-files.js';
import { openDesks } from '../../support/open-desks.js';

const { tmp, open, close, opened, cleanup } = openDesks('copydesk-recover-');
afterEach(cleanup);
async function openFails(dir: string, opts: Parameters<typeof Desk.open>[1] = {}): Promise<DeskError> {
  const err = await Desk.open(dir, opts).then((d) => (opened.push(d), null), (e: unknown) => e);
  expect(err).toBeInstanceOf(DeskError);
  // A refused open gives the lock back.
  expect(await readdir(dir)).not.toContain('desk.lock');
  return err as DeskError;
}

const GARBAGE = Buffer.from([0x7b, 0x22, 0x00, 0xff, 0xfe, 0x13, 0x37, 0x0a]);
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));
const corruptCopies = async (dir: string, name: string) => (await readdir(dir)).filter((n) => n.startsWith(`${name}.corrupt-`));

/** A desk with `batches` commits of the given sizes; returns every record in import order. */
async function build(dir: string, batches: number[], chunkSize = 4): Promise<ArticleRecord[]> {
  const desk = await open(dir, { chunkSize });
  const all: ArticleRecord[] = [];
  for (const n of batches) {
    const recs = Array.from({ length: n }, () => makeRecord(desk.reserveSeq()));
    await desk.commit(recs);
    all.push(...recs);
  }
  await close(desk);
  return all;
}

describe('a damaged desk.json', () => {
  it('is restored from desk.json.bak with a notice, and the damaged file is kept', async () => {
    const dir = await tmp.make();
    const recs = await build(dir, [3, 2]);
    await writeFile(rootPath(dir), GARBAGE);

    const desk = await open(dir, { chunkSize: 4 });
    expect(desk.notices).toHaveLength(1);
    expect(desk.notices[0]!.code).toBe('recovered');
    expect(desk.notices[0]!.message).toMatch(new RegExp(`^${escape(rootPath(dir))} is not valid JSON \\(.+\\); restored the desk from ${escape(rootBackupPath(dir))} \\(generation 1\\); the last change may be missing$`));
    // The backup was the root after the first commit: the second batch is the change that is missing.
    expect(desk.list().map((s) => s.id)).toEqual(recs.slice(0, 3).map((r) => r.id));
    for (const r of recs.slice(0, 3)) expect(await desk.get(r.id)).toEqual(r);
    const kept = await corruptCopies(dir, 'desk.json');
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0]!))).toEqual(GARBAGE);
    expect(RootSchema.parse(await readJson(rootPath(dir)))).toMatchObject({ generation: 1, chunks: [{ id: 0, rev: 1, count: 3 }] });

    // Work goes on: the next commit is durable and reopens cleanly.
    await desk.commit([makeRecord(desk.reserveSeq(), { headline: 'After recovery' })]);
    await close(desk);
    const again = await open(dir, { chunkSize: 4 });
    expect(again.notices).toEqual([]);
    expect(again.list().map((s) => s.headline).at(-1)).toBe('After recovery');
    expect(again.size).toBe(4);
  });

  it('that does not match the format counts as damaged too', async () => {
    const dir = await tmp.make();
    await build(dir, [2]);
    await writeFile(rootPath(dir), JSON.stringify({ format: 'copydesk-desk', schemaVersion: 1, generation: 'many' }));
    const desk = await open(dir);
    expect(desk.notices).toEqual([expect.objectContaining({ code: 'recovered', message: expect.stringContaining(`${rootPath(dir)} does not match the desk format at`) })]);
  });

  it('with no good backup fails with DESK_CORRUPT naming the file, and keeps it', async () => {
    const dir = await tmp.make();
    await build(dir, [2]);
    await writeFile(rootPath(dir), GARBAGE);
    await writeFile(rootBackupPath(dir), 'also garbage');
    const err = await openFails(dir);
    expect(err.code).toBe('DESK_CORRUPT');
    expect(err.message).toContain(`${rootPath(dir)} is not valid JSON`);
    expect(err.message).toContain(`there is no good ${rootBackupPath(dir)} to recover from`);
    expect(await readFile(rootPath(dir))).toEqual(GARBAGE);
  });
});

describe('a missing desk.json', () => {
  it('is restored from the backup when chunk files exist', async () => {
    const dir = await tmp.make();
    const recs = await build(dir, [2, 2]);
    await rm(rootPath(dir));
    const desk = await open(dir, { chunkSize: 4 });
    expect(desk.notices).toEqual([{ code: 'recovered', message: `${rootPath(dir)} was missing; restored it from ${rootBackupPath(dir)}` }]);
    expect(desk.list().map((s) => s.id)).toEqual(recs.slice(0, 2).map((r) => r.id));
  });

  it('is never replaced by an empty desk while docs/ holds articles', async () => {
    const dir = await tmp.make();
    await build(dir, [5]);
    await rm(rootPath(dir));
    await rm(rootBackupPath(dir));
    const before = (await readdir(docsDir(dir))).sort();
    const err = await openFails(dir);
    expect(err.code).toBe('DESK_CORRUPT');
    expect(err.message).toBe(`${rootPath(dir)} is missing but ${docsDir(dir)} holds 4 files; not starting an empty desk over them`);
    expect(await readdir(dir)).not.toContain('desk.json');
    expect((await readdir(docsDir(dir))).sort()).toEqual(before);
  });
});

describe('a damaged chunk', () => {
  it('meta file is rebuilt from its body with nothing lost', async () => {
    const dir = await tmp.make();
    const recs = await build(dir, [10]);
    let desk = await open(dir, { chunkSize: 4 });
    const list = structuredClone(desk.list());
    await close(desk);
    const meta = metaPath(dir, { id: 1, rev: 1 });
    await writeFile(meta, GARBAGE);

    desk = await open(dir, { chunkSize: 4 });
    expect(desk.notices).toEqual([{ code: 'recovered', message: expect.stringMatching(new RegExp(`^${escape(meta)} is 8 bytes; desk\\.json says \\d+; rebuilt it from the article file, nothing lost$`)) }]);
    expect(desk.list()).toEqual(list);
    for (const r of recs) expect(await desk.get(r.id)).toEqual(r);
    expect(MetaDocSchema.parse(await readJson(meta)).entries.map((e) => e.id)).toEqual(recs.slice(4, 8).map((r) => r.id));
    const kept = await corruptCopies(docsDir(dir), 'c1.r1.meta.json');
    expect(kept).toHaveLength(1);
    expect(await readFile(join(docsDir(dir), kept[0]!))).toEqual(GARBAGE);
    await close(desk);
    expect((await open(dir, { chunkSize: 4 })).notices).toEqual([]);
  });

  it('meta file of the wrong chunk or revision is rebuilt too', async () => {
    const dir = await tmp.make();
    await build(dir, [8]);
    await writeFile(metaPath(dir, { id: 1, rev: 1 }), await readFile(metaPath(dir, { id: 0, rev: 1 })));
    const desk = await open(dir, { chunkSize: 4 });
    // Caught by its checksum in desk.json before its content is looked at.
    expect(desk.notices).toEqual([{ code: 'recovered', message: expect.stringMatching(new RegExp(`^${escape(metaPath(dir, { id: 1, rev: 1 }))} (is \\d+ bytes; desk\\.json says \\d+|does not match its checksum in desk\\.json \\(the file changed after it was written\\)); rebuilt it from the article file, nothing lost$`)) }]);
    expect(desk.list().map((s) => s.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('a damaged body falls back to the previous revision (found by its size, whatever its meta file holds), keeping the damaged file', async () => {
    const dir = await tmp.make();
    const recs = await build(dir, [8]);
    let desk = await open(dir, { chunkSize: 4 });
    const edited = withParagraph(recs[5]!, 'The edit that will be lost.');
    await desk.commit([edited]);
    await close(desk);
    const meta = metaPath(dir, { id: 1, rev: 2 });
    await writeFile(meta, GARBAGE);
    await writeFile(bodyPath(dir, { id: 1, rev: 2 }), GARBAGE);

    desk = await open(dir, { chunkSize: 4 });
    expect(desk.notices).toHaveLength(1);
    expect(desk.notices[0]).toMatchObject({ code: 'recovered' });
    expect(desk.notices[0]!.message).toMatch(new RegExp(`^${escape(bodyPath(dir, { id: 1, rev: 2 }))} is 8 bytes; desk\\.json says \\d+; restored chunk 1 from its previous copy \\(r1\\); the last change to its 4 articles may be missing$`));
    expect(desk.size).toBe(8);
    expect(await desk.get(recs[5]!.id)).toEqual(recs[5]);
    expect(RootSchema.parse(await readJson(rootPath(dir))).chunks.map(refOnly)).toEqual([{ id: 0, rev: 1, count: 4 }, { id: 1, rev: 1, count: 4 }]);
    // The meta file is derived data, collected with the revision it belonged to; the articles' file is kept.
    expect(await corruptCopies(docsDir(dir), 'c1.r2.body.json')).toHaveLength(1);

    // The desk carries on from the restored revision.
    const again = withParagraph(recs[5]!, 'Edited again.');
    await desk.commit([again]);
    await close(desk);
    desk = await open(dir, { chunkSize: 4 });
    expect(desk.notices).toEqual([]);
    expect(await desk.get(recs[5]!.id)).toEqual(again);
    expect(BodyDocSchema.parse(await readJson(bodyPath(dir, { id: 1, rev: 2 }))).articles).toHaveLength(4);
  });

  it('with no earlier revision fails with DESK_CORRUPT naming the file', async () => {
    const dir = await tmp.make();
    await build(dir, [8]);
    const meta = metaPath(dir, { id: 1, rev: 1 });
    await writeFile(meta, GARBAGE);
    await writeFile(bodyPath(dir, { id: 1, rev: 1 }), '{"chunk": 1, "rev": 1, "articles": [{"id": 5}]}');
    const err = await openFails(dir, { chunkSize: 4 });
    expect(err.code).toBe('DESK_CORRUPT');
    expect(err.message).toMatch(new RegExp(`^${escape(bodyPath(dir, { id: 1, rev: 1 }))} is \\d+ bytes; desk\\.json says \\d+; no earlier good copy of chunk 1 is left$`));
    // Nothing was thrown away.
    expect(await corruptCopies(docsDir(dir), 'c1.r1.body.json')).toHaveLength(1);
    expect(await readFile(meta)).toEqual(GARBAGE);
  });
});

describe('schema versions', () => {
  it('refuses a desk written by a newer Copydesk and leaves it alone', async () => {
    const dir = await tmp.make();
    await build(dir, [2]);
    const root = { ...(await readJson(rootPath(dir)) as object), schemaVersion: 99 };
    await writeFile(rootPath(dir), JSON.stringify(root));
    const err = await openFails(dir);
    expect(err.code).toBe('DESK_TOO_NEW');
    expect(err.message).toBe('desk format v99 was written by a newer Copydesk (this one reads up to v1)');
    expect(await readJson(rootPath(dir))).toEqual(root);
    expect(await corruptCopies(dir, 'desk.json')).toEqual([]);
  });

  it('migrate() runs injected steps in order and reports each', async () => {
    const calls: string[] = [];
    const step = (from: number, field: string): Migration => ({
      from,
      describe: `add ${field}`,
      run: async (_dir, root) => {
        calls.push(`${from}:${Object.keys(root).sort().join(',')}`);
        return { ...root, [field]: from };
      },
    });
    const steps = [step(2, 'c'), step(0, 'a'), step(1, 'b')];
    const { root, applied } = await migrate('/unused', { format: 'copydesk-desk', schemaVersion: 0 }, steps, 3);
    expect(applied).toEqual(['v0 → v1: add a', 'v1 → v2: add b', 'v2 → v3: add c']);
    expect(calls).toEqual(['0:format,schemaVersion', '1:a,format,schemaVersion', '2:a,b,format,schemaVersion']);
    expect(root).toEqual({ format: 'copydesk-desk', schemaVersion: 3, a: 0, b: 1, c: 2 });

    expect(await migrate('/unused', { schemaVersion: 3 }, steps, 3)).toEqual({ root: { schemaVersion: 3 }, applied: [] });
    await expect(migrate('/unused', { schemaVersion: 0 }, [step(0, 'a')], 3)).rejects.toMatchObject({ code: 'DESK_CORRUPT', message: 'no migration from desk format v1' });
    await expect(migrate('/unused', { schemaVersion: 4 }, steps, 3)).rejects.toMatchObject({ code: 'DESK_TOO_NEW' });
  });

  it('opening an older desk migrates it, commits the new root and keeps the old one as the backup', async () => {
    const dir = await tmp.make();
    const legacy = [makeRecord(0, { headline: 'Legacy one' }), makeRecord(1, { headline: 'Legacy two' })];
    const v0 = { format: 'copydesk-desk', schemaVersion: 0, created: '2024-05-01T00:00:00.000Z', articles: legacy };
    await writeFile(rootPath(dir), JSON.stringify(v0));
    let runs = 0;
    const toV1: Migration = {
      from: 0,
      describe: 'move articles into chunk files',
      run: async (d, root) => {
        runs++;
        const articles = root.articles as ArticleRecord[];
        await writeFileDurable(bodyPath(d, { id: 0, rev: 1 }), JSON.stringify({ chunk: 0, rev: 1, articles }));
        const { summarize } = await import('../../../electron/core/model.js');
        await writeFileDurable(metaPath(d, { id: 0, rev: 1 }), JSON.stringify({ chunk: 0, rev: 1, entries: articles.map((a) => summarize(a)) }));
        return { format: 'copydesk-desk', createdAt: root.created, generation: 0, nextSeq: articles.length, nextChunk: 1, chunks: [{ id: 0, rev: 1, count: articles.length }] };
      },
    };

    let desk = await open(dir, { migrations: [toV1] });
    expect(runs).toBe(1);
    expect(desk.notices).toEqual([{ code: 'migrated', message: `migrated ${rootPath(dir)}: v0 → v1: move articles into chunk files` }]);
    expect(desk.list().map((s) => s.headline)).toEqual(['Legacy one', 'Legacy two']);
    expect(await desk.get(legacy[1]!.id)).toEqual(legacy[1]);
    // Committed, not just migrated in memory: the file on disk is v1 and the v0 root is the last good copy.
    expect(RootSchema.parse(await readJson(rootPath(dir)))).toMatchObject({ schemaVersion: 1, createdAt: v0.created, nextSeq: 2 });
    expect(await readJson(rootBackupPath(dir))).toEqual(v0);
    await close(desk);

    // Opened again (even without the step), it is simply a v1 desk.
    desk = await open(dir);
    expect(runs).toBe(1);
    expect(desk.notices).toEqual([]);
    expect(desk.size).toBe(2);
    await desk.commit([makeRecord(desk.reserveSeq(), { headline: 'New after migration' })]);
    expect(desk.list().map((s) => s.seq)).toEqual([0, 1, 2]);
  });

  it('an older desk with no migration step is refused as DESK_CORRUPT', async () => {
    const dir = await tmp.make();
    await writeFile(rootPath(dir), JSON.stringify({ format: 'copydesk-desk', schemaVersion: 0 }));
    const err = await openFails(dir);
    expect(err).toMatchObject({ code: 'DESK_CORRUPT', message: expect.stringContaining('no migration from desk format v0') });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
