import { appendFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/core/result.js';
import { DeskService } from '../../../electron/core/service.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { openDesks } from '../../support/open-desks.js';
import { makeRng, writeVariedCorpus } from '../../support/seed-corpus.js';

const desks = openDesks('copydesk-desk-search-');
afterEach(desks.cleanup);

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** Opens the desk with small chunks (so a change touches one of many) and counts full re-reads of it. */
async function openService(dir: string): Promise<{ desk: Desk; service: DeskService; reads: () => number }> {
  const desk = await desks.open(dir, { chunkSize: 4 });
  const records = vi.spyOn(desk, 'records');
  return { desk, service: new DeskService(desk), reads: () => records.mock.calls.length };
}

async function reopen(s: { desk: Desk; service: DeskService }, dir: string) {
  await s.service.dispose();
  await desks.close(s.desk);
  return openService(dir);
}

const search = async (service: DeskService, query: string): Promise<string[]> =>
  value(await service.call('listArticles', { query })).items.map((i) => i.id).sort();

async function importedDesk() {
  const root = await desks.tmp.make();
  const dir = join(root, 'desk');
  await writeVariedCorpus(join(root, 'corpus'), { articles: 40, seed: 5 });
  const importing = await openService(dir);
  value(await importing.service.call('importPaths', { paths: [join(root, 'corpus')] }));
  const ids = value(await importing.service.call('listArticles', {})).items.map((i) => i.id);
  // Reopened, so that the snapshot the import called for is on disk and later changes go to the log.
  return { dir, s: await reopen(importing, dir), ids };
}

async function correct(service: DeskService, id: string, word: string): Promise<void> {
  const a = value(await service.call('getArticle', { id }));
  value(await service.call('correctField', { id, field: 'paragraph:1', text: `${a.paragraphs[0]} ${word}` }));
}

describe('the search index of a desk', () => {
  it('is indexed while importing and saved, so a reopened desk searches without re-reading its articles', async () => {
    const { dir, s, ids } = await importedDesk();
    expect(await search(s.service, 'officials')).not.toEqual([]);
    expect(s.reads()).toBe(0);
    const before = await search(s.service, 'officials said');
    const again = await reopen(s, dir);
    expect(await readdir(join(dir, 'search'))).toEqual(expect.arrayContaining(['index.bin']));
    expect(await search(again.service, 'officials said')).toEqual(before);
    expect(again.reads()).toBe(0);
    expect(ids).toHaveLength(40);
  });

  it('keeps corrections made with the index loaded, through the log, across a reopen', async () => {
    const { dir, s, ids } = await importedDesk();
    await search(s.service, 'anything');
    await correct(s.service, ids[3]!, 'zanzibarite');
    value(await s.service.call('addTags', { ids: [ids[4]!], tags: ['weekend'] }));
    expect(await search(s.service, 'zanzibarite')).toEqual([ids[3]]);
    const again = await reopen(s, dir);
    // The correction, then the chunks the closing checkpoint rewrote (the journalled tag needs no line of its own).
    const lines = (await readFile(join(dir, 'search', 'changes.log'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"docs":[]');
    expect(await search(again.service, 'zanzibarite')).toEqual([ids[3]]);
    expect(again.reads()).toBe(0);
  });

  it('catches up on changes made while it was not loaded, re-reading only the chunks they touched', async () => {
    const { dir, s, ids } = await importedDesk();
    const idle = await reopen(s, dir);
    await correct(idle.service, ids[10]!, 'quixotical');
    const again = await reopen(idle, dir);
    expect(await search(again.service, 'quixotical')).toEqual([ids[10]]);
    expect(again.reads()).toBe(0);
    // The old text of the corrected paragraph is gone from the index, not just joined by the new.
    const third = await reopen(again, dir);
    expect(await search(third.service, 'quixotical')).toEqual([ids[10]]);
  });

  it('takes in a journalled change made in the same session before it was loaded', async () => {
    const { dir, s, ids } = await importedDesk();
    const idle = await reopen(s, dir);
    // A small edit is journalled: no chunk file changes, so the saved index cannot see it by the chunks' revisions.
    await correct(idle.service, ids[12]!, 'pelicanesque');
    expect(await search(idle.service, 'pelicanesque')).toEqual([ids[12]]);
    expect(idle.reads()).toBe(0);
  });

  it('is rebuilt, never trusted, when its file is damaged or missing', async () => {
    const { dir, s, ids } = await importedDesk();
    await search(s.service, 'anything');
    await correct(s.service, ids[0]!, 'blorpish');
    const idle = await reopen(s, dir);
    const file = join(dir, 'search', 'index.bin');
    const bytes = await readFile(file);
    bytes[bytes.length - 3]! ^= 0xff;
    await writeFile(file, bytes);
    await appendFile(join(dir, 'search', 'changes.log'), '1234 {"torn');
    expect(await search(idle.service, 'blorpish')).toEqual([ids[0]]);
    expect(idle.reads()).toBe(1);

    const again = await reopen(idle, dir);
    await rm(join(dir, 'search'), { recursive: true });
    expect(await search(again.service, 'blorpish')).toEqual([ids[0]]);
    expect(again.reads()).toBe(1);
  });

  it('is not fooled when a desk that fell back to its previous root writes the same revision again', async () => {
    const { dir, s, ids } = await importedDesk();
    await search(s.service, 'anything');
    await correct(s.service, ids[7]!, 'alphaword');
    await s.service.dispose();
    await desks.close(s.desk);
    // desk.json damaged: the store falls back to desk.json.bak, the root before the correction. Opened by the
    // store alone, so no search index sees that recovery happen.
    await writeFile(join(dir, 'desk.json'), '{"torn');
    // With its journal gone too, desk.json.bak cannot replay the correction: the fallback really is older.
    for (const f of await readdir(dir)) if (f.startsWith('journal.')) await rm(join(dir, f));
    const recovered = await desks.open(dir, { chunkSize: 4 });
    expect(recovered.notices.map((n) => n.code)).toContain('recovered');
    await desks.close(recovered);
    const idle = await openService(dir);
    await correct(idle.service, ids[7]!, 'betaword');
    const again = await reopen(idle, dir);
    expect(await search(again.service, 'betaword')).toEqual([ids[7]]);
    expect(await search(again.service, 'alphaword')).toEqual([]);
  });

  it('writes nothing into a desk it no longer owns', async () => {
    const root = await desks.tmp.make();
    const dir = join(root, 'desk');
    await writeVariedCorpus(join(root, 'corpus'), { articles: 12, seed: 2 });
    const s = await openService(dir);
    value(await s.service.call('importPaths', { paths: [join(root, 'corpus')] }));
    // Closed without dispose(), as a command that forgot it would: the snapshot due a second later is skipped.
    await desks.close(s.desk);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await s.service.dispose();
    expect(await readdir(dir)).not.toContain('search');
  });

  it('gives the same answers loaded, caught up or rebuilt', async () => {
    const { dir, s, ids } = await importedDesk();
    const rng = makeRng(3);
    for (let i = 0; i < 6; i++) await correct(s.service, rng.pick(ids), `word${i}x`);
    const queries = ['officials', 'word1x', 'word5x budget', 'the said'];
    const live = await Promise.all(queries.map((q) => search(s.service, q)));
    const loaded = await reopen(s, dir);
    expect(await Promise.all(queries.map((q) => search(loaded.service, q)))).toEqual(live);
    const rebuilt = await reopen(loaded, dir);
    await rm(join(dir, 'search'), { recursive: true });
    expect(await Promise.all(queries.map((q) => search(rebuilt.service, q)))).toEqual(live);
  });
});
