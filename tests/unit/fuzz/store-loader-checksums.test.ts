import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../electron/core/backup/create-backup.js';
import { runDoctor } from '../../../electron/core/doctor/run-doctor.js';
import { openDeskWithRecovery } from '../../../electron/core/backup/open-with-recovery.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { type Root, RootSchema, bodyPath, docsDir, rootBackupPath, rootPath } from '../../../electron/core/store/layout.js';
import { openDesks } from '../../support/open-desks.js';
import { edit, makeRecord } from '../../support/records.js';

/**
 * What the store-loader fuzzer (store-loader.test.ts) found the loader could not do before desk.json recorded the
 * size and SHA-256 of every file it names and sealed itself: damage that still parses. Each is the smallest
 * reproduction, written as the behaviour we want. See docs/RELIABILITY.md, "Damaged store files".
 */
const { tmp, open, close, opened, cleanup } = openDesks('copydesk-store-gaps-', { journal: false });
afterEach(cleanup);

const GARBAGE = Buffer.from([0x7b, 0x22, 0x00, 0xff, 0xfe, 0x13, 0x37, 0x0a]);
const readRoot = async (dir: string): Promise<Root> => RootSchema.parse(JSON.parse(await readFile(rootPath(dir), 'utf8')));

/** Eight articles in two chunks, then a correction of the first: chunk 0 is at r2, with r1 named by desk.json.bak. */
async function desk(): Promise<{ dir: string; ids: string[] }> {
  const dir = await tmp.make();
  const d = await open(dir, { chunkSize: 4 });
  const recs = Array.from({ length: 8 }, () => makeRecord(d.reserveSeq()));
  await d.commit(recs);
  await d.commit([{ ...recs[0]!, revisions: [edit('r1', 'headline', recs[0]!.original.headline, 'Corrected')] }]);
  await close(d);
  return { dir, ids: recs.map((r) => r.id) };
}

async function reads(d: Desk, id: string): Promise<unknown> {
  return d.get(id).catch((err: unknown) => err);
}

