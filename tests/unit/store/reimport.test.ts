import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../electron/core/api.js';
import { articleId } from '../../../electron/core/import/article-id.js';
import { importFiles } from '../../../electron/core/import/import-files.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { parseSeedText } from '../../../electron/core/parse/seed-text.js';
import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { RootSchema, docsDir, rootPath } from '../../../electron/core/store/layout.js';
import { type GeneratedArticle, generateArticle, makeRng, renderSeedFile } from '../../support/seed-corpus.js';
import { openDesks } from '../../support/open-desks.js';
import { edit } from '../../support/records.js';

const desks = openDesks('copydesk-reimport-');
const tmp = desks.tmp;
afterEach(desks.cleanup);

const open = (dir: string): Promise<Desk> => desks.open(dir, { chunkSize: 4 });

const NOW = () => '2026-03-01T09:00:00.000Z';
const LATER = () => '2026-03-02T09:00:00.000Z';

function articles(seed: number, n: number): GeneratedArticle[] {
  const rng = makeRng(seed);
  const taken = new Set<string>();
  return Array.from({ length: n }, () => generateArticle(rng, taken, { minParagraphs: 3, maxParagraphs: 5 }));
}

async function writeSeed(path: string, arts: GeneratedArticle[]): Promise<string> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, renderSeedFile(arts), 'utf8');
  return path;
}

async function rootState(dir: string) {
  const st = await stat(rootPath(dir), { bigint: true });
  return { generation: RootSchema.parse(JSON.parse(await readFile(rootPath(dir), 'utf8'))).generation, ino: st.ino, mtime: st.mtimeNs, docs: (await readdir(docsDir(dir))).sort() };
}

async function byHeadline(desk: Desk): Promise<Map<string, ArticleRecord>> {
  const all = await desk.getMany(desk.list().map((s) => s.id));
  return new Map([...all.values()].map((r) => [r.original.headline, r]));
}

describe('importing the same file again', () => {
  it('changes nothing, reports every article unchanged and writes no new root', async () => {
    const dir = await tmp.make();
    const arts = articles(1, 3);
    const file = await writeSeed(join(dir, 'in', 'wire-1.txt'), arts);
    const desk = await open(join(dir, 'desk'));
    const service = new DeskService(desk, { now: NOW });
    const events: DeskEvent[] = [];
    service.onEvent((e) => events.push(e));

    const first = await service.call('importPaths', { paths: [file] });
    expect(first).toMatchObject({ ok: true, value: { imported: 3, updated: 0, unchanged: 0, failed: 0 } });
    expect(events).toHaveLength(1);
    const ids = desk.list().map((s) => s.id);
    expect(ids).toEqual(arts.map((a) => articleId('wire-1.txt', a.headline, 0)));
    const before = await rootState(join(dir, 'desk'));
    const records = await desk.getMany(ids);

    const again = await service.call('importPaths', { paths: [file] });
    expect(again).toEqual({
      ok: true,
      value: { imported: 0, updated: 0, unchanged: 3, failed: 0, files: [{ path: file, articles: 3, error: null, warnings: expect.any(Array) }] },
    });
    expect(events).toHaveLength(1);
    expect(await rootState(join(dir, 'desk'))).toEqual(before);
    expect(desk.list().map((s) => s.id)).toEqual(ids);
    expect(await desk.getMany(ids)).toEqual(records);
  });
});

describe('importing a changed file', () => {
  it('updates the original, keeps the editors\' status and tags, and keeps the replaced text in priorOriginals', async () => {
    const dir = await tmp.make();
    const arts = articles(2, 3);
    const file = await writeSeed(join(dir, 'wire-2.txt'), arts);
    const desk = await open(join(dir, 'desk'));
    await importFiles(desk, [file], { now: NOW });
    const target = desk.list()[1]!;
    const before = (await desk.get(target.id))!;
    const work = [edit('r1', 'status', 'new', 'approved'), edit('r2', 'tags', [], ['economy', 'checked-by-ana'])];
    await desk.commit([{ ...before, revisions: work }]);

    const changed = arts.map((a, i) => (i === 1 ? { ...a, paragraphs: [a.paragraphs[0]!, 'A paragraph rewritten at the source.', ...a.paragraphs.slice(2)] } : a));
    await writeSeed(file, changed);
    const shifted = desk.list()[2]!;
    const report = await importFiles(desk, [file], { now: LATER });
    // The article after the edit has the same text at new offsets: unchanged, but its source is brought up to date.
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 2, failed: 0, changedIds: [target.id, shifted.id] });
    const moved = (await desk.get(shifted.id))!;
    const reparsed = parseSeedText(renderSeedFile(changed)).articles[2]!;
    expect(moved.source.start).not.toBe(shifted.source.start);
    expect(moved.source).toMatchObject({ start: reparsed.start, end: reparsed.end, index: 2 });
    expect(moved.source.sha256).toBe(shifted.source.sha256);
    expect(moved).toMatchObject({ priorOriginals: [], modifiedAt: NOW() });

    const after = (await desk.get(target.id))!;
    const parsed = parseSeedText(renderSeedFile(changed)).articles[1]!;
    expect(after.original).toEqual(parsed.content);
    expect(after.original.paragraphs[1]).toBe('A paragraph rewritten at the source.');
    expect(after).toMatchObject({ id: target.id, seq: before.seq, revisions: work, importedAt: NOW(), modifiedAt: LATER() });
    expect(after.source.sha256).toBe(parsed.sha256);
    expect(after.priorOriginals).toEqual([{ replacedAt: LATER(), source: before.source, content: before.original }]);
    expect(desk.size).toBe(3);
    expect(desk.summary(target.id)).toMatchObject({ status: 'approved', tags: ['economy', 'checked-by-ana'] });

    // Survives a reopen, and a third import of the same text is a no-op.
    await desk.close();
    desks.opened.length = 0;
    const reopened = await open(join(dir, 'desk'));
    expect(await reopened.get(target.id)).toEqual(after);
    expect(await importFiles(reopened, [file], { now: LATER })).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
  });

  it('keeps the id of an article whose headline was corrected at the source (matched by position)', async () => {
    const dir = await tmp.make();
    const arts = articles(3, 3);
    const file = await writeSeed(join(dir, 'wire-3.txt'), arts);
    const desk = await open(join(dir, 'desk'));
    await importFiles(desk, [file], { now: NOW });
    const ids = desk.list().map((s) => s.id);
    const old = (await desk.get(ids[2]!))!;
    await desk.commit([{ ...old, revisions: [edit('r1', 'tags', [], ['keep-me'])] }]);

    const fixed = arts.map((a, i) => (i === 2 ? { ...a, headline: `${a.headline} corrected` } : a));
    await writeSeed(file, fixed);
    const report = await importFiles(desk, [file], { now: LATER });
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 2, failed: 0 });
    expect(desk.list().map((s) => s.id)).toEqual(ids);
    const after = (await desk.get(ids[2]!))!;
    expect(after.original.headline).toBe(fixed[2]!.headline);
    expect(desk.summary(ids[2]!)!.tags).toEqual(['keep-me']);
    expect(after.priorOriginals.map((p) => p.content.headline)).toEqual([arts[2]!.headline]);
    expect(await importFiles(desk, [file], { now: LATER })).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
  });
});

