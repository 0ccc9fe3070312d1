import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../electron/core/backup/create-backup.js';
import { restoreBackup } from '../../../electron/core/backup/restore-backup.js';
import { runDoctor } from '../../../electron/core/doctor/run-doctor.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { bodyText, lineIndex, lineIntact, lineSpan, parseLine } from '../../../electron/core/store/body-file.js';
import { checkOf } from '../../../electron/core/store/file-check.js';
import { MetaDocSchema, type Root, bodyPath, metaPath, rootPath } from '../../../electron/core/store/layout.js';
import { makeRng } from '../../support/seed-corpus.js';
import { openDesks } from '../../support/open-desks.js';
import { edit, makeRecord } from '../../support/records.js';
import { writeRootJson } from '../../support/store-files.js';
import { readRoot } from '../backup/fixtures.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-lines-');
afterEach(cleanup);

const CHUNK = 8;
/** Text that is not all ASCII, so byte offsets and character offsets differ. */
const WORDS = ['Seoul', 'سيول', '서울', 'Zürich', 'naïve', '“quoted”', 'emoji 🗞', 'line\\nbreak', 'tab\there'];

function variedRecord(seq: number, rng: ReturnType<typeof makeRng>): ArticleRecord {
  const rec = makeRecord(seq);
  const paragraphs = Array.from({ length: rng.int(1, 6) }, () => Array.from({ length: rng.int(1, 40) }, () => rng.pick(WORDS)).join(' '));
  return { ...rec, original: { ...rec.original, paragraphs } };
}

/** A closed desk of `n` varied articles in chunks of CHUNK, and the records as committed. */
async function closedDesk(n: number): Promise<{ dir: string; recs: ArticleRecord[] }> {
  const dir = await tmp.make();
  const desk = await open(dir, { chunkSize: CHUNK });
  const rng = makeRng(n);
  const recs = Array.from({ length: n }, () => variedRecord(desk.reserveSeq(), rng));
  await desk.commit(recs);
  await close(desk);
  return { dir, recs };
}

/** Rewrites a meta file as the store would (its checksum in a resealed root): a legitimate state, not damage. */
async function rewriteMeta(dir: string, chunk: number, change: (meta: Record<string, unknown>) => void): Promise<void> {
  const root = JSON.parse(await readFile(rootPath(dir), 'utf8')) as Root;
  const ref = root.chunks.find((c) => c.id === chunk)!;
  const meta = JSON.parse(await readFile(metaPath(dir, ref), 'utf8')) as Record<string, unknown>;
  change(meta);
  const bytes = Buffer.from(JSON.stringify(meta));
  await writeFile(metaPath(dir, ref), bytes);
  ref.meta = checkOf(bytes);
  await writeRootJson(rootPath(dir), root);
}

/** Flips a bit inside article `at`'s text in chunk 0's body: still valid JSON, so only a checksum can tell. */
async function damageLine(dir: string, at: number): Promise<string> {
  const ref = (await readRoot(dir)).chunks[0]!;
  const bytes = await readFile(bodyPath(dir, ref));
  const span = lineSpan(lineIndex(bytes, ref.count), at)!;
  const pos = bytes.indexOf('paragraphs', span.offset) + 20;
  bytes[pos] = bytes[pos]! ^ 0x01;
  await writeFile(bodyPath(dir, ref), bytes);
  return bodyPath(dir, ref);
}

