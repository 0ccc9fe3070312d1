import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * Every malformed input the issue names, in one import beside two good files: each bad one gets its own
 * error or warning, and the good ones still land.
 */
let dir: string;
let inbox: string;

const ARTICLE = (headline: string, city: string) =>
  `${headline}\n\nShort Url\nUpdated 27 November 2026 14:05\nFollow\n\n${headline}\n\n  • A highlight\n\n${city}: The first paragraph.\nThe second paragraph.\n`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-bad-'));
  inbox = join(dir, 'inbox');
  await mkdir(inbox);
  const w = (name: string, data: string | Uint8Array) => writeFile(join(inbox, name), data);
  await w('a-good.txt', ARTICLE('Council approves budget', 'LONDON'));
  await w('b-empty.txt', '');
  await w('c-binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  await w('d-one-line-20mb.txt', 'word '.repeat(4 * 1024 * 1024));
  await w('e-invalid-utf8.txt', Buffer.concat([Buffer.from('Headline\n\nBody caf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]));
  await w('f-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE('Rains flood valley', 'DHAKA'), 'utf16le')]));
  await w('g-crlf.txt', ARTICLE('Markets rally on rate hopes', 'TOKYO').replace(/\n/g, '\r\n'));
  await w('h-furniture-only.txt', 'Short Url\nUpdated 7 sec ago\nFollow\n');
  await w('i-too-large.txt', '');
  await truncate(join(inbox, 'i-too-large.txt'), 50 * 1024 * 1024 + 1);
  await w('z-good.txt', ARTICLE('Port strike ends after talks', 'ROTTERDAM'));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an import with every kind of malformed file', () => {
  it('lands the good files and reports each bad one by name', async () => {
    const run = await runCli(['import', inbox, '--db', join(dir, 'desk'), '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const byName = Object.fromEntries(report.files.map((f: { path: string }) => [f.path.split(/[/\\]/).pop(), f]));
    expect(Object.keys(byName)).toHaveLength(10);

    expect(byName['a-good.txt']).toMatchObject({ articles: 1, error: null });
    expect(byName['z-good.txt']).toMatchObject({ articles: 1, error: null });
    expect(byName['f-utf16.txt']).toMatchObject({ articles: 1, error: null });
    expect(byName['g-crlf.txt']).toMatchObject({ articles: 1, error: null });

    expect(byName['b-empty.txt'].error).toMatch(/b-empty\.txt: empty file$/);
    expect(byName['c-binary.txt'].error).toMatch(/c-binary\.txt: a PNG image, not a text file$/);
    expect(byName['e-invalid-utf8.txt'].error).toMatch(/e-invalid-utf8\.txt: invalid UTF-8 at byte offset 18$/);
    expect(byName['i-too-large.txt'].error).toMatch(/i-too-large\.txt: file is 50\.0 MB, over the 50 MB limit$/);

    expect(byName['h-furniture-only.txt']).toMatchObject({ articles: 0, error: null });
    expect(byName['h-furniture-only.txt'].warnings[0]).toMatch(/no articles found/);

    expect(byName['d-one-line-20mb.txt'].error).toBeNull();
    expect(byName['d-one-line-20mb.txt'].articles).toBe(1);

    expect(report.failed).toBe(4);
    expect(report.imported).toBe(5);

    const list = JSON.parse((await runCli(['list', '--db', join(dir, 'desk'), '--json'])).stdout);
    expect(list.map((a: { headline: string }) => a.headline)).toEqual(
      expect.arrayContaining(['Council approves budget', 'Port strike ends after talks', 'Rains flood valley', 'Markets rally on rate hopes']),
    );
  }, 120_000);

  it('keeps the CRLF and UTF-16 articles field for field', async () => {
    const list = JSON.parse((await runCli(['list', '--db', join(dir, 'desk'), '--json'])).stdout);
    for (const headline of ['Rains flood valley', 'Markets rally on rate hopes']) {
      const row = list.find((a: { headline: string }) => a.headline === headline);
      const a = JSON.parse((await runCli(['show', row.id, '--db', join(dir, 'desk'), '--json'])).stdout);
      expect(a.updated).toEqual({ raw: 'Updated 27 November 2026 14:05', date: '2026-11-27', relative: false });
      expect(a.highlights).toEqual(['A highlight']);
      expect(a.paragraphs).toEqual(['The first paragraph.', 'The second paragraph.']);
      expect(a.warnings).toEqual([]);
    }
  });

  it('honours --max-size', async () => {
    const run = await runCli(['import', join(inbox, 'a-good.txt'), '--db', join(dir, 'small'), '--max-size', '100', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).files[0].error).toMatch(/over the 100 bytes limit$/);
  });

  it('reports a missing path as a failed file and still imports the rest', async () => {
    const run = await runCli(['import', join(dir, 'nope.txt'), join(inbox, 'z-good.txt'), '--db', join(dir, 'desk2'), '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ imported: 1, failed: 1 });
    expect(report.files[0].error).toMatch(/nope\.txt: no such file or folder$/);
  });
});
