import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Entry, fromBuffer } from 'yauzl';
import { ZipFile } from 'yazl';
import { type ZipEntry, zipPieces } from '../../../electron/core/export/zip-writer.js';

const STAMP = { mtime: new Date('1980-01-02T00:00:00.000Z'), mode: 0o100644 };

/** yazl encodes DOS times from a Date's local fields; this one answers them in UTC, as bundle archives did. */
class UtcFieldsDate extends Date {
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
}

const files: [string, Buffer][] = [
  ['README.txt', Buffer.from('COPYDESK BUNDLE\n\nA readme.\n')],
  ['empty.txt', Buffer.alloc(0)],
  ['history/a-1.json', Buffer.from(`${JSON.stringify({ record: { id: 'a-1', text: 'x'.repeat(5000) } }, null, 2)}\n`)],
  ['md/ünïcödé—名前.md', Buffer.from('# Заголовок\n\nText with “quotes” and 😀.\n')],
  ['big/stored.bin', Buffer.alloc(70_000, 7)],
];

function entry(path: string, bytes: Buffer, store = false): ZipEntry {
  return { path, crc32: crc32(bytes), size: bytes.length, method: store ? 0 : 8, data: store ? bytes : deflateRawSync(bytes, { level: 9 }) };
}

async function yazlBytes(): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [path, bytes] of files) {
    const store = path.startsWith('big/');
    zip.addBuffer(bytes, path, { mtime: new UtcFieldsDate('1980-01-02T00:00:00.000Z'), mode: 0o100644, compress: !store, compressionLevel: store ? 0 : 9 });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function entriesOf(zip: Buffer): Promise<{ count: number; entries: Entry[] }> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true }, (err, zf) => {
      if (err) return reject(err);
      const entries: Entry[] = [];
      zf.on('entry', (e: Entry) => {
        entries.push(e);
        zf.readEntry();
      });
      zf.on('end', () => resolve({ count: zf.entryCount, entries }));
      zf.on('error', reject);
      zf.readEntry();
    });
  });
}

describe('zipPieces', () => {
  it('writes byte for byte what yazl wrote for the same entries, so archives keep their bytes', async () => {
    const ours = Buffer.concat([...zipPieces(files.map(([path, bytes]) => entry(path, bytes, path.startsWith('big/'))), STAMP)]);
    expect(ours.equals(await yazlBytes())).toBe(true);
  });

  it('hands the archive out in pieces of about 1 MiB that together make the whole zip', async () => {
    const many = Array.from({ length: 300 }, (_, i) => entry(`f/${i}.bin`, Buffer.alloc(10_000, i), true));
    const pieces = [...zipPieces(many, STAMP)];
    expect(pieces.length).toBeGreaterThan(2);
    // Every piece but the last is handed out once it reaches the size.
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(1 << 20);
    const { count, entries } = await entriesOf(Buffer.concat(pieces));
    expect(count).toBe(300);
    expect(entries.map((e) => [e.fileName, e.uncompressedSize, e.crc32])).toEqual(many.map((e) => [e.path, 10_000, e.crc32]));
  });

  it('adds the zip64 end records from 65,535 entries, and a reader then finds every entry', async () => {
    const n = 65_536;
    const tiny = Array.from({ length: n }, (_, i) => entry(`e/${i}`, Buffer.from(String(i)), true));
    const zip = Buffer.concat([...zipPieces(tiny, STAMP)]);
    const end = zip.subarray(zip.length - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(10)).toBe(0xffff);
    expect(zip.readUInt32LE(zip.length - 22 - 20 - 56)).toBe(0x06064b50);
    const { count, entries } = await entriesOf(zip);
    expect(count).toBe(n);
    expect(entries.map((e) => e.fileName).slice(-2)).toEqual([`e/${n - 2}`, `e/${n - 1}`]);
  });

  it('stamps every entry with the given time and mode, read back in UTC', async () => {
    const { entries } = await entriesOf(Buffer.concat([...zipPieces(files.map(([p, b]) => entry(p, b)), STAMP)]));
    for (const e of entries) {
      expect(e.getLastModDate({ timezone: 'UTC', forceDosFormat: true }).toISOString()).toBe('1980-01-02T00:00:00.000Z');
      expect(e.externalFileAttributes >>> 16).toBe(0o100644);
    }
  });
});
