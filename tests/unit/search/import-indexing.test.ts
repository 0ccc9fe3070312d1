import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ImportOptions, importFiles } from '../../../electron/core/import/import-files.js';
import { currentContent } from '../../../electron/core/revisions.js';
import { BackgroundIndexer } from '../../../electron/core/search/background-indexer.js';
import { DeskSearch, type DeskSearchOptions } from '../../../electron/core/search/desk-search.js';
import { encodeIndex } from '../../../electron/core/search/index-file.js';
import { SearchIndex } from '../../../electron/core/search/search-index.js';
import { DeskService } from '../../../electron/core/service.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { openDesks } from '../../support/open-desks.js';
import { writeVariedCorpus } from '../../support/seed-corpus.js';

const desks = openDesks('copydesk-import-indexing-');
afterEach(async () => {
  vi.restoreAllMocks();
  await desks.cleanup();
});

const STAMP = { epoch: 'e', desk: 'd', generation: 1, chunks: [] as [number, string][] };
const QUERIES = ['officials said', 'border', 'budget vote', 'الحكومة', 'percent', 'minister appro', 'gov', 'reuters', 'quokkas'];
const ON_WORKER: DeskSearchOptions = { backgroundMinDocs: 100 };
const IN_PLACE: DeskSearchOptions = { backgroundMinDocs: Infinity };

/** A corpus of a few hundred articles, imported in many batches, as the service wires an import to the index. */
async function corpus(): Promise<string> {
  const root = await desks.tmp.make();
  await writeVariedCorpus(join(root, 'corpus'), { articles: 500, seed: 8 });
  return join(root, 'corpus');
}

async function openSearch(opts: DeskSearchOptions): Promise<{ desk: Desk; search: DeskSearch }> {
  const desk = await desks.open(join(await desks.tmp.make(), 'desk'), { chunkSize: 16 });
  return { desk, search: new DeskSearch(desk, opts) };
}

async function importInto(s: { desk: Desk; search: DeskSearch }, path: string, extra: ImportOptions = {}) {
  const report = await importFiles(s.desk, [path], {
    batchChars: 150_000,
    onStage: (records) => s.search.staged(records),
    onCommit: (records) => s.search.committed(records),
    ...extra,
  });
  await s.search.changed(report.changedIds);
  return report;
}

/** Whether two indexes save to the same bytes (compared as one boolean: a diff of two index files is no help). */
const sameBytes = (a: SearchIndex, b: SearchIndex): boolean => Buffer.concat(encodeIndex(a, STAMP)).equals(Buffer.concat(encodeIndex(b, STAMP)));
const answers = (index: SearchIndex) => QUERIES.map((q) => index.search(q));
const found = (index: SearchIndex) => QUERIES.map((q) => index.search(q).map((h) => h.id).sort());

/** What the desk holds, indexed afresh: the oracle for what matches. */
async function rebuilt(desk: Desk): Promise<SearchIndex> {
  const index = new SearchIndex();
  for await (const r of desk.records()) index.upsert(r.id, currentContent(r));
  return index;
}

/** Changes a word in some of the corpus's files, so that importing it again updates their articles. */
async function edit(path: string): Promise<void> {
  for (const name of (await readdir(path)).sort().filter((_, i) => i % 2 === 0)) {
    const file = join(path, name);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\bsaid\b/g, 'said quokkas'));
  }
}

describe('indexing an import on a worker thread', () => {
  it('makes the same index, and the same answers, as indexing in place; into an empty desk and into a full one', async () => {
    const path = await corpus();
    const finish = vi.spyOn(BackgroundIndexer.prototype, 'finish');
    const worker = await openSearch(ON_WORKER);
    const inPlace = await openSearch(IN_PLACE);
    expect(await importInto(worker, path)).toMatchObject({ imported: 500, failed: 0 });
    await importInto(inPlace, path);
    expect(finish).toHaveBeenCalledTimes(1);
    expect(sameBytes(await worker.search.ready(), await inPlace.search.ready())).toBe(true);
    expect(answers(await worker.search.ready())).toEqual(answers(await inPlace.search.ready()));

    await edit(path);
    expect(await importInto(worker, path)).toMatchObject({ imported: 0, updated: expect.any(Number), failed: 0 });
    await importInto(inPlace, path);
    expect(finish).toHaveBeenCalledTimes(2);
    const index = await worker.search.ready();
    expect(index.docs.dead).toBeGreaterThan(0);
    expect(index.search('quokkas').length).toBeGreaterThan(0);
    expect(sameBytes(index, await inPlace.search.ready())).toBe(true);
    expect(answers(index)).toEqual(answers(await inPlace.search.ready()));
  });

  it('reads the articles back when the worker fails, and saves an index a reopened desk trusts', async () => {
    const path = await corpus();
    const real = BackgroundIndexer.prototype.finish;
    vi.spyOn(BackgroundIndexer.prototype, 'finish').mockImplementation(async function (this: BackgroundIndexer) {
      await real.call(this);
      return null;
    });
    const worker = await openSearch(ON_WORKER);
    const inPlace = await openSearch(IN_PLACE);
    await importInto(worker, path);
    await importInto(inPlace, path);
    const index = await worker.search.ready();
    expect(index.size).toBe(worker.desk.size);
    expect(answers(index)).toEqual(answers(await inPlace.search.ready()));

    // Saved and reopened: the saved index is taken as it is, with no article read back for it.
    await worker.search.settled();
    const dir = worker.desk.dir;
    await desks.close(worker.desk);
    const desk = await desks.open(dir, { chunkSize: 16 });
    const records = vi.spyOn(desk, 'records');
    const getMany = vi.spyOn(desk, 'getMany');
    const service = new DeskService(desk);
    const r = await service.call('listArticles', { query: 'officials said', limit: 1000 });
    expect(r.ok && r.value.items.map((i) => i.id).sort()).toEqual(found(await inPlace.search.ready())[0]);
    expect(records).not.toHaveBeenCalled();
    expect(getMany).not.toHaveBeenCalled();
    await service.dispose();
  });

  it('leaves out a batch whose commit failed, keeping to what the desk holds', async () => {
    const path = await corpus();
    const s = await openSearch(ON_WORKER);
    const commit = s.desk.commit.bind(s.desk);
    let commits = 0;
    vi.spyOn(s.desk, 'commit').mockImplementation((...args) => (++commits === 4 ? Promise.reject(new Error('disk full')) : commit(...args)));
    const report = await importInto(s, path);
    expect(report.failed).toBeGreaterThan(0);
    expect(report.imported).toBe(s.desk.size);
    const index = await s.search.ready();
    expect(index.size).toBe(s.desk.size);
    expect(found(index)).toEqual(found(await rebuilt(s.desk)));
  });
});