describe('damage that still parses, caught by checksums', () => {
  it('notices a damaged article file when its summary file is intact, and falls back to its previous revision', async () => {
    const { dir, ids } = await desk();
    const root = await readRoot(dir);
    await writeFile(bodyPath(dir, root.chunks[0]!), GARBAGE);
    const d = await open(dir, { chunkSize: 4 });
    const got = await reads(d, ids[1]!);
    expect(d.notices.map((n) => n.code)).toEqual(['recovered']);
    expect(d.notices[0]!.message).toMatch(/c0\.r2\.body\.json is 8 bytes; desk\.json says \d+; restored chunk 0 from its previous copy \(r1\)/);
    expect(got).toMatchObject({ id: ids[1] });
  });

  it('restores from a backup when an article file is damaged, its summary file is intact and no previous revision is left', async () => {
    const { dir, ids } = await desk();
    const d = await open(dir, { chunkSize: 4 });
    await createBackup(dir, { reason: 'manual', rotate: false });
    await close(d);
    const root = await readRoot(dir);
    await writeFile(bodyPath(dir, root.chunks[0]!), GARBAGE);
    await rename(rootBackupPath(dir), `${rootBackupPath(dir)}.gone`); // no previous revision to fall back to either
    const recovered = await openDeskWithRecovery(dir, { chunkSize: 4 });
    opened.push(recovered);
    expect(await reads(recovered, ids[1]!)).toMatchObject({ id: ids[1] });
  });

  it('notices a flipped bit inside an article’s text: reading it fails its checksum, with a notice', async () => {
    const { dir, ids } = await desk();
    const path = bodyPath(dir, (await readRoot(dir)).chunks[1]!);
    const text = await readFile(path, 'utf8');
    // 'S' (0x53) → 'Q' (0x51): one bit, inside a paragraph.
    await writeFile(path, text.replace('Second paragraph of article 5.', 'Qecond paragraph of article 5.'));
    const d = await open(dir, { chunkSize: 4 });
    const got = await reads(d, ids[5]!);
    expect(got).toMatchObject({ code: 'DESK_CORRUPT', message: `${path} does not match its checksum in desk.json (the file changed after it was written)` });
    expect(d.notices.map((n) => n.code)).toEqual(['damaged']);
  });

  it('notices desk.json and desk.json.bak swapped, and opens the newer', async () => {
    const { dir } = await desk();
    const [cur, bak] = [await readFile(rootPath(dir)), await readFile(rootBackupPath(dir))];
    await writeFile(rootPath(dir), bak);
    await writeFile(rootBackupPath(dir), cur);
    const d = await open(dir, { chunkSize: 4 });
    expect(d.list()[0]!.headline).toBe('Corrected');
    expect(d.notices).toEqual([{ code: 'recovered', message: expect.stringMatching(/desk\.json \(generation 1\) is older than .*desk\.json\.bak \(generation 2\).*opened the newer one/) }]);
    await close(d);
    expect((await readRoot(dir)).generation).toBe(2);
    expect((await open(dir, { chunkSize: 4 })).notices).toEqual([]);
  });

  it('refuses a desk.json naming one chunk twice (one bit turns chunk 1 into a second chunk 0)', async () => {
    const { dir } = await desk();
    // {"id":1,...} → {"id":0,...}: '1' (0x31) → '0' (0x30) is one bit.
    const text = await readFile(rootPath(dir), 'utf8');
    await writeFile(rootPath(dir), text.replace('{"id":1,', '{"id":0,'));
    const d = await Desk.open(dir, { chunkSize: 4, journal: false }).catch((err: unknown) => err);
    if (d instanceof Desk) opened.push(d);
    // The seal catches it first; with the seal removed, the schema refuses a chunk named twice.
    expect(d).toBeInstanceOf(Desk);
    expect((d as Desk).notices[0]!.message).toMatch(/desk\.json does not match its own checksum .*restored the desk from .*desk\.json\.bak/);
    expect(RootSchema.safeParse(JSON.parse(text.replace('{"id":1,', '{"id":0,'))).success).toBe(false);
  });

  it('refuses an article whose revisions fold to a wrongly typed field (it would import from a bundle, and then the list would fail)', async () => {
    const dir = await tmp.make();
    const d = await open(dir, { chunkSize: 4 });
    const rec = makeRecord(d.reserveSeq());
    // RevisionSchema leaves before/after unknown, and the fold casts: a `tags` revision whose value is an object is
    // valid to ArticleRecordSchema (and so to ArticleHistorySchema, which a bundle archive is checked against).
    const hostile = { ...rec, revisions: [edit('r1', 'tags', [], { evil: 1 })] };
    const committed = await d.commit([hostile]).then(() => 'stored', (err: unknown) => err);
    expect(committed, 'the store took a record whose history folds to tags that are not a list').not.toBe('stored');
  });

  it('keeps aside the intact files only a damaged desk.json named, instead of collecting them', async () => {
    const { dir } = await desk();
    const newest = bodyPath(dir, (await readRoot(dir)).chunks[0]!);
    await writeFile(rootPath(dir), GARBAGE);
    const d = await open(dir, { chunkSize: 4 });
    expect(d.notices.map((n) => n.code)).toEqual(['recovered']);
    // The only copy of the last change: kept aside with the damaged desk.json, and doctor says what it is.
    const left = await readdir(docsDir(dir));
    const kept = left.filter((n) => n.startsWith(`${newest.split('/').pop()}.kept-`));
    expect(kept).toHaveLength(1);
    await close(d);
    const report = await runDoctor(dir);
    expect(report.problems).toContainEqual(expect.objectContaining({ file: join('docs', kept[0]!), problem: expect.stringMatching(/restored from desk\.json\.bak; it may hold the last change/) as string }));
    expect(await readdir(docsDir(dir))).toContain(kept[0]);
  });
});
