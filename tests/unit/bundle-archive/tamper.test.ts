import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundleArchive } from '../../../electron/core/export/bundle-archive.js';
import { readBundleArchive } from '../../../electron/core/import/bundle-archive-reader.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import { tempDirs } from '../../support/temp-dir.js';
import { bundleInput, deskRecords, forge, repack, unpack } from './fixtures.js';

let records: ArticleRecord[];
let cleanup: () => Promise<void>;
let zip: Buffer;
const tmp = tempDirs('copydesk-bundle-tamper-');
beforeAll(async () => {
  ({ records, cleanup } = await deskRecords());
  zip = await writeBundleArchive(bundleInput(records));
});
afterAll(async () => {
  await cleanup?.();
  await tmp.cleanup();
});

async function refusal(source: Buffer | string): Promise<DeskError> {
  const err = await readBundleArchive(source).then(() => null, (e: unknown) => e);
  expect(err, 'the archive should have been refused').toBeInstanceOf(DeskError);
  return err as DeskError;
}

describe('one changed byte in one entry', () => {
  it('is refused, naming the entry, for every entry of the archive', async () => {
    const entries = await unpack(zip);
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries) {
      for (const at of [0.25, 0.5, 0.75].map((f) => e.dataStart + Math.floor(e.compressedSize * f))) {
        const bad = Buffer.from(zip);
        bad[at]! ^= 0xff;
        const err = await refusal(bad);
        expect(err.code).toBe('INVALID_INPUT');
        expect(err.message, `byte ${at} of ${e.name}`).toMatch(/^bundle refused: /u);
        expect(err.message, `byte ${at} of ${e.name}`).toContain(e.name);
      }
    }
  });

  it('says what is wrong in words a person can act on', async () => {
    const md = (await unpack(zip)).find((e) => e.name.startsWith('md/'))!;
    const bad = Buffer.from(zip);
    bad[md.dataStart + (md.compressedSize >> 1)]! ^= 0x01;
    expect((await refusal(bad)).message).toMatch(new RegExp(`^bundle refused: ${md.name} (does not match its checksum \\(tampered or damaged\\)|is damaged and cannot be unpacked|does not match its recorded size)`, 'u'));
  });
});

