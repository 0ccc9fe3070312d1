import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { type ArticleContent, type ArticleRecord, emptyContent } from '../../../electron/core/model.js';
import { BackgroundIndexer } from '../../../electron/core/search/background-indexer.js';
import { packContents, unpackContents } from '../../../electron/core/search/content-batch.js';
import { encodeIndex } from '../../../electron/core/search/index-file.js';
import { INDEXER_BUNDLE } from '../../../electron/core/search/indexer-messages.js';
import { SearchIndex, searchFields } from '../../../electron/core/search/search-index.js';
import { generateVariedArticle, makeRng } from '../../support/seed-corpus.js';
import { tempDirs } from '../../support/temp-dir.js';

const tmp = tempDirs('copydesk-background-indexer-');
afterEach(tmp.cleanup);

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Records carrying only what indexing reads: an id and the content (no revisions, so the original is current). */
function batches(seed: number, sizes: number[]): ArticleRecord[][] {
  const rng = makeRng(seed);
  const taken = new Set<string>();
  let n = 0;
  return sizes.map((size) =>
    Array.from({ length: size }, () => {
      const a = generateVariedArticle(rng, taken);
      const content: ArticleContent = { ...emptyContent(a.headline), ...a, updated: null, dateline: null };
      return { id: `a${n++}`, original: content, revisions: [] } as unknown as ArticleRecord;
    }),
  );
}

/** Some of the later records replace earlier articles: new text for one, the very same text for another. */
function withReplacements(all: ArticleRecord[][]): ArticleRecord[][] {
  const [first] = all;
  const changed = { ...first![3]!, original: { ...first![3]!.original, paragraphs: ['Quokkas were counted again on Rottnest.'] } };
  const same = { ...first![5]! };
  return [...all.slice(0, -1), [...all.at(-1)!, changed, same]];
}

const STAMP = { epoch: 'e', desk: 'd', generation: 1, chunks: [] as [number, string][] };
const QUERIES = ['officials said', 'border', 'budget vote', 'الحكومة', 'percent', 'minister appro', 'quokkas rottnest', 'gov'];

function inPlace(base: ArticleRecord[][], more: ArticleRecord[][]): SearchIndex {
  const index = new SearchIndex();
  for (const batch of [...base, ...more]) for (const r of batch) index.upsert(r.id, r.original);
  return index;
}

async function viaWorker(base: ArticleRecord[][], more: ArticleRecord[][], entry?: URL): Promise<{ index: SearchIndex | null; base: SearchIndex; baseBytes: Buffer }> {
  const start = inPlace(base, []);
  const baseBytes = Buffer.concat(encodeIndex(start, STAMP));
  const background = new BackgroundIndexer(start, entry);
  for (const batch of more) {
    await background.add(batch);
    expect(background.confirm(batch)).toBe(true);
  }
  return { index: await background.finish(), base: start, baseBytes };
}

function expectSameIndex(actual: SearchIndex, expected: SearchIndex): void {
  expect(actual.dictionary.terms).toEqual(expected.dictionary.terms);
  expect([...actual.ids()]).toEqual([...expected.ids()]);
  expect(actual.docs.dead).toBe(expected.docs.dead);
  expect(Buffer.concat(encodeIndex(actual, STAMP)).equals(Buffer.concat(encodeIndex(expected, STAMP)))).toBe(true);
  for (const q of QUERIES) expect(actual.search(q), q).toEqual(expected.search(q));
}

describe('indexing an import on a worker thread', () => {
  it('builds exactly the index that indexing in place builds, from a copy, leaving the original in service', async () => {
    const all = withReplacements(batches(21, [150, 120, 90, 140]));
    const expected = inPlace(all, []);
    const { index, base, baseBytes } = await viaWorker(all.slice(0, 1), all.slice(1));
    expectSameIndex(index!, expected);
    expect(index!.docs.dead).toBe(1);
    expect(index!.search('quokkas').map((h) => h.id)).toEqual(['a3']);
    // The original took no part: it is as it was, and still answers.
    expect(Buffer.concat(encodeIndex(base, STAMP)).equals(baseBytes)).toBe(true);
    expect(base.size).toBe(150);
    // Indexing goes on from the worker's index exactly as from the one built in place.
    const later = batches(22, [30])[0]!.map((r) => ({ ...r, id: `later-${r.id}` }));
    for (const r of later) {
      index!.upsert(r.id, r.original);
      expected.upsert(r.id, r.original);
    }
    expectSameIndex(index!, expected);
  });

  it('starts from an empty index as well', async () => {
    const all = batches(23, [80, 80]);
    const { index } = await viaWorker([], all);
    expectSameIndex(index!, inPlace(all, []));
  });

  it('runs as the bundle the app is built with', async () => {
    const dir = await tmp.make();
    const out = join(dir, INDEXER_BUNDLE);
    // The settings of scripts/build.ts for the worker entry.
    await build({ entryPoints: [join(root, 'electron/core/search/index-worker.ts')], bundle: true, platform: 'node', target: 'node22', format: 'cjs', outfile: out, logLevel: 'silent' });
    const all = batches(24, [60, 70]);
    const { index } = await viaWorker(all.slice(0, 1), all.slice(1), pathToFileURL(out));
    expectSameIndex(index!, inPlace(all, []));
  });

  it('gives nothing back when a batch it was handed never landed, or one landed that it was not handed', async () => {
    const [a, b] = batches(25, [20, 20]);
    const unlanded = new BackgroundIndexer(new SearchIndex());
    await unlanded.add(a!);
    await unlanded.add(b!);
    unlanded.confirm(a!);
    expect(await unlanded.finish()).toBeNull();
    expect(unlanded.broken).toBe(false);
    const spoiled = new BackgroundIndexer(new SearchIndex());
    await spoiled.add(a!);
    expect(spoiled.confirm(b!)).toBe(false);
    spoiled.spoil();
    expect(await spoiled.finish()).toBeNull();
  });

  it('gives nothing back, and says so, when the worker cannot run', async () => {
    const dir = await tmp.make();
    const broken = join(dir, 'broken.cjs');
    await writeFile(broken, 'throw new Error("no worker here");\n');
    for (const entry of [pathToFileURL(broken), pathToFileURL(join(dir, 'missing.cjs'))]) {
      const background = new BackgroundIndexer(new SearchIndex(), entry);
      const [batch] = batches(26, [10]);
      await background.add(batch!);
      background.confirm(batch!);
      expect(await background.finish()).toBeNull();
      expect(background.broken).toBe(true);
      expect(background.ids).toEqual(batch!.map((r) => r.id));
    }
  });

  it('sends the searched fields across as they are, empty and missing ones included', () => {
    const contents: [string, ArticleContent][] = [
      ['x', { ...emptyContent('Only a headline') }],
      ['y', { ...emptyContent(''), caption: 'Caption', credit: null, byline: 'By Someone', datelineText: 'OSLO:', highlights: ['One', ''], paragraphs: ['', 'Two'] }],
      ['z', { ...emptyContent('Z'), credit: 'AFP', paragraphs: Array.from({ length: 300 }, (_, i) => `Paragraph ${i}`) }],
    ];
    const back = [...unpackContents(structuredClone(packContents(contents)))];
    expect(back.map(([id]) => id)).toEqual(['x', 'y', 'z']);
    expect(back.map(([, c]) => searchFields(c))).toEqual(contents.map(([, c]) => searchFields(c)));
  });
});