describe('the line index of a body file', () => {
  it('finds every article line, byte for byte, with a CRC-32 that holds', () => {
    const rng = makeRng(3);
    for (const n of [1, 2, 7, 64]) {
      const articles = Array.from({ length: n }, (_, i) => variedRecord(i, rng));
      const bytes = Buffer.from(bodyText({ chunk: 0, rev: 1, articles }));
      const index = lineIndex(bytes, n);
      articles.forEach((a, i) => {
        const span = lineSpan(index, i)!;
        const line = bytes.subarray(span.offset, span.offset + span.length);
        expect(lineIntact(line, span)).toBe(true);
        expect(parseLine(line, a.id)).toEqual(a);
      });
      expect(lineSpan(index, n)).toBeNull();
    }
  });

  it('is empty for a body written on one line (before the layout), and a span is null for junk', () => {
    const articles = [makeRecord(0), makeRecord(1)];
    expect(lineIndex(Buffer.from(JSON.stringify({ chunk: 0, rev: 1, articles })), 2)).toBe('');
    expect(lineSpan('', 0)).toBeNull();
    expect(lineSpan('1.2', 0)).toBeNull();
    expect(lineSpan('a.b.zzzzzzzzzzzzzzzzzzzzzzzz', 0)).toBeNull();
  });

  it('is recorded in each meta file the store writes, matching its body', async () => {
    const { dir } = await closedDesk(20);
    for (const ref of (await readRoot(dir)).chunks) {
      const meta = MetaDocSchema.parse(JSON.parse(await readFile(metaPath(dir, ref), 'utf8')));
      expect(meta.lines).toBe(lineIndex(await readFile(bodyPath(dir, ref)), ref.count));
      expect(meta.lines!.split(' ')).toHaveLength(ref.count);
    }
  });
});

