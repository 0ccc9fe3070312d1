import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { writeBundleArchive } from '../../../electron/core/export/bundle-archive.js';
import type { ArchiveLimits } from '../../../electron/core/export/bundle-manifest.js';
import { readBundleArchive } from '../../../electron/core/import/bundle-archive-reader.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import { type RawEntry, bundleInput, deskRecords, forge, rawZip, unpack } from './fixtures.js';

let records: ArticleRecord[];
let cleanup: () => Promise<void>;
let zip: Buffer;
/** The valid bundle's entries, as raw entries to splice hostile ones into. */
let valid: RawEntry[];
beforeAll(async () => {
  ({ records, cleanup } = await deskRecords());
  zip = await writeBundleArchive(bundleInput(records.slice(0, 3)));
  valid = (await unpack(zip)).map((e) => ({ name: e.name, data: e.data, method: 8 }));
});
afterAll(() => cleanup?.());

async function refusal(source: Buffer, limits: Partial<ArchiveLimits> = {}): Promise<string> {
  const err = await readBundleArchive(source, limits).then(() => null, (e: unknown) => e);
  expect(err, 'the archive should have been refused').toBeInstanceOf(DeskError);
  expect((err as DeskError).code).toBe('INVALID_INPUT');
  return (err as DeskError).message;
}

