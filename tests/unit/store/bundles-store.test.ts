import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as ops from '../../../electron/core/bundles/bundle-operations.js';
import type { BundleRecord } from '../../../electron/core/bundles/bundle-record.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { BundlesDocSchema, RootSchema, bundlesPath, docsDir, rootBackupPath, rootPath } from '../../../electron/core/store/layout.js';
import { makeRecord, withParagraph } from '../../support/records.js';
import { writeRootJson } from '../../support/store-files.js';
import { openDesks } from '../../support/open-desks.js';

const { tmp, open, close, opened, cleanup } = openDesks('copydesk-bundles-store-', { journal: false });
afterEach(cleanup);

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));
const readRoot = async (dir: string) => RootSchema.parse(await readJson(rootPath(dir)));
const bundleFiles = async (dir: string) => (await readdir(docsDir(dir))).filter((n) => n.startsWith('bundles.')).sort();
const actor = { editor: 'Ana', now: '2026-02-01T00:00:00.000Z' };

function bundle(n: number, articleIds: string[]): BundleRecord {
  return ops.createBundle(`b${String(n).padStart(10, '0')}`, { name: `Bundle ${n}`, description: '', articleIds }, actor);
}

/** A desk with three articles and one bundle of the first two, committed together. */
async function deskWithBundle(dir: string): Promise<{ desk: Desk; recs: ArticleRecord[]; first: BundleRecord }> {
  const desk = await open(dir);
  const recs = [0, 1, 2].map(() => makeRecord(desk.reserveSeq()));
  const first = bundle(1, [recs[0]!.id, recs[1]!.id]);
  await desk.commit(recs, { bundles: [first] });
  return { desk, recs, first };
}

describe('bundles in the store', () => {
  it('survive reopening, in the order they were made, with the root naming their file', async () => {
    const dir = await tmp.make();
    const { desk, recs, first } = await deskWithBundle(dir);
    expect(await readRoot(dir)).toMatchObject({ generation: 1, bundles: { rev: 1 }, chunks: [{ id: 0, rev: 1, count: 3 }] });
    expect(await bundleFiles(dir)).toEqual(['bundles.r1.json']);

    const second = bundle(2, [recs[2]!.id]);
    const renamed = ops.updateBundle(first, { name: 'Renamed' }, actor);
    await desk.commit([], { bundles: [second] });
    await desk.commit([], { bundles: [renamed] });
    expect(desk.bundles()).toEqual([renamed, second]);
    expect(desk.bundle(second.id)).toEqual(second);
    expect(desk.bundle('b-none')).toBeUndefined();
    // The article chunks were not rewritten for bundle-only changes; the superseded bundles file was collected.
    expect(await readRoot(dir)).toMatchObject({ generation: 3, bundles: { rev: 3 }, chunks: [{ id: 0, rev: 1, count: 3 }] });
    expect(await bundleFiles(dir)).toEqual(['bundles.r2.json', 'bundles.r3.json']);
    await close(desk);

    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(again.bundles()).toEqual([renamed, second]);
    expect(BundlesDocSchema.parse(await readJson(bundlesPath(dir, { rev: 3 })))).toEqual({ rev: 3, bundles: [renamed, second] });
    expect(again.list().map((s) => s.id)).toEqual(recs.map((r) => r.id));
  });

  it('a desk whose root predates bundles opens with none, and a commit without bundles keeps the file', async () => {
    const dir = await tmp.make();
    let desk = await open(dir);
    await desk.commit([makeRecord(desk.reserveSeq())]);
    await close(desk);
    const { bundles: _gone, ...old } = (await readJson(rootPath(dir))) as Record<string, unknown>;
    await writeRootJson(rootPath(dir), old);

    desk = await open(dir);
    expect(desk.notices).toEqual([]);
    expect(desk.bundles()).toEqual([]);
    const b = bundle(1, [desk.list()[0]!.id]);
    await desk.commit([], { bundles: [b] });
    await desk.commit([withParagraph((await desk.get(desk.list()[0]!.id))!, 'Edited.')]);
    expect(await readRoot(dir)).toMatchObject({ bundles: { rev: 1 } });
    await close(desk);
    expect((await open(dir)).bundles()).toEqual([b]);
  });
});

