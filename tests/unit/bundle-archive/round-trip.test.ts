import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BundleArchiveInput, writeBundleArchive, writeBundleArchiveFile } from '../../../electron/core/export/bundle-archive.js';
import { ArticleHistoryRecordSchema } from '../../../electron/core/export/bundle-manifest.js';
import { readBundleArchive } from '../../../electron/core/import/bundle-archive-reader.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { currentContent } from '../../../electron/core/revisions.js';
import { DeskError } from '../../../electron/core/result.js';
import { tempDirs } from '../../support/temp-dir.js';
import { bundleInput, deskRecords, sha256, unpack } from './fixtures.js';

let records: ArticleRecord[];
let cleanup: () => Promise<void>;
beforeAll(async () => ({ records, cleanup } = await deskRecords()));
afterAll(() => cleanup?.());
const tmp = tempDirs('copydesk-bundle-file-');
afterEach(tmp.cleanup);

const withoutSeq = (r: ArticleRecord) => ArticleHistoryRecordSchema.parse(r);

/** The same value rebuilt with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
}

async function refusal(p: Promise<unknown>): Promise<DeskError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeskError);
  return err as DeskError;
}

describe('writing then reading a bundle', () => {
  it('gives back exactly the records, the bundle record and every rendered file', async () => {
    const input = bundleInput(records);
    const verified = await readBundleArchive(await writeBundleArchive(input));

    expect([...verified.histories.keys()]).toEqual(records.map((r) => r.id));
    for (const r of records) expect(verified.histories.get(r.id)).toEqual(withoutSeq(r));
    expect(records.some((r) => r.revisions.length > 0 && r.claims.length > 0 && r.revisions.some((v) => v.op === 'undo'))).toBe(true);
    expect(verified.bundle).toEqual(input.bundleRecord);
    for (const f of [...input.files, ...input.articles.flatMap((a) => a.files)]) expect(verified.files.get(f.path)).toEqual(Buffer.from(f.bytes));
  });

  it('writes a manifest that describes the bundle, each article and every other file', async () => {
    const input = bundleInput(records);
    const zip = await writeBundleArchive(input);
    const { manifest } = await readBundleArchive(zip);
    const entries = await unpack(zip);

    expect(manifest).toMatchObject({
      format: 'copydesk-bundle',
      version: 1,
      bundle: input.bundle,
      created: input.created,
      app: { name: 'copydesk', version: '0.1.0' },
      editor: 'Ana Editor',
      formats: ['claimreview', 'csv', 'html', 'md', 'ninjs'],
    });
    expect(manifest.articles.map((a) => a.id)).toEqual(records.map((r) => r.id));
    const first = manifest.articles[0]!;
    expect(first.headline).toBe(currentContent(records[0]!).headline);
    expect(first.headline).not.toBe(records[0]!.original.headline);
    for (const [i, a] of manifest.articles.entries()) expect(a.source).toEqual({ file: records[i]!.source.file, sha256: records[i]!.source.sha256 });

    const listed = [...manifest.files, ...manifest.articles.flatMap((a) => a.files)];
    expect(listed.map((f) => f.path).sort()).toEqual(entries.map((e) => e.name).filter((n) => n !== 'manifest.json').sort());
    for (const f of listed) {
      const data = entries.find((e) => e.name === f.path)!.data;
      expect(f).toEqual({ path: f.path, sha256: sha256(data), size: data.length });
    }
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['README.txt', 'bundle.json', ...records.map((r) => `history/${r.id}.json`)]));
  });

  it('lays entries out in a fixed order, all regular files with one mode and one time, JSON with sorted keys', async () => {
    const entries = await unpack(await writeBundleArchive(bundleInput(records)));
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(['README.txt', 'manifest.json', 'bundle.json']);
    expect(names.slice(3)).toEqual([...names.slice(3)].sort());
    for (const e of entries) {
      expect(e.entry.externalFileAttributes >>> 16).toBe(0o100644);
      expect([e.entry.lastModFileDate, e.entry.lastModFileTime]).toEqual([(0 << 9) | (1 << 5) | 2, 0]);
      expect(e.entry.getLastModDate().toISOString()).toBe('1980-01-02T00:00:00.000Z');
      expect(e.entry.compressionMethod).toBe(8);
    }
    const history = entries.find((e) => e.name.startsWith('history/'))!.data.toString('utf8');
    expect(history.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(history) as { format: string; version: number; record: Record<string, unknown> };
    expect(Object.keys(doc)).toEqual(['format', 'record', 'version']);
    expect(Object.keys(doc.record)).toEqual([...Object.keys(doc.record)].sort());
    expect(doc.record).not.toHaveProperty('seq');
  });

  it('gives byte-identical archives for the same input, however its objects were built', async () => {
    const input = bundleInput(records);
    const a = await writeBundleArchive(input);
    const b = await writeBundleArchive(input);
    const c = await writeBundleArchive({ ...reversedKeys(input), formats: [...input.formats].reverse() });
    expect(b.equals(a)).toBe(true);
    expect(c.equals(a)).toBe(true);
  });

  it('puts the created time in the manifest only', async () => {
    const a = await unpack(await writeBundleArchive(bundleInput(records)));
    const b = await unpack(await writeBundleArchive(bundleInput(records, { created: '2027-12-31T23:59:59.000Z' })));
    const differing = a.filter((e, i) => !e.data.equals(b[i]!.data)).map((e) => e.name);
    expect(differing).toEqual(['manifest.json']);
  });

  it('round-trips: what was read, written again, gives the same bytes', async () => {
    const input = bundleInput(records);
    const first = await writeBundleArchive(input);
    const v = await readBundleArchive(first);
    const again: BundleArchiveInput = {
      bundle: v.manifest.bundle,
      bundleRecord: v.bundle as Record<string, unknown>,
      created: v.manifest.created,
      appVersion: v.manifest.app.version,
      editor: v.manifest.editor,
      formats: v.manifest.formats,
      articles: v.manifest.articles.map((a) => ({ record: v.histories.get(a.id)!, files: a.files.map((f) => ({ path: f.path, bytes: v.files.get(f.path)! })) })),
      files: ['html/bundle.html', 'csv/bundle.csv'].map((path) => ({ path, bytes: v.files.get(path)! })),
    };
    expect((await writeBundleArchive(again)).equals(first)).toBe(true);
  });

  it('explains the layout and the hand check in README.txt', async () => {
    const { files } = await readBundleArchive(await writeBundleArchive(bundleInput(records)));
    const readme = files.get('README.txt')!.toString('utf8');
    for (const folder of ['history/<id>.json', 'ninjs/', 'md/', 'claimreview/', 'html/', 'csv/']) expect(readme).toContain(folder);
    expect(readme).toContain('sha256sum');
    expect(readme).toMatch(/SHA-256 of the article's text as it stood in that file/u);
    expect(readme).toContain('Korea desk — weekend');
    expect(readme).not.toContain('2026');
  });

  it('stores rather than deflates a large entry that would exceed the ratio limit, so it can be read back', async () => {
    const big = { ...records[0]!, original: { ...records[0]!.original, paragraphs: ['a'.repeat(3 * 1024 * 1024)] } };
    const zip = await writeBundleArchive(bundleInput([big]));
    const history = (await unpack(zip)).find((e) => e.name === `history/${big.id}.json`)!;
    expect(history.entry.compressionMethod).toBe(0);
    expect((await readBundleArchive(zip)).histories.get(big.id)!.original.paragraphs[0]).toHaveLength(3 * 1024 * 1024);
  });
});

describe('the writer refuses', () => {
  it.each([
    ['a parent folder', '../evil.md', /unsafe file name "..\/evil.md": the name has a "." or ".." part/u],
    ['an absolute path', '/tmp/evil.md', /absolute path/u],
    ['a drive letter', 'C:/evil.md', /drive letter/u],
    ['a backslash', 'md\\evil.md', /backslash/u],
    ['a NUL', 'md/evil\0.md', /NUL/u],
    ['a hidden file', 'md/.evil', /characters other than/u],
    ['a reserved name', 'README.txt', /README.txt/u],
    ['the history folder', 'history/evil.json', /history\/ folder holds article histories/u],
  ])('a caller file name with %s', async (_what, path, message) => {
    const input = bundleInput(records.slice(0, 1), { files: [{ path, bytes: Buffer.from('x') }] });
    const err = await refusal(writeBundleArchive(input));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/^cannot write the bundle: /u);
    expect(err.message).toMatch(message);
  });

  it('two files whose names differ only in letter case', async () => {
    const input = bundleInput(records.slice(0, 1), { files: [{ path: 'html/A.html', bytes: Buffer.from('1') }, { path: 'html/a.html', bytes: Buffer.from('2') }] });
    expect((await refusal(writeBundleArchive(input))).message).toMatch(/both want the file name html\/a.html/u);
  });

  it('the same article twice, and a record that does not validate', async () => {
    expect((await refusal(writeBundleArchive(bundleInput([records[0]!, records[0]!])))).message).toMatch(/both want the file name history\//u);
    const broken = { ...records[0]!, revisions: 'none' } as unknown as ArticleRecord;
    expect((await refusal(writeBundleArchive(bundleInput([broken])))).message).toMatch(/invalid input: articles\.0\.record\.revisions/u);
  });

  it('a bundle record that is not plain JSON', async () => {
    const err = await refusal(writeBundleArchive(bundleInput(records.slice(0, 1), { bundleRecord: { when: new Date(0) } })));
    expect(err.message).toMatch(/\$\.when: only plain objects/u);
    const nan = await refusal(writeBundleArchive(bundleInput(records.slice(0, 1), { bundleRecord: { n: Number.NaN } })));
    expect(nan.message).toMatch(/\$\.n: NaN is not a JSON number/u);
  });

  it('an archive its own reader would refuse', async () => {
    const input = bundleInput(records);
    const count = await refusal(writeBundleArchive(input, { maxEntries: 10 }));
    expect(count.message).toMatch(/it would hold \d+ files, over the limit of 10/u);
    const size = await refusal(writeBundleArchive(input, { maxEntryBytes: 4000 }));
    expect(size.message).toMatch(/over the per-file limit of 4000/u);
    const deep = { ...records[0]!, revisions: [{ ...records[0]!.revisions[0]!, after: JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown }] };
    expect((await refusal(writeBundleArchive(bundleInput([deep])))).message).toMatch(/would nest deeper than 64 levels/u);
  });
});

describe('writing to a file', () => {
  it('replaces the target in one step and leaves no temporary file', async () => {
    const dir = await tmp.make();
    const path = join(dir, 'weekend.zip');
    await writeFile(path, 'an older export');
    const input = bundleInput(records);
    const result = await writeBundleArchiveFile(path, input);
    const bytes = await readFile(path);
    expect(bytes.equals(await writeBundleArchive(input))).toBe(true);
    expect(result).toEqual({ path, size: bytes.length, sha256: sha256(bytes) });
    expect(await readdir(dir)).toEqual(['weekend.zip']);
    expect(await readBundleArchive(path)).toEqual(await readBundleArchive(bytes));
  });

  it('leaves the old file untouched when the export is refused', async () => {
    const dir = await tmp.make();
    const path = join(dir, 'weekend.zip');
    await writeFile(path, 'an older export');
    await refusal(writeBundleArchiveFile(path, bundleInput(records, { files: [{ path: '../x', bytes: Buffer.from('') }] })));
    expect(await readFile(path, 'utf8')).toBe('an older export');
    expect(await readdir(dir)).toEqual(['weekend.zip']);
  });

  it('reports a folder it cannot write to as an IO error', async () => {
    const dir = await tmp.make();
    const err = await refusal(writeBundleArchiveFile(join(dir, 'missing', 'b.zip'), bundleInput(records.slice(0, 1))));
    expect(err.code).toBe('IO_ERROR');
    expect(err.message).toMatch(/cannot write the bundle to .*b\.zip: ENOENT/u);
  });
});
