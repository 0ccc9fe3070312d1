import { createHash } from 'node:crypto';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryCompressor } from '../../../electron/core/export/entry-compressor.js';

const SETTINGS = { level: 9, ratioFloorBytes: 1024 * 1024, maxCompressionRatio: 200 };
const open: EntryCompressor[] = [];
const compressor = (settings = SETTINGS): EntryCompressor => {
  const c = new EntryCompressor(settings);
  open.push(c);
  return c;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('EntryCompressor', () => {
  it('packs text as UTF-8 and bytes as they are, exactly as zlib and crypto do on this thread', async () => {
    const text = `# Заголовок “quoted” 😀\n${'a paragraph of news copy. '.repeat(200)}`;
    const bytes = Buffer.from([0, 1, 2, 3, 255, 254]);
    const [t, b, empty] = await compressor().compress([text, bytes, '']);
    const utf8 = Buffer.from(text, 'utf8');
    expect(t).toMatchObject({ sha256: sha256(utf8), size: utf8.length, crc32: crc32(utf8), method: 8 });
    expect(t!.data.equals(deflateRawSync(utf8, { level: 9 }))).toBe(true);
    expect(b).toMatchObject({ sha256: sha256(bytes), size: 6, crc32: crc32(bytes), method: 8 });
    expect(inflateRawSync(b!.data).equals(bytes)).toBe(true);
    expect(empty).toMatchObject({ size: 0, method: 8 });
    expect(empty!.data.equals(deflateRawSync(Buffer.alloc(0), { level: 9 }))).toBe(true);
  });

  it('packs only the bytes of a view, not the rest of the buffer behind it', async () => {
    const whole = Buffer.from('0123456789abcdefghij');
    const [v] = await compressor().compress([whole.subarray(5, 10)]);
    expect(inflateRawSync(v!.data).toString()).toBe('56789');
    expect(v!.size).toBe(5);
  });

  it('stores a large entry that would deflate beyond the ratio limit, and deflates one that would not', async () => {
    const c = compressor({ level: 9, ratioFloorBytes: 1000, maxCompressionRatio: 20 });
    const bomb = 'a'.repeat(50_000);
    const [stored, small] = await c.compress([bomb, 'a'.repeat(999)]);
    expect(stored!.method).toBe(0);
    expect(stored!.data.toString()).toBe(bomb);
    expect(small!.method).toBe(8);
  });

  it('answers batches in the order they were sent, with many in flight', async () => {
    const c = compressor();
    const batches = Array.from({ length: 20 }, (_, i) => Array.from({ length: 30 }, (_, j) => `batch ${i} item ${j} `.repeat(j + 1)));
    const answers = await Promise.all(batches.map((b) => c.compress(b)));
    answers.forEach((packed, i) => expect(packed.map((p) => inflateRawSync(p.data).toString())).toEqual(batches[i]));
  });

  it('refuses work once closed, and closing twice or without any work is harmless', async () => {
    const idle = compressor();
    await idle.close();
    await idle.close();
    await expect(idle.compress(['x'])).rejects.toThrow(/closed/);
  });
});
