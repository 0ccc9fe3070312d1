import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { BodyDocSchema, MetaDocSchema, RootSchema, bodyPath, docsDir, rootBackupPath, rootPath } from '../../../electron/core/store/layout.js';
import { makeRecord, withParagraph, edit } from '../../support/records.js';
import { openDesks } from '../../support/open-desks.js';
import { refOnly, writeRootJson } from '../../support/store-files.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-store-', { journal: false });
afterEach(cleanup);

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));
const readRoot = async (dir: string) => RootSchema.parse(await readJson(rootPath(dir)));

/** Every file under the desk with its inode, size, mtime and content hash: equal snapshots mean nothing was written. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string, rel: string): Promise<void> => {
    for (const name of (await readdir(d)).sort()) {
      const st = await stat(join(d, name), { bigint: true });
      if (st.isDirectory()) await walk(join(d, name), `${rel}${name}/`);
      else out[`${rel}${name}`] = `${st.ino}:${st.size}:${st.mtimeNs}:${createHash('sha1').update(await readFile(join(d, name))).digest('hex')}`;
    }
  };
  await walk(dir, '');
  return out;
}

async function records(desk: Desk, n: number, from = 0): Promise<ArticleRecord[]> {
  return Array.from({ length: n }, (_, i) => makeRecord(desk.reserveSeq(), { headline: `Story ${from + i}` }));
}

describe('opening a desk', () => {
  it('creates desk.json with an empty root and says so', async () => {
    const dir = join(await tmp.make(), 'new-desk');
    const desk = await open(dir);
    expect(desk.notices).toEqual([{ code: 'created', message: `created a new desk at ${dir}` }]);
    expect(desk.size).toBe(0);
    expect(desk.list()).toEqual([]);
    const root = await readRoot(dir);
    expect(root).toMatchObject({ format: 'copydesk-desk', schemaVersion: 1, generation: 0, nextSeq: 0, nextChunk: 0, chunks: [] });
    expect((await readdir(dir)).sort()).toEqual(['desk.json', 'desk.lock', 'docs']);
    expect(await readdir(docsDir(dir))).toEqual([]);

    await close(desk);
    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(await readRoot(dir)).toEqual(root);
  });
});

describe('commit and reopen', () => {
  it('returns the same records, listed in import order', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    const first = await records(desk, 3);
    const second = await records(desk, 4, 3);
    // Committed out of order: the list follows seq, not commit order or position in the chunk.
    await desk.commit([second[2]!, second[0]!, second[3]!, second[1]!]);
    await desk.commit([first[1]!, first[0]!, first[2]!]);
    const all = [...first, ...second];
    expect(desk.list().map((s) => s.id)).toEqual(all.map((r) => r.id));
    await close(desk);

    const reopened = await open(dir);
    expect(reopened.notices).toEqual([]);
    expect(reopened.size).toBe(7);
    expect(reopened.list().map((s) => s.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(reopened.list().map((s) => s.headline)).toEqual(all.map((r) => r.original.headline));
    for (const rec of all) expect(await reopened.get(rec.id)).toEqual(rec);
    expect(await reopened.get('no-such-id')).toBeNull();
    expect(reopened.summary(all[4]!.id)).toMatchObject({ id: all[4]!.id, seq: 4, headline: 'Story 4', status: 'new', warningCount: 0 });
    expect(reopened.fromFile('store-test.txt').map((s) => s.id).sort()).toEqual(all.map((r) => r.id).sort());

    const root = await readRoot(dir);
    expect(root).toMatchObject({ generation: 2, nextSeq: 7, nextChunk: 1, chunks: [{ id: 0, rev: 2, count: 7 }] });
  });

  it('replaces a record with the same id instead of adding one', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    const [a, b] = await records(desk, 2);
    await desk.commit([a!, b!]);
    const edited = { ...withParagraph(a!, 'A corrected first paragraph.'), revisions: [edit('r1', 'status', 'new', 'approved'), edit('r2', 'tags', [], ['economy'])] };
    await desk.commit([edited]);
    expect(desk.size).toBe(2);
    expect(desk.summary(a!.id)).toMatchObject({ status: 'approved', tags: ['economy'] });
    await close(desk);
    const reopened = await open(dir);
    expect(reopened.size).toBe(2);
    expect(await reopened.get(a!.id)).toEqual(edited);
    expect(reopened.list().map((s) => s.id)).toEqual([a!.id, b!.id]);
  });

  it('writes nothing for an empty commit', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await desk.commit(await records(desk, 2));
    const before = await snapshot(dir);
    await desk.commit([]);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('chunking', () => {
  it('spreads 30 articles over chunks of 4 and rewrites only the touched chunk plus the root', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 4 });
    const recs = await records(desk, 30);
    await desk.commit(recs);
    const root1 = await readRoot(dir);
    expect(root1.chunks.map(refOnly)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, rev: 1, count: id < 7 ? 4 : 2 })));
    expect(root1.nextChunk).toBe(8);
    const files1 = (await readdir(docsDir(dir))).sort();
    expect(files1).toEqual([0, 1, 2, 3, 4, 5, 6, 7].flatMap((c) => [`c${c}.r1.body.json`, `c${c}.r1.meta.json`]).sort());
    for (let c = 0; c < 8; c++) {
      const body = BodyDocSchema.parse(await readJson(bodyPath(dir, { id: c, rev: 1 })));
      expect(body.articles.map((a) => a.seq)).toEqual(recs.slice(c * 4, c * 4 + 4).map((r) => r.seq));
    }
    await close(desk);

    desk = await open(dir, { chunkSize: 4 });
    const before = await snapshot(dir);
    // Story 13 lives in chunk 3 (articles 12–15).
    const edited = withParagraph((await desk.get(recs[13]!.id))!, 'Rewritten by the desk.');
    await desk.commit([edited]);
    const after = await snapshot(dir);

    const added = Object.keys(after).filter((f) => !(f in before)).sort();
    const changed = Object.keys(before).filter((f) => f in after && after[f] !== before[f]).sort();
    const removed = Object.keys(before).filter((f) => !(f in after));
    expect(added).toEqual(['docs/c3.r2.body.json', 'docs/c3.r2.meta.json']);
    expect(changed).toEqual(['desk.json', 'desk.json.bak']);
    expect(removed).toEqual([]);
    // The backup is the previous root itself (a hard link to its inode), not a copy.
    expect(after['desk.json.bak']).toBe(before['desk.json']);

    const root2 = await readRoot(dir);
    expect(root2.generation).toBe(root1.generation + 1);
    expect(root2.chunks.filter((c) => c.rev !== 1).map(refOnly)).toEqual([{ id: 3, rev: 2, count: 4 }]);
    expect(RootSchema.parse(await readJson(rootBackupPath(dir)))).toEqual(root1);
    const meta = MetaDocSchema.parse(await readJson(join(docsDir(dir), 'c3.r2.meta.json')));
    expect(meta.entries.map((e) => e.id)).toEqual(recs.slice(12, 16).map((r) => r.id));

    // A second edit elsewhere supersedes the root that referenced c3.r1, so c3.r1 goes; c3.r2 and c0.r2 stay.
    await desk.commit([withParagraph(recs[1]!, 'Also rewritten.')]);
    const files3 = (await readdir(docsDir(dir))).sort();
    expect(files3).not.toContain('c3.r1.body.json');
    expect(files3).not.toContain('c3.r1.meta.json');
    expect(files3).toEqual(expect.arrayContaining(['c0.r1.body.json', 'c0.r2.body.json', 'c0.r2.meta.json', 'c3.r2.body.json']));
    expect(files3).toHaveLength(2 * 8 + 2);
    await close(desk);

    desk = await open(dir, { chunkSize: 4 });
    expect(desk.notices).toEqual([]);
    expect(desk.list().map((s) => s.id)).toEqual(recs.map((r) => r.id));
    expect(await desk.get(recs[13]!.id)).toEqual(edited);
    expect((await desk.get(recs[1]!.id))!.original.paragraphs[0]).toBe('Also rewritten.');
    expect((await desk.get(recs[29]!.id))).toEqual(recs[29]);
  });

  it('fills the last chunk before starting a new one', async () => {
    const dir = await tmp.make();
    const desk = await open(dir, { chunkSize: 4 });
    await desk.commit(await records(desk, 3));
    await desk.commit(await records(desk, 3, 3));
    expect((await readRoot(dir)).chunks.map(refOnly)).toEqual([{ id: 0, rev: 2, count: 4 }, { id: 1, rev: 1, count: 2 }]);
  });

  it('opens from the meta files alone, but a body of the wrong size is caught at open and fails it when no earlier copy is left', async () => {
    const dir = await tmp.make();
    const desk = await open(dir, { chunkSize: 4 });
    const recs = await records(desk, 12);
    await desk.commit(recs);
    await close(desk);
    await writeFile(bodyPath(dir, { id: 2, rev: 1 }), '\u0000garbage');
    const err = await Desk.open(dir, { chunkSize: 4, journal: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect(err).toMatchObject({ code: 'DESK_CORRUPT' });
    expect((err as Error).message).toMatch(/c2\.r1\.body\.json is 8 bytes; desk\.json says \d+; no earlier good copy of chunk 2 is left$/);
  });

  it('a body with its size intact but other bytes (one flipped bit) opens; reading it fails its checksum, with a notice naming the file', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 4 });
    const recs = await records(desk, 12);
    await desk.commit(recs);
    await close(desk);
    const path = bodyPath(dir, { id: 2, rev: 1 });
    const bytes = await readFile(path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await writeFile(path, bytes);

    desk = await open(dir, { chunkSize: 4 });
    expect(desk.notices).toEqual([]);
    expect(desk.size).toBe(12);
    expect(await desk.get(recs[0]!.id)).toEqual(recs[0]);
    const err = await desk.get(recs[9]!.id).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DESK_CORRUPT', message: `${path} does not match its checksum in desk.json (the file changed after it was written)` });
    expect(desk.notices).toEqual([{ code: 'damaged', message: expect.stringContaining(`${path} does not match its checksum`) as string }]);
    await desk.get(recs[10]!.id).catch(() => undefined);
    expect(desk.notices).toHaveLength(1);
  });
});

describe('garbage collection at open', () => {
  it('removes leftovers of interrupted writes and unreferenced revisions, but keeps *.corrupt-* files', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 4 });
    const recs = await records(desk, 6);
    await desk.commit(recs);
    await close(desk);
    const live = (await readdir(docsDir(dir))).sort();
    const docs = docsDir(dir);
    await writeFile(join(docs, 'c0.r2.body.json'), JSON.stringify({ chunk: 0, rev: 2, articles: [] }));
    await writeFile(join(docs, 'c7.r1.meta.json'), '{"half');
    await writeFile(join(docs, 'c1.r2.meta.json.4242.deadbeef.tmp'), '{"chunk":');
    await writeFile(join(docs, 'stray.txt'), 'x');
    await writeFile(join(docs, 'c0.r1.meta.json.corrupt-1700000000000'), 'kept for a human');
    await writeFile(join(dir, 'desk.json.4242.deadbeef.tmp'), '{');
    await writeFile(join(dir, 'desk.lock.4242.deadbeef.tmp'), '');

    desk = await open(dir, { chunkSize: 4 });
    expect(desk.notices).toEqual([]);
    expect((await readdir(docs)).sort()).toEqual([...live, 'c0.r1.meta.json.corrupt-1700000000000'].sort());
    expect((await readdir(dir)).sort()).toEqual(['desk.json', 'desk.json.bak', 'desk.lock', 'docs']);
    expect(desk.list().map((s) => s.id)).toEqual(recs.map((r) => r.id));
  });
});

describe('a failed commit', () => {
  async function deskWithFive(dir: string) {
    const desk = await open(dir, { chunkSize: 4 });
    const recs = await records(desk, 5);
    await desk.commit(recs.slice(0, 3));
    await desk.commit(recs.slice(3));
    return { desk, recs };
  }

  async function memory(desk: Desk, ids: string[]) {
    return { list: structuredClone(desk.list()), size: desk.size, records: await Promise.all(ids.map((id) => desk.get(id))) };
  }

  it('failing while writing chunks (docs/ replaced by a file) changes neither disk nor memory', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskWithFive(dir);
    const extra = makeRecord(desk.reserveSeq(), { headline: 'Never lands' });
    const ids = [...recs.map((r) => r.id), extra.id];
    const disk = await snapshot(dir);
    const mem = await memory(desk, ids);

    await rename(docsDir(dir), `${docsDir(dir)}.away`);
    await writeFile(docsDir(dir), 'not a folder');
    const err = await desk.commit([withParagraph(recs[0]!, 'Lost edit.'), extra]).catch((e: unknown) => e);
    await rm(docsDir(dir));
    await rename(`${docsDir(dir)}.away`, docsDir(dir));

    expect(err).toBeInstanceOf(Error);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOTDIR');
    expect(await snapshot(dir)).toEqual(disk);
    expect(await memory(desk, ids)).toEqual(mem);
    expect(desk.summary(extra.id)).toBeUndefined();

    // The desk still works, and the next commit is whole.
    await desk.commit([extra]);
    await close(desk);
    const reopened = await open(dir, { chunkSize: 4 });
    expect(reopened.notices).toEqual([]);
    expect(reopened.list().map((s) => s.id)).toEqual(ids);
    expect(await reopened.get(recs[0]!.id)).toEqual(recs[0]);
  });

  it('failing at the root (desk.json.bak cannot be replaced) changes neither root nor memory and leaves no temp file', async () => {
    const dir = await tmp.make();
    const { desk, recs } = await deskWithFive(dir);
    const ids = recs.map((r) => r.id);
    const root = await readFile(rootPath(dir), 'utf8');
    const mem = await memory(desk, ids);

    await rm(rootBackupPath(dir));
    await mkdir(join(rootBackupPath(dir), 'blocker'), { recursive: true });
    const err = await desk.commit([withParagraph(recs[4]!, 'Lost edit.')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(await readFile(rootPath(dir), 'utf8')).toBe(root);
    expect(await memory(desk, ids)).toEqual(mem);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await rm(rootBackupPath(dir), { recursive: true });

    const edit = withParagraph(recs[4]!, 'Kept edit.');
    await desk.commit([edit]);
    await close(desk);
    const reopened = await open(dir, { chunkSize: 4 });
    expect(reopened.notices).toEqual([]);
    expect(await reopened.get(recs[4]!.id)).toEqual(edit);
    // The chunk written by the failed attempt was garbage and is gone; only live revisions remain.
    const root2 = await readRoot(dir);
    const prev = RootSchema.parse(await readJson(rootBackupPath(dir)));
    const liveNames = new Set([...root2.chunks, ...prev.chunks].flatMap((c) => [`c${c.id}.r${c.rev}.meta.json`, `c${c.id}.r${c.rev}.body.json`]));
    expect((await readdir(docsDir(dir))).sort()).toEqual([...liveNames].sort());
  });

  it('a later get never sees a stale chunk cached by a read that raced a commit', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 1 });
    const recs = await records(desk, 80);
    await desk.commit(recs);
    await close(desk);
    desk = await open(dir, { chunkSize: 1 });
    // Reads cycle through every chunk (more than the body cache holds) for as long as a commit rewrites them all,
    // so some read of the old files is still in flight when the commit lands.
    const edits = recs.map((r) => withParagraph(r, `Edit of ${r.id}.`));
    let committing = true;
    const reads: Promise<unknown>[] = [];
    const hammer = async (): Promise<void> => {
      for (let i = 0; committing; i++) {
        reads.push(desk.get(recs[(i * 7) % recs.length]!.id));
        await new Promise((r) => setImmediate(r));
      }
    };
    const h = hammer();
    await desk.commit(edits);
    committing = false;
    await h;
    await Promise.all(reads);
    expect(reads.length).toBeGreaterThan(10);
    const seen = await Promise.all(recs.map((r) => desk.get(r.id)));
    expect(seen.filter((r, i) => r?.original.paragraphs[0] !== `Edit of ${recs[i]!.id}.`).map((r) => r?.id)).toEqual([]);
    // A commit built on a stale cached chunk would write the old text back.
    const tagged = [edit('r1', 'tags', [], ['after'])];
    await desk.commit(edits.map((e) => ({ ...e, revisions: tagged })));
    await close(desk);
    desk = await open(dir, { chunkSize: 1 });
    for (const e of edits) expect(await desk.get(e.id)).toEqual({ ...e, revisions: tagged });
  });
});

describe('body files, one article to a line', () => {
  it('are still one JSON document; an article is read from its own line, and a body written on one line reads too', async () => {
    const dir = await tmp.make();
    const desk = await open(dir, { chunkSize: 4 });
    const recs = await records(desk, 4);
    await desk.commit(recs);
    await close(desk);
    const path = bodyPath(dir, { id: 0, rev: 1 });
    const text = await readFile(path, 'utf8');
    expect(text.split('\n')).toHaveLength(6);
    expect(BodyDocSchema.parse(JSON.parse(text)).articles).toEqual(recs);

    const again = await open(dir, { chunkSize: 4 });
    expect(await again.get(recs[2]!.id)).toEqual(recs[2]);
    await close(again);

    // A body file from before this layout: the root has no checksum for it, and the whole file is parsed.
    const root = JSON.parse(await readFile(rootPath(dir), 'utf8')) as { chunks: { body?: unknown }[] };
    delete root.chunks[0]!.body;
    await writeRootJson(rootPath(dir), root);
    await writeFile(path, JSON.stringify(JSON.parse(text)));
    const old = await open(dir, { chunkSize: 4 });
    expect(await old.get(recs[3]!.id)).toEqual(recs[3]);
  });
});
