import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFault, checkOf } from '../../../electron/core/store/file-check.js';
import { RootSchema, bodyPath, bundlesPath, metaPath, rootBackupPath, rootPath } from '../../../electron/core/store/layout.js';
import { rootText, sealFault } from '../../../electron/core/store/root-seal.js';
import { openDesks } from '../../support/open-desks.js';
import { makeRecord } from '../../support/records.js';
import * as ops from '../../../electron/core/bundles/bundle-operations.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-checks-');
afterEach(cleanup);

describe('what desk.json records about the files it names', () => {
  it('the size and SHA-256 of every meta, body and bundles file, and a seal over itself', async () => {
    const dir = await tmp.make();
    const desk = await open(dir, { chunkSize: 2 });
    const recs = Array.from({ length: 5 }, () => makeRecord(desk.reserveSeq()));
    const b = ops.createBundle('b0000000001', { name: 'Bundle 1', description: '', articleIds: [recs[0]!.id] }, { editor: 'Ana', now: '2026-02-01T00:00:00.000Z' });
    await desk.commit(recs, { bundles: [b] });
    await close(desk);

    const text = await readFile(rootPath(dir), 'utf8');
    const root = RootSchema.parse(JSON.parse(text));
    expect(root.chunks).toHaveLength(3);
    for (const c of root.chunks) {
      expect(c.meta).toEqual(checkOf(await readFile(metaPath(dir, c))));
      expect(c.body).toEqual(checkOf(await readFile(bodyPath(dir, c))));
    }
    expect(root.bundles?.file).toEqual(checkOf(await readFile(bundlesPath(dir, root.bundles!))));
    expect(sealFault(JSON.parse(text))).toBeNull();
    expect(Object.keys(JSON.parse(text)).at(-1)).toBe('seal');
    // The previous root (a hard link to what desk.json was) is sealed too.
    expect(sealFault(JSON.parse(await readFile(rootBackupPath(dir), 'utf8')))).toBeNull();
  });
});

describe('root seal', () => {
  const root = { format: 'copydesk-desk', schemaVersion: 1, generation: 4, chunks: [{ id: 0, rev: 2, count: 1 }] };

  it('catches any change to a sealed root, and reads an unsealed (older) root as it is', () => {
    const sealed = JSON.parse(rootText(root)) as Record<string, unknown>;
    expect(sealFault(sealed)).toBeNull();
    expect(sealFault({ ...sealed, generation: 5 })).toMatch(/does not match its own checksum/);
    expect(sealFault({ ...sealed, seal: 'x' })).toMatch(/does not match its own checksum/);
    expect(sealFault(root)).toBeNull();
  });

  it('resealing replaces the old seal rather than sealing it in', () => {
    const once = rootText(root);
    expect(rootText(JSON.parse(once))).toBe(once);
    const edited = rootText({ ...(JSON.parse(once) as object), generation: 9 });
    expect(sealFault(JSON.parse(edited))).toBeNull();
  });
});

describe('file checks', () => {
  it('names what differs: the size first, then the content', () => {
    const check = checkOf(Buffer.from('{"a":1}'));
    expect(checkFault(Buffer.from('{"a":1}'), check)).toBeNull();
    expect(checkFault(Buffer.from('{"a":12}'), check)).toBe('is 8 bytes; desk.json says 7');
    expect(checkFault(Buffer.from('{"a":2}'), check)).toMatch(/does not match its checksum/);
  });
});