describe('reading articles by their lines', () => {
  it('gives what was committed, one at a time and many at once, in the order asked', async () => {
    const { dir, recs } = await closedDesk(30);
    const desk = await open(dir, { chunkSize: CHUNK });
    for (const r of recs) expect(await desk.get(r.id)).toEqual(r);
    const rng = makeRng(11);
    for (let k = 0; k < 20; k++) {
      const some = Array.from({ length: rng.int(1, 12) }, () => rng.pick(recs));
      const got = await desk.getMany([...some.map((r) => r.id), 'nope']);
      expect([...got.keys()]).toEqual([...new Set(some.map((r) => r.id))]);
      for (const r of some) expect(got.get(r.id)).toEqual(r);
    }
    expect(desk.notices).toEqual([]);
  });

  it('gives the journalled version of an article over its line', async () => {
    const { dir, recs } = await closedDesk(10);
    const desk = await open(dir, { chunkSize: CHUNK });
    const r = recs[3]!;
    const next = { ...r, revisions: [edit('r1', 'headline', r.original.headline, 'Corrected')] };
    await desk.commit([next]);
    expect(await desk.get(r.id)).toEqual(next);
    expect((await desk.getMany([recs[2]!.id, r.id])).get(r.id)).toEqual(next);
  });

  it('reads an article whose own line is intact though another line of its file is damaged, and refuses the damaged one', async () => {
    const { dir, recs } = await closedDesk(CHUNK);
    const path = await damageLine(dir, 5);
    const desk = await open(dir, { chunkSize: CHUNK });
    expect(await desk.get(recs[2]!.id)).toEqual(recs[2]);
    await expect(desk.get(recs[5]!.id)).rejects.toMatchObject({ code: 'DESK_CORRUPT', message: expect.stringMatching(/does not match its checksum/) });
    expect(desk.notices).toEqual([expect.objectContaining({ code: 'damaged', message: expect.stringContaining(path) })]);
  });

  it('keeps an edit to an intact article of a damaged file across checkpoints, and the desk keeps opening', async () => {
    const { dir, recs } = await closedDesk(2 * CHUNK);
    const path = await damageLine(dir, 5);
    let desk = await open(dir, { chunkSize: CHUNK });
    const r = recs[2]!;
    const edited = { ...r, revisions: [edit('r1', 'headline', r.original.headline, 'Corrected headline')] };
    const other = recs[CHUNK + 1]!;
    const editedOther = { ...other, revisions: [edit('r1', 'headline', other.original.headline, 'Other chunk')] };
    await desk.commit([edited]);
    await desk.commit([editedOther]);
    // The checkpoint writes the intact chunk and carries the other change into the next journal.
    await desk.flush();
    expect(desk.notices).toEqual([expect.objectContaining({ code: 'damaged', message: expect.stringContaining(path) })]);
    await close(desk);

    for (let round = 0; round < 2; round++) {
      desk = await open(dir, { chunkSize: CHUNK });
      expect(await desk.get(r.id)).toEqual(edited);
      expect(await desk.get(other.id)).toEqual(editedOther);
      expect(desk.summary(r.id)?.headline).toBe('Corrected headline');
      await expect(desk.get(recs[5]!.id)).rejects.toMatchObject({ code: 'DESK_CORRUPT' });
      expect(desk.notices).toContainEqual(expect.objectContaining({ code: 'damaged' }));
      await close(desk);
    }
    // The intact chunk was checkpointed: its file holds the other edit.
    const root = await readRoot(dir);
    expect(root.chunks[1]!.rev).toBeGreaterThan(1);
    expect(await readFile(bodyPath(dir, root.chunks[1]!), 'utf8')).toContain('Other chunk');
  });

  it('a change not yet acknowledged to an article of a damaged file is refused, not carried', async () => {
    const { dir, recs } = await closedDesk(CHUNK);
    await damageLine(dir, 5);
    const desk = await open(dir, { chunkSize: CHUNK, journal: false });
    const r = recs[2]!;
    await expect(desk.commit([{ ...r, revisions: [edit('r1', 'headline', r.original.headline, 'X')] }])).rejects.toMatchObject({ code: 'DESK_CORRUPT' });
    expect(await desk.get(r.id)).toEqual(r);
  });

  it('falls back to the whole file when the index does not describe it, and reads the same articles', async () => {
    const { dir, recs } = await closedDesk(CHUNK);
    await rewriteMeta(dir, 0, (meta) => {
      const spans = (meta.lines as string).split(' ');
      meta.lines = [spans[1], spans[0], ...spans.slice(2)].join(' ');
    });
    const desk = await open(dir, { chunkSize: CHUNK });
    for (const r of recs) expect(await desk.get(r.id)).toEqual(r);
    expect(desk.notices).toEqual([]);
  });

  it('reads a chunk whose meta file has no index (written before there was one) from the whole file', async () => {
    const { dir, recs } = await closedDesk(CHUNK);
    await rewriteMeta(dir, 0, (meta) => delete meta.lines);
    const desk = await open(dir, { chunkSize: CHUNK });
    for (const r of recs) expect(await desk.get(r.id)).toEqual(r);
    expect(desk.notices).toEqual([]);
    await close(desk);
    expect((await runDoctor(dir)).problems).toEqual([]);
  });

  it('a restored backup has line indexes that match its renumbered files', async () => {
    const { dir, recs } = await closedDesk(20);
    const { id } = await createBackup(dir, { reason: 'manual' });
    await restoreBackup(dir, id);
    for (const ref of (await readRoot(dir)).chunks) {
      const meta = MetaDocSchema.parse(JSON.parse(await readFile(metaPath(dir, ref), 'utf8')));
      expect(meta.lines).toBe(lineIndex(await readFile(bodyPath(dir, ref)), ref.count));
      expect(meta.lines!.split(' ')).toHaveLength(ref.count);
    }
    // The restore leaves the desk's old revisions for the next open (or doctor) to collect; nothing else is wrong.
    const problems = (await runDoctor(dir)).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !/is not used by the desk/.test(p.problem))).toEqual([]);
    const desk = await open(dir, { chunkSize: CHUNK });
    for (const r of recs) expect(await desk.get(r.id)).toEqual(r);
  });

  it('doctor rebuilds a meta file whose index does not match its body', async () => {
    const { dir } = await closedDesk(CHUNK);
    await rewriteMeta(dir, 0, (meta) => {
      meta.lines = (meta.lines as string).replace(/^\S+/, '0.1.0');
    });
    const report = await runDoctor(dir);
    expect(report.problems).toEqual([expect.objectContaining({ problem: expect.stringMatching(/line index that does not match/), fixed: true })]);
    const ref = (await readRoot(dir)).chunks[0]!;
    expect(MetaDocSchema.parse(JSON.parse(await readFile(metaPath(dir, ref), 'utf8'))).lines).toBe(lineIndex(await readFile(bodyPath(dir, ref)), CHUNK));
    expect((await runDoctor(dir)).problems).toEqual([]);
  });
});
