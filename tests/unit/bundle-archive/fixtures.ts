import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { type Entry, fromBuffer } from 'yauzl';
import { ZipFile } from 'yazl';
import type { BundleArchiveInput } from '../../../electron/core/export/bundle-archive.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskService } from '../../../electron/core/service.js';
import { openDesks } from '../../support/open-desks.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SEED = `${REPO}seeds/000_9aa4e691ff5375b9.txt`;
const FIXTURES = ['02-reuters-london.txt', '07-utf16le-bom.txt', '11-arabic.txt', '04-separators.txt'].map((f) => `${REPO}tests/fixtures/seed/${f}`);

/**
 * Real records: the shipped seed and a few parser fixtures imported into a fresh desk, then worked on through
 * the service the way an editor would (a correction, an undo, a status, tags, a verdict), so histories carry
 * every kind of field a desk produces.
 */
export async function deskRecords(prefix = 'copydesk-bundle-'): Promise<{ records: ArticleRecord[]; cleanup: () => Promise<void> }> {
  const desks = openDesks(prefix);
  const desk = await desks.open(await desks.tmp.make());
  const service = new DeskService(desk, { now: () => '2026-03-01T09:00:00.000Z' });
  const must = async <T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  await must(service.call('importPaths', { paths: [SEED, ...FIXTURES] }));
  const ids = desk.list().map((s) => s.id);
  const [first, second, third] = ids as [string, string, string];
  await must(service.call('correctField', { id: first, field: 'headline', text: 'Putin and Kim speak by phone before the Alaska summit', reason: 'house style' }));
  await must(service.call('correctField', { id: first, field: 'paragraph:1', text: 'A corrected first paragraph.', reason: null }));
  await must(service.call('undo', { id: first }));
  await must(service.call('setStatus', { ids: [first, second], status: 'approved', note: 'ready' }));
  await must(service.call('addTags', { ids: [first, third], tags: ['Korea', 'diplomacy'] }));
  const proposals = (await must(service.call('getFactcheck', { id: first }))).claims;
  if (proposals.length > 0) await must(service.call('upsertClaim', { id: first, text: proposals[0]!.text, verdict: 'true', note: 'KCNA transcript', sources: ['https://example.org/kcna'] }));
  const records = [...(await desk.getMany(ids)).values()].map(pinned);
  return { records, cleanup: desks.cleanup };
}

/**
 * The service stamps edits with the clock, the OS user and a random batch id; pinning those makes the records,
 * and so every archive built from them, the same on every run and machine.
 */
function pinned(record: ArticleRecord): ArticleRecord {
  const at = (i: number): string => new Date(Date.UTC(2026, 2, 1, 10, i)).toISOString();
  return {
    ...record,
    revisions: record.revisions.map((r, i) => ({ ...r, at: at(i), editor: 'Ana Editor', batch: r.batch === null ? null : 'b-fixed' })),
    claims: record.claims.map((c) => ({ ...c, at: at(50), checker: 'Ana Editor' })),
    modifiedAt: record.revisions.length + record.claims.length > 0 ? at(59) : record.modifiedAt,
  };
}

