import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BundleArchiveInput, writeBundleArchive } from '../../../electron/core/export/bundle-archive.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { tempDirs } from '../../support/temp-dir.js';
import { REPO, bundleInput, deskRecords, unpack } from './fixtures.js';

let records: ArticleRecord[];
let cleanup: () => Promise<void>;
const tmp = tempDirs('copydesk-bundle-tz-');
beforeAll(async () => ({ records, cleanup } = await deskRecords()));
afterAll(async () => {
  await cleanup?.();
  await tmp.cleanup();
});

const CHILD = join(REPO, 'tests/unit/bundle-archive/write-archive-child.ts');
const encode = (files: BundleArchiveInput['files']) => files.map((f) => ({ path: f.path, base64: Buffer.from(f.bytes).toString('base64') }));

/**
 * yazl encodes DOS times from a Date's local fields, so the zone is the classic source of archives that differ
 * between machines. Each zone runs in its own process (TZ must be set before Node reads it): UTC, east of UTC
 * (Tokyo; Auckland, on summer time then), and west of it (Los Angeles, where local 1980-01-01 is 08:00 UTC).
 */
it('writes the same bytes in every time zone', async () => {
  const input = bundleInput(records);
  const dir = await tmp.make();
  const inputPath = join(dir, 'input.json');
  await writeFile(inputPath, JSON.stringify({ ...input, files: encode(input.files), articles: input.articles.map((a) => ({ record: a.record, files: encode(a.files) })) }));
  const here = await writeBundleArchive(input);

  const zones: [string, number][] = [['UTC', 0], ['Asia/Tokyo', -540], ['Pacific/Auckland', -780], ['America/Los_Angeles', 480]];
  for (const [zone, offset] of zones) {
    const out = join(dir, `${zone.replace('/', '-')}.zip`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, inputPath, out], { cwd: REPO, env: { ...process.env, TZ: zone } });
    expect(stdout).toBe(`${zone} ${offset}`);
    const there = await readFile(out);
    expect(there.equals(here), `archive written under TZ=${zone}`).toBe(true);
  }
  for (const e of await unpack(here)) expect(e.entry.getLastModDate({ timezone: 'UTC', forceDosFormat: true }).toISOString()).toBe('1980-01-02T00:00:00.000Z');
});