describe('a manifest that disagrees with the files', () => {
  const cases: [string, Parameters<typeof forge>[1], RegExp][] = [
    ['a file left out', (_e, m) => { m.articles[1]!.files.shift(); }, /^bundle refused: (md|ninjs|claimreview)\/\w+\.(md|json) is not listed in the manifest$/u],
    ['a file that is not there', (_e, m) => { m.files.push({ path: 'html/extra.html', sha256: '0'.repeat(64), size: 1 }); }, /^bundle refused: html\/extra\.html is listed in the manifest but missing from the archive$/u],
    ['another source text', (_e, m) => { (m.articles[0] as unknown as { source: { sha256: string } }).source.sha256 = 'a'.repeat(64); }, /^bundle refused: history\/\w+\.json names a different source .* from the manifest's/u],
    ['another format', (_e, m) => { m.format = 'zip-of-stuff'; }, /^not a Copydesk bundle: manifest\.json does not describe a copydesk-bundle$/u],
    ['a newer version', (_e, m) => { m.version = 2; }, /^bundle refused: it was made by a newer Copydesk \(bundle format 2; this one reads format 1\)/u],
    ['an unknown field', (_e, m) => { m.signedBy = 'someone'; }, /^bundle refused: manifest\.json is not valid: .*signedBy/u],
    ['a history with no article', (e, m) => { e.push({ name: 'history/feedface.json', data: Buffer.from('{}') }); m.files.push({ path: 'history/feedface.json', sha256: '', size: 0 }); }, /^bundle refused: history\/feedface\.json belongs to no article in the manifest$/u],
    ['an article with no history', (e, m) => { const p = `history/${m.articles[0]!.id}.json`; e.splice(e.findIndex((x) => x.name === p), 1); m.files = m.files.filter((f) => f.path !== p); }, /^bundle refused: article \w+ has no history file \(history\/\w+\.json\) in the manifest$/u],
    ['itself listed', (_e, m) => { m.files.push({ path: 'manifest.json', sha256: '0'.repeat(64), size: 1 }); }, /^bundle refused: manifest\.json lists itself$/u],
    ['a file listed twice', (_e, m) => { m.files.push({ ...m.files[0]! }); }, /^bundle refused: manifest\.json lists README\.txt twice$/u],
    ['an unsafe listed path', (_e, m) => { m.files.push({ path: '../x', sha256: '0'.repeat(64), size: 1 }); }, /^bundle refused: manifest\.json is not valid: files\.\d+\.path: unsafe name "\.\.\/x"/u],
  ];
  it.each(cases)('%s is refused', async (_what, edit, message) => {
    const err = await refusal(await forge(zip, edit));
    expect(err.message).toMatch(message);
  });

  /** The archive re-zipped with only its manifest edited: no listing is recomputed. */
  async function withManifest(edit: (m: { files: { path: string; sha256: string; size: number }[] }) => void): Promise<Buffer> {
    const entries = await unpack(zip);
    const manifest = JSON.parse(entries[1]!.data.toString('utf8')) as { files: { path: string; sha256: string; size: number }[] };
    edit(manifest);
    return repack(entries.map((e) => ({ name: e.name, data: e.name === 'manifest.json' ? Buffer.from(JSON.stringify(manifest)) : e.data })));
  }

  it('a checksum changed in the manifest alone is refused, naming the file', async () => {
    expect(await readBundleArchive(await withManifest(() => undefined))).toBeTruthy();
    const bad = await withManifest((m) => {
      const f = m.files.find((x) => x.path === 'bundle.json')!;
      f.sha256 = f.sha256.replace(/^./u, (c) => (c === '0' ? '1' : '0'));
    });
    expect((await refusal(bad)).message).toBe('bundle refused: bundle.json does not match its checksum (tampered or damaged)');
  });

  it('a size changed in the manifest alone is refused, naming the file', async () => {
    const bad = await withManifest((m) => void (m.files.find((x) => x.path === 'README.txt')!.size += 1));
    expect((await refusal(bad)).message).toMatch(/^bundle refused: README\.txt is (\d+) bytes but the manifest says \d+ \(tampered or damaged\)$/u);
  });

  it('a missing or misplaced manifest means this is not a bundle', async () => {
    const bad = await forge(zip, (e) => void e.splice(1, 1));
    expect((await refusal(bad)).message).toMatch(/^not a Copydesk bundle: manifest\.json is not among its first 2 entries, where Copydesk writes it \(found claimreview\/\w+\.json; was the archive re-packed\?\)$/u);
    const moved = await forge(zip, (e) => void e.push(...e.splice(1, 1)));
    expect((await refusal(moved)).message).toMatch(/^not a Copydesk bundle: manifest\.json is not among its first 2 entries/u);
    const alone = await forge(zip, (e) => void e.splice(1));
    expect((await refusal(alone)).message).toBe('not a Copydesk bundle: the archive has no manifest.json');
  });
});

describe('histories that disagree with the manifest', () => {
  it('a history holding another article is refused', async () => {
    const bad = await forge(zip, (e, m) => {
      const h = e.find((x) => x.name === `history/${m.articles[0]!.id}.json`)!;
      const doc = JSON.parse(h.data.toString('utf8')) as { record: { id: string } };
      doc.record.id = m.articles[1]!.id;
      h.data = Buffer.from(JSON.stringify(doc));
    });
    expect((await refusal(bad)).message).toMatch(/^bundle refused: history\/\w+\.json holds article "\w+", not \w+$/u);
  });

  it('a history whose record does not validate is refused', async () => {
    const bad = await forge(zip, (e, m) => {
      const h = e.find((x) => x.name === `history/${m.articles[0]!.id}.json`)!;
      const doc = JSON.parse(h.data.toString('utf8')) as { record: { revisions: unknown } };
      doc.record.revisions = [{ id: 'r1' }];
      h.data = Buffer.from(JSON.stringify(doc));
    });
    expect((await refusal(bad)).message).toMatch(/^bundle refused: history\/\w+\.json is not a valid article history: record\.revisions\.0\./u);
  });
});

describe('a truncated archive', () => {
  it('is refused at every cut, as truncated', async () => {
    const cuts = [4, 100, zip.length >> 2, zip.length >> 1, zip.length - 2000, zip.length - 200, zip.length - 22, zip.length - 1];
    for (const cut of cuts) {
      const err = await refusal(zip.subarray(0, cut));
      expect(err.message, `cut at ${cut} of ${zip.length}`).toMatch(/^bundle refused: the archive is truncated or damaged \(.+\)$/u);
    }
    expect((await refusal(zip.subarray(0, 0))).message).toBe('not a Copydesk bundle: the file is empty');
  });

  it('is refused from a file too', async () => {
    const path = join(await tmp.make(), 'cut.zip');
    await writeFile(path, zip.subarray(0, zip.length >> 1));
    expect((await refusal(path)).message).toMatch(/^bundle refused: the archive is truncated or damaged/u);
  });
});

describe('something that is not a bundle at all', () => {
  it('a text file, a folder, a missing path', async () => {
    const dir = await tmp.make();
    await writeFile(join(dir, 'notes.zip'), 'Putin, North Korea’s Kim in phone call ahead of Alaska summit\n');
    expect((await refusal(join(dir, 'notes.zip'))).message).toBe(`not a Copydesk bundle: ${join(dir, 'notes.zip')} is not a zip archive`);
    expect((await refusal(dir)).message).toBe(`not a Copydesk bundle: ${dir} is a folder`);
    const missing = await refusal(join(dir, 'nope.zip'));
    expect([missing.code, missing.message]).toEqual(['IO_ERROR', `cannot read bundle ${join(dir, 'nope.zip')}: no such file`]);
  });

  it('a zip of something else', async () => {
    const other = await repack([{ name: 'photo.txt', data: Buffer.from('hello') }]);
    expect((await refusal(other)).message).toBe('not a Copydesk bundle: the archive has no manifest.json');
  });
});