/** A bundle input as the export service will build it, with stand-in renders for every format. */
export function bundleInput(records: readonly ArticleRecord[], overrides: Partial<BundleArchiveInput> = {}): BundleArchiveInput {
  return {
    bundle: { id: 'bnd1', name: 'Korea desk — weekend', description: 'Stories for the weekend edition.' },
    bundleRecord: { id: 'bnd1', name: 'Korea desk — weekend', description: 'Stories for the weekend edition.', articleIds: records.map((r) => r.id), createdAt: '2026-02-28T08:00:00.000Z' },
    created: '2026-03-01T09:00:00.000Z',
    appVersion: '0.1.0',
    editor: 'Ana Editor',
    formats: ['ninjs', 'md', 'claimreview', 'html', 'csv'],
    articles: records.map((record) => ({
      record,
      files: [
        { path: `ninjs/${record.id}.json`, bytes: Buffer.from(`${JSON.stringify({ uri: `urn:copydesk:article:${record.id}`, headlines: [{ value: record.original.headline }] })}\n`) },
        { path: `md/${record.id}.md`, bytes: Buffer.from(`# ${record.original.headline}\n\n${record.original.paragraphs.join('\n\n')}\n`) },
        ...(record.claims.length > 0 ? [{ path: `claimreview/${record.id}.json`, bytes: Buffer.from(`${JSON.stringify(record.claims)}\n`) }] : []),
      ],
    })),
    files: [
      { path: 'html/bundle.html', bytes: Buffer.from(`<!doctype html><title>Bundle</title>${records.map((r) => `<h2>${r.id}</h2>`).join('')}\n`) },
      { path: 'csv/bundle.csv', bytes: Buffer.from(`id,headline\r\n${records.map((r) => `${r.id},"${r.original.headline.replaceAll('"', '""')}"`).join('\r\n')}\r\n`) },
    ],
    ...overrides,
  };
}

export interface UnpackedEntry {
  name: string;
  data: Buffer;
  /** Where the entry's compressed bytes sit in the archive. */
  dataStart: number;
  compressedSize: number;
  entry: Entry;
}

/** Every entry of a zip, read with yauzl and none of the reader's checks: test-side inspection only. */
export function unpack(zip: Buffer): Promise<UnpackedEntry[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return reject(err);
      const out: UnpackedEntry[] = [];
      file.on('error', reject);
      file.on('end', () => resolve(out));
      file.on('entry', (entry: Entry) => {
        file.readLocalFileHeader(entry, { minimal: true }, (e1, header) => {
          if (e1) return reject(e1);
          file.openReadStream(entry, (e2, stream) => {
            if (e2) return reject(e2);
            const chunks: Buffer[] = [];
            stream.on('data', (c: Buffer) => chunks.push(c));
            stream.on('error', reject);
            stream.on('end', () => {
              out.push({ name: entry.fileName, data: Buffer.concat(chunks), dataStart: header.fileDataStart, compressedSize: entry.compressedSize, entry });
              file.readEntry();
            });
          });
        });
      });
      file.readEntry();
    });
  });
}

/** A consistent re-zip of `entries`, in the given order, by yazl. */
export function repack(entries: readonly { name: string; data: Buffer; mode?: number }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: new Date(Date.UTC(2026, 0, 1)), mode: e.mode ?? 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

type Manifest = { files: { path: string; sha256: string; size: number }[]; articles: { id: string; files: { path: string; sha256: string; size: number }[] }[] } & Record<string, unknown>;

/**
 * A forgery done right: `edit` changes the entries (and may change the manifest object), then every listing
 * the manifest still has is recomputed from the data, so the archive passes the checksum layer and the test
 * reaches the checks behind it.
 */
export async function forge(
  zip: Buffer,
  edit: (entries: { name: string; data: Buffer; mode?: number }[], manifest: Manifest) => void,
): Promise<Buffer> {
  const entries = (await unpack(zip)).map((e) => ({ name: e.name, data: e.data }) as { name: string; data: Buffer; mode?: number });
  const at = entries.findIndex((e) => e.name === 'manifest.json');
  const manifest = JSON.parse(entries[at]!.data.toString('utf8')) as Manifest;
  edit(entries, manifest);
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  for (const f of [...manifest.files, ...manifest.articles.flatMap((a) => a.files)]) {
    const data = byName.get(f.path);
    if (data) Object.assign(f, { sha256: sha256(data), size: data.length });
  }
  const target = entries.find((e) => e.name === 'manifest.json');
  if (target) target.data = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  return repack(entries);
}

export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  method?: 0 | 8;
  /** Full 32-bit external attributes; default a regular file, mode 0644, made on Unix. */
  externalAttributes?: number;
  /** The uncompressed size the headers claim, when it should lie. */
  declaredSize?: number;
  flags?: number;
}

/**
 * A zip written byte by byte, for archives no well-behaved library will make: unsafe names, lying sizes, and
 * more than 65,535 entries (ZIP64 end records). Local headers carry sizes and CRC; no data descriptors.
 */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const method = e.method ?? 0;
    const payload = method === 8 ? deflateRawSync(e.data) : e.data;
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = e.flags ?? 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, payload);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(0x033f, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(0x21, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(payload.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE((e.externalAttributes ?? 0o100644 << 16) >>> 0, 38);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + payload.length;
  }
  const directory = Buffer.concat(central);
  const count = entries.length;
  const tail: Buffer[] = [];
  if (count >= 0xffff) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, ...tail, end]);
}