describe('files sharing a base name', () => {
  it('in one import do not take over each other\'s articles', async () => {
    const dir = await tmp.make();
    const a = await writeSeed(join(dir, 'agency-a', 'latest.txt'), articles(4, 2));
    const b = await writeSeed(join(dir, 'agency-b', 'latest.txt'), articles(5, 3));
    const desk = await open(join(dir, 'desk'));
    const report = await importFiles(desk, [a, b], { now: NOW });
    expect(report).toMatchObject({ imported: 5, updated: 0, unchanged: 0, failed: 0 });
    expect(desk.size).toBe(5);
    const paths = desk.list().map((s) => s.source.path);
    expect(paths).toEqual([a, a, b, b, b]);
    for (const [path, n] of [[a, 2], [b, 3]] as const) {
      const parsed = parseSeedText(await readFile(path, 'utf8')).articles;
      expect(parsed).toHaveLength(n);
      const mine = desk.list().filter((s) => s.source.path === path);
      for (const [k, s] of mine.entries()) {
        const rec = (await desk.get(s.id))!;
        expect(rec.original).toEqual(parsed[k]!.content);
        expect(rec.priorOriginals).toEqual([]);
        expect(rec.id).toBe(articleId(basename(path), parsed[k]!.content.headline, 0));
      }
    }
    // Both again, in either order: nothing changes.
    expect(await importFiles(desk, [b, a], { now: LATER })).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    expect(desk.size).toBe(5);
  });
});

describe('a broken file amid good ones', () => {
  it('is reported and skipped while the others land', async () => {
    const dir = await tmp.make();
    const inbox = join(dir, 'inbox');
    const good1 = await writeSeed(join(inbox, 'a-good.txt'), articles(6, 2));
    await writeFile(join(inbox, 'b-empty.txt'), '');
    await writeFile(join(inbox, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const good2 = await writeSeed(join(inbox, 'd-good.txt'), articles(7, 3));
    await writeFile(join(inbox, 'e-too-big.txt'), 'x'.repeat(5000));
    const missing = join(dir, 'nope.txt');
    const desk = await open(join(dir, 'desk'));

    const report = await importFiles(desk, [inbox, missing], { now: NOW, maxBytes: 4096 });
    expect(report).toMatchObject({ imported: 5, updated: 0, unchanged: 0, failed: 4 });
    const byName = new Map(report.files.map((f) => [basename(f.path), f]));
    expect([...byName.keys()]).toEqual(['a-good.txt', 'b-empty.txt', 'c-binary.txt', 'd-good.txt', 'e-too-big.txt', 'nope.txt']);
    expect(byName.get('a-good.txt')).toMatchObject({ articles: 2, error: null });
    expect(byName.get('d-good.txt')).toMatchObject({ articles: 3, error: null });
    for (const bad of ['b-empty.txt', 'c-binary.txt', 'e-too-big.txt', 'nope.txt']) {
      expect(byName.get(bad)!.error, bad).toMatch(new RegExp(`^cannot import .*${bad.replace('.', '\\.')}: `));
      expect(byName.get(bad)!.articles).toBe(0);
    }
    expect(desk.list().map((s) => s.source.path)).toEqual([good1, good1, good2, good2, good2]);
    const headlines = await byHeadline(desk);
    expect(headlines.size).toBe(5);
  });

  it('a desk that cannot be written fails the batch\'s files, not the process', async () => {
    const dir = await tmp.make();
    const good = await writeSeed(join(dir, 'in', 'good.txt'), articles(8, 2));
    const desk = await open(join(dir, 'desk'));
    await desk.close();
    desks.opened.length = 0;
    const report = await importFiles(desk, [good], { now: NOW });
    expect(report).toMatchObject({ imported: 0, failed: 1, changedIds: [] });
    expect(report.files[0]).toMatchObject({ articles: 0, error: 'could not write to the desk: the desk is closed' });
  });
});