function yazlZip(add: (z: ZipFile) => void): Promise<Buffer> {
  const z = new ZipFile();
  add(z);
  z.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('zip-slip', () => {
  it.each([
    ['../evil.txt', /unsafe entry name "\.\.\/evil\.txt": (invalid relative path|the name has a "\." or "\.\." part)/u],
    ['history/../../evil.txt', /unsafe entry name "history\/\.\.\/\.\.\/evil\.txt"/u],
    ['/etc/cron.d/evil', /unsafe entry name "\/etc\/cron\.d\/evil": (absolute path|the name is an absolute path)/u],
    ['C:/Windows/evil.dll', /unsafe entry name "C:\/Windows\/evil\.dll"/u],
    ['C:\\Windows\\evil.dll', /unsafe entry name "C:\\\\Windows\\\\evil\.dll"/u],
    ['md\\..\\..\\evil.md', /unsafe entry name "md\\\\\.\.\\\\\.\.\\\\evil\.md"/u],
    ['md/evil\0.md', /unsafe entry name "md\/evil\\u0000\.md": the name contains a NUL character/u],
    ['md/./evil.md', /the name has a "\." or "\.\." part/u],
    ['md//evil.md', /the name has an empty part/u],
    ['md/.bashrc', /characters other than/u],
    ['md/évil.md', /characters other than/u],
  ])('an entry named %j is refused before anything is read', async (name, message) => {
    const hostile = rawZip([{ name, data: Buffer.from('pwned') }, ...valid]);
    expect(await refusal(hostile)).toMatch(message);
  });

  it('a name that is not UTF-8 (CP437 without the UTF-8 flag) is refused', async () => {
    const hostile = rawZip([{ name: Buffer.from([0x6d, 0x64, 0x2f, 0x82, 0x2e, 0x6d, 0x64]), data: Buffer.from('x'), flags: 0 }, ...valid]);
    expect(await refusal(hostile)).toMatch(/unsafe entry name "md\/é\.md": the name has characters other than/u);
  });
});

describe('links, folders and other non-files', () => {
  it('a symbolic link is refused, however it was made', async () => {
    const viaYazl = await yazlZip((z) => z.addBuffer(Buffer.from('/etc/passwd'), 'md/link.md', { mode: 0o120777 }));
    expect(await refusal(viaYazl)).toBe('bundle refused: md/link.md is a symbolic link');
    const spliced = rawZip([...valid.slice(0, 3), { name: 'md/link.md', data: Buffer.from('../../.ssh/id_rsa'), externalAttributes: (0o120777 << 16) >>> 0 }, ...valid.slice(3)]);
    expect(await refusal(spliced)).toBe('bundle refused: md/link.md is a symbolic link');
  });

  it('folder entries are refused', async () => {
    const dir = await yazlZip((z) => z.addEmptyDirectory('history/'));
    expect(await refusal(dir)).toBe('bundle refused: the archive holds a folder entry "history/"; a bundle holds files only');
    expect(await refusal(rawZip([{ name: 'md', data: Buffer.alloc(0), externalAttributes: (0o040755 << 16) >>> 0 }]))).toBe('bundle refused: md is marked as a folder');
    expect(await refusal(rawZip([{ name: 'md', data: Buffer.alloc(0), externalAttributes: 0x10 }]))).toBe('bundle refused: md is not a regular file');
  });

  it('devices and pipes are refused', async () => {
    expect(await refusal(rawZip([{ name: 'md/fifo', data: Buffer.alloc(0), externalAttributes: (0o010644 << 16) >>> 0 }]))).toBe('bundle refused: md/fifo is not a regular file');
  });

  it('encrypted entries and unknown compression methods are refused', async () => {
    expect(await refusal(rawZip([{ name: 'README.txt', data: Buffer.from('x'), method: 8, flags: 0x801 }]))).toBe('bundle refused: README.txt is encrypted');
    expect(await refusal(rawZip([{ name: 'README.txt', data: Buffer.from('x'), method: 12 as 8 }]))).toMatch(/^bundle refused: README\.txt uses compression method 12/u);
  });
});

describe('zip bombs', () => {
  const zeros = Buffer.alloc(8 * 1024 * 1024);

  it('an entry that claims a huge compression ratio is refused from the directory alone', async () => {
    const bomb = rawZip([...valid, { name: 'html/bomb.html', data: zeros, method: 8 }]);
    expect(await refusal(bomb)).toMatch(/^bundle refused: html\/bomb\.html claims a compression ratio of \d+:1, over the limit of 200:1 \(a zip bomb\?\)$/u);
  });

  it('an entry that lies about its size is cut off at the size it declared', async () => {
    // The manifest is inflated first; it claims 100 KB (a ratio under the limit) and would inflate to 8 MiB.
    const liar = rawZip([{ name: 'manifest.json', data: zeros, method: 8, declaredSize: 100_000 }]);
    expect(await refusal(liar)).toMatch(/^bundle refused: manifest\.json (unpacks to more than the 100000 bytes it declares|does not match its recorded size)/u);
    const small = rawZip([{ name: 'manifest.json', data: Buffer.alloc(50_000, 0x20), method: 8, declaredSize: 60_000 }]);
    expect(await refusal(small)).toMatch(/^bundle refused: manifest\.json does not match its recorded size \(tampered or damaged\)$/u);
  });

  it('the real bytes are held to the per-file limit, whatever the header claims', async () => {
    // Declared at exactly the limit, so the directory passes; the data would inflate to 8 MiB.
    const liar = rawZip([{ name: 'manifest.json', data: zeros, method: 8, declaredSize: 1024 * 1024 }]);
    expect(await refusal(liar, { maxEntryBytes: 1024 * 1024, maxCompressionRatio: 100_000 })).toMatch(
      /^bundle refused: manifest\.json (unpacks to more than the 1048576 bytes it declares|does not match its recorded size)/u,
    );
  });

  it('entries that share their compressed bytes are refused', async () => {
    const twin = await forge(zip, (e, m) => {
      for (const name of ['html/a.html', 'html/b.html']) {
        e.push({ name, data: Buffer.from('same') });
        m.files.push({ path: name, sha256: '', size: 0 });
      }
    });
    expect(await readBundleArchive(twin)).toBeTruthy();
    // Point b's central directory record at a's local header, as overlapping-entry bombs do.
    const eocd = twin.length - 22;
    const records: number[] = [];
    for (let at = twin.readUInt32LE(eocd + 16); at < eocd; at += 46 + twin.readUInt16LE(at + 28) + twin.readUInt16LE(at + 30) + twin.readUInt16LE(at + 32)) records.push(at);
    const [a, b] = records.slice(-2) as [number, number];
    twin.writeUInt32LE(twin.readUInt32LE(a + 42), b + 42);
    expect(await refusal(twin)).toMatch(/^bundle refused: html\/[ab]\.html and html\/[ab]\.html share their bytes \(a zip bomb\?\)$/u);
  });

  it('the total and per-entry sizes are limited', async () => {
    expect(await refusal(zip, { maxTotalBytes: 20_000 })).toBe('bundle refused: the archive would unpack to more than 20000 bytes, over the limit');
    expect(await refusal(zip, { maxEntryBytes: 5_000 })).toMatch(/^bundle refused: history\/\w+\.json would unpack to \d+ bytes, over the per-file limit of 5000$/u);
  });
});

describe('archives with very many entries', () => {
  const junk = (n: number): RawEntry[] => Array.from({ length: n }, (_, i) => ({ name: `junk/${String(i).padStart(6, '0')}.txt`, data: Buffer.from('j') }));

  it('100,000 entries after a valid manifest are refused at the first one the manifest does not list', async () => {
    const archive = rawZip([...valid, ...junk(100_000)]);
    const t0 = performance.now();
    expect(await refusal(archive)).toBe('bundle refused: junk/000000.txt is not listed in the manifest');
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('100,000 entries and no manifest up front are refused within the first few entries', async () => {
    for (const archive of [rawZip([...junk(100_000), ...valid]), rawZip(junk(100_000))]) {
      const t0 = performance.now();
      expect(await refusal(archive)).toBe('not a Copydesk bundle: manifest.json is not among its first 2 entries, where Copydesk writes it (found junk/000002.txt; was the archive re-packed?)');
      expect(performance.now() - t0).toBeLessThan(1_000);
    }
  });

  it('more entries than the limit are refused before the directory is read', async () => {
    const archive = rawZip(junk(100_000));
    const t0 = performance.now();
    expect(await refusal(archive, { maxEntries: 50_000 })).toBe('bundle refused: the archive holds 100000 entries, over the limit of 50000');
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('names that collide, and entries that should not be there', () => {
  it('two entries with one name, or names one letter-case apart', async () => {
    expect(await refusal(rawZip([valid[0]!, valid[0]!, ...valid.slice(1)]))).toBe('bundle refused: the archive holds two entries named README.txt');
    const md = valid.find((e) => String(e.name).startsWith('md/'))!;
    const upper = { ...md, name: String(md.name).toUpperCase().replace('.MD', '.md') };
    expect(await refusal(rawZip([...valid, upper]))).toMatch(/^bundle refused: the archive holds entries named md\/\w+\.md and MD\/\w+\.md, which differ only in letter case$/u);
  });

  it('an entry the manifest does not list', async () => {
    const extra = await forge(zip, (e) => void e.push({ name: 'md/extra.md', data: Buffer.from('# smuggled\n') }));
    expect(await refusal(extra)).toBe('bundle refused: md/extra.md is not listed in the manifest');
  });

  it('an entry the manifest lists but the archive lacks', async () => {
    const missing = await forge(zip, (e) => void e.splice(e.findIndex((x) => x.name.startsWith('ninjs/')), 1));
    expect(await refusal(missing)).toMatch(/^bundle refused: ninjs\/\w+\.json is listed in the manifest but missing from the archive$/u);
  });
});

describe('hostile JSON', () => {
  const replace = (path: string, data: Buffer | string) => (e: { name: string; data: Buffer }[]) => void (e.find((x) => x.name === path)!.data = Buffer.from(data));

  it('deep nesting is refused before it is parsed', async () => {
    expect(await refusal(await forge(zip, replace('bundle.json', '['.repeat(100_000) + ']'.repeat(100_000))))).toBe('bundle refused: bundle.json nests deeper than 64 levels');
    const deepHistory = await forge(zip, (e, m) => {
      const h = e.find((x) => x.name === `history/${m.articles[0]!.id}.json`)!;
      const doc = JSON.parse(h.data.toString('utf8')) as { record: { revisions: { after: unknown }[] } };
      doc.record.revisions = [{ ...records[0]!.revisions[0]!, after: JSON.parse('{"a":'.repeat(70) + '1' + '}'.repeat(70)) as unknown }];
      h.data = Buffer.from(JSON.stringify(doc));
    });
    expect(await refusal(deepHistory)).toMatch(/^bundle refused: history\/\w+\.json nests deeper than 64 levels$/u);
  });

  it('text that is not UTF-8, JSON that is not JSON, a bundle that is not an object', async () => {
    expect(await refusal(await forge(zip, replace('bundle.json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))))).toBe('bundle refused: bundle.json is not UTF-8 text');
    expect(await refusal(await forge(zip, replace('bundle.json', '{"id": ')))).toMatch(/^bundle refused: bundle\.json is not valid JSON \(/u);
    expect(await refusal(await forge(zip, replace('bundle.json', '[]')))).toBe('bundle refused: bundle.json does not hold a JSON object');
  });

  it('a __proto__ key stays data and pollutes nothing', async () => {
    const v = await readBundleArchive(await forge(zip, replace('bundle.json', '{"__proto__": {"polluted": true}, "id": "b"}')));
    expect(Object.hasOwn(v.bundle as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a deflate stream that is garbage is reported as damage to that entry', async () => {
    const garbage = rawZip([{ name: 'manifest.json', data: Buffer.from('{}') }]);
    // Mark the stored entry as deflated: the bytes "{}" are not a valid deflate stream.
    const cd = garbage.readUInt32LE(garbage.length - 22 + 16);
    garbage.writeUInt16LE(8, 8);
    garbage.writeUInt16LE(8, cd + 10);
    expect(await refusal(garbage)).toMatch(/^bundle refused: manifest\.json (is damaged and cannot be unpacked|does not match its recorded size)/u);
    expect(deflateRawSync(Buffer.from('{}')).equals(Buffer.from('{}'))).toBe(false);
  });
});