describe('one transaction for articles and bundles', () => {
  async function memory(desk: Desk, ids: string[]) {
    return { list: structuredClone(desk.list()), bundles: structuredClone(desk.bundles()), records: await Promise.all(ids.map((id) => desk.get(id))) };
  }

  it('lands both, or (failing while writing files) neither, on disk and in memory', async () => {
    const dir = await tmp.make();
    const { desk, recs, first } = await deskWithBundle(dir);
    const extra = makeRecord(desk.reserveSeq(), { headline: 'Arrives with its bundle' });
    const ids = [...recs.map((r) => r.id), extra.id];
    const withExtra = ops.addToBundle(first, [extra.id], 0, actor).record;
    const rootBefore = await readFile(rootPath(dir), 'utf8');
    const mem = await memory(desk, ids);

    await rename(docsDir(dir), `${docsDir(dir)}.away`);
    await writeFile(docsDir(dir), 'not a folder');
    const err = await desk.commit([extra], { bundles: [withExtra] }).catch((e: unknown) => e);
    await rm(docsDir(dir));
    await rename(`${docsDir(dir)}.away`, docsDir(dir));
    expect((err as NodeJS.ErrnoException).code).toBe('ENOTDIR');
    expect(await readFile(rootPath(dir), 'utf8')).toBe(rootBefore);
    expect(await memory(desk, ids)).toEqual(mem);

    await desk.commit([extra], { bundles: [withExtra] });
    expect(desk.bundle(first.id)?.articleIds).toEqual([extra.id, recs[0]!.id, recs[1]!.id]);
    await close(desk);
    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(await again.get(extra.id)).toEqual(extra);
    expect(again.bundles()).toEqual([withExtra]);
  });

  it('failing at the root leaves the old root, memory unchanged, and the half-made bundles file is collected', async () => {
    const dir = await tmp.make();
    const { desk, recs, first } = await deskWithBundle(dir);
    const edited = withParagraph(recs[2]!, 'Lost edit.');
    const gone = ops.deleteBundle(first, actor);
    const rootBefore = await readFile(rootPath(dir), 'utf8');
    const mem = await memory(desk, recs.map((r) => r.id));

    await rm(rootBackupPath(dir), { force: true });
    await mkdir(join(rootBackupPath(dir), 'blocker'), { recursive: true });
    const err = await desk.commit([edited], { bundles: [gone] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(await readFile(rootPath(dir), 'utf8')).toBe(rootBefore);
    expect(await memory(desk, recs.map((r) => r.id))).toEqual(mem);
    expect(desk.bundle(first.id)?.deleted).toBe(false);
    await rm(rootBackupPath(dir), { recursive: true });
    await close(desk);

    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(again.bundles()).toEqual([first]);
    expect(await again.get(recs[2]!.id)).toEqual(recs[2]);
    expect(await bundleFiles(dir)).toEqual(['bundles.r1.json']);
  });
});

describe('a damaged bundles file', () => {
  const GARBAGE = '{"rev": 2, "bundles": [';

  it('falls back to the previous revision with a notice, keeping the damaged file', async () => {
    const dir = await tmp.make();
    const { desk, first } = await deskWithBundle(dir);
    await desk.commit([], { bundles: [ops.updateBundle(first, { name: 'The lost rename' }, actor)] });
    await close(desk);
    await writeFile(bundlesPath(dir, { rev: 2 }), GARBAGE);

    const again = await open(dir);
    expect(again.notices).toEqual([
      { code: 'recovered', message: expect.stringMatching(new RegExp(`^${escape(bundlesPath(dir, { rev: 2 }))} is 23 bytes; desk\\.json says \\d+; restored the bundles from their previous copy \\(r1, 1 bundle\\); the last change to bundles may be missing$`)) },
    ]);
    expect(again.bundles()).toEqual([first]);
    expect(await readRoot(dir)).toMatchObject({ bundles: { rev: 1 } });
    const kept = (await readdir(docsDir(dir))).filter((n) => n.startsWith('bundles.r2.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(docsDir(dir), kept[0]!), 'utf8')).toBe(GARBAGE);

    // Work goes on from the restored revision.
    const b2 = bundle(2, []);
    await again.commit([], { bundles: [b2] });
    await close(again);
    const third = await open(dir);
    expect(third.notices).toEqual([]);
    expect(third.bundles()).toEqual([first, b2]);
  });

  it('whose history disagrees with its stored state counts as damaged; the previous root may have had no bundles', async () => {
    const dir = await tmp.make();
    let desk = await open(dir);
    await desk.commit([makeRecord(desk.reserveSeq())]);
    const b = bundle(1, []);
    await desk.commit([], { bundles: [b] });
    await close(desk);
    // A root from before checksums (the file's checksum would catch the edit first): the content check still holds.
    const root = (await readJson(rootPath(dir))) as { bundles: { rev: number; file?: unknown } };
    await writeRootJson(rootPath(dir), { ...root, bundles: { rev: root.bundles.rev } });
    await writeFile(bundlesPath(dir, { rev: 1 }), JSON.stringify({ rev: 1, bundles: [{ ...b, name: 'Edited by hand' }] }));

    desk = await open(dir);
    expect(desk.notices).toEqual([
      {
        code: 'recovered',
        message: `${bundlesPath(dir, { rev: 1 })} does not match the desk format at bundles.0: bundle ${b.id} does not match its own history; restored the bundles as they were before the first one was made (none); the last change to bundles may be missing`,
      },
    ]);
    expect(desk.bundles()).toEqual([]);
    expect(desk.size).toBe(1);
    expect(await readRoot(dir)).toMatchObject({ bundles: null });
  });

  it('with no earlier copy fails with DESK_CORRUPT naming the file', async () => {
    const dir = await tmp.make();
    const { desk } = await deskWithBundle(dir);
    await desk.commit([makeRecord(desk.reserveSeq())]);
    await close(desk);
    // Both roots name bundles r1 now, so there is no other copy to go back to.
    await writeFile(bundlesPath(dir, { rev: 1 }), JSON.stringify({ rev: 7, bundles: [] }));
    const err = await open(dir).catch((e: unknown) => e);
    opened.splice(0);
    expect(err).toBeInstanceOf(DeskError);
    expect(err).toMatchObject({ code: 'DESK_CORRUPT', message: expect.stringMatching(new RegExp(`^${escape(bundlesPath(dir, { rev: 1 }))} is \\d+ bytes; desk\\.json says \\d+; no earlier good copy of the bundles is left$`)) as string });
    expect(await readdir(dir)).not.toContain('desk.lock');
  });
});

describe('garbage collection', () => {
  it('keeps the live and previous bundles files, and removes strays and superseded revisions', async () => {
    const dir = await tmp.make();
    const { desk, first } = await deskWithBundle(dir);
    await desk.commit([], { bundles: [ops.updateBundle(first, { description: 'two' }, actor)] });
    await close(desk);
    await writeFile(bundlesPath(dir, { rev: 9 }), JSON.stringify({ rev: 9, bundles: [] }));
    await writeFile(join(docsDir(dir), 'bundles.r3.json.4242.beef.tmp'), '{');

    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(await bundleFiles(dir)).toEqual(['bundles.r1.json', 'bundles.r2.json']);
    await again.commit([], { bundles: [ops.updateBundle(again.bundle(first.id)!, { description: 'three' }, actor)] });
    expect(await bundleFiles(dir)).toEqual(['bundles.r2.json', 'bundles.r3.json']);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
