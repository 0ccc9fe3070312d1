import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/**
 * The export and bundle-import contract of issue #6, through the real binary on the bundled seed desk:
 * every format, the selectors, determinism, and a bundle archive's round trip, refusal and idempotence.
 */
let work: string;
let db: string;
let ids: string[];
const env = { COPYDESK_EDITOR: 'Export Tester' };
const cli = (args: string[]) => runCli(args, env);
const ok = async (args: string[]) => {
  const r = await cli(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};
const sha = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'copydesk-export-'));
  db = join(work, 'desk');
  await ok(['import', 'seeds', '--db', db, '--json']);
  ids = JSON.parse((await ok(['list', '--db', db, '--json'])).stdout).map((r: { id: string }) => r.id);
  await ok(['settings', '--organization', 'Copydesk Test Desk', '--db', db]);
  await ok(['tag', ids[0]!, 'korea', 'diplomacy', '--db', db]);
  await ok(['status', ids[0]!, 'checked', '--db', db]);
  await ok(['claim', ids[0]!, '--text', 'The two countries signed a mutual defense pact last year.', '--verdict', 'true', '--note', 'Treaty of 19 June 2024', '--source', 'https://example.org/treaty', '--db', db]);
  await ok(['correct', ids[1]!, '--field', 'headline', '--text', 'Pakistan and Afghanistan exchange heavy fire along border', '--reason', 'style', '--db', db]);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('copydesk bundle + export', () => {
  it('creates a bundle from ids and exports each per-article format into a folder, one file per article', async () => {
    const id = (await ok(['bundle', 'create', 'Korea and Pakistan', '--ids', `${ids[1]!.slice(0, 6)},${ids[0]!.slice(0, 6)}`, '--db', db])).stdout.trim();
    expect(id).toMatch(/^b[0-9a-f]{10}$/);
    const list = JSON.parse((await ok(['bundle', 'list', '--db', db, '--json'])).stdout);
    expect(list).toContainEqual(expect.objectContaining({ id, name: 'Korea and Pakistan', articleIds: [ids[1], ids[0]] }));

    await ok(['export', '--format', 'ninjs', '--out', join(work, 'ninjs'), '--bundle', 'Korea and Pakistan', '--db', db]);
    expect((await readdir(join(work, 'ninjs'))).sort()).toEqual(ids.map((i) => `${i}.ninjs.json`).sort());
    const ninjs = JSON.parse(await readFile(join(work, 'ninjs', `${ids[0]}.ninjs.json`), 'utf8'));
    expect(ninjs.uri).toBe(`urn:copydesk:article:${ids[0]}`);
    expect(ninjs.subjects).toEqual([{ name: 'korea' }, { name: 'diplomacy' }]);
    const corrected = JSON.parse(await readFile(join(work, 'ninjs', `${ids[1]}.ninjs.json`), 'utf8'));
    expect(corrected.headlines[0].value).toBe('Pakistan and Afghanistan exchange heavy fire along border');

    await ok(['export', '--format', 'md', '--out', join(work, 'md'), '--db', db]);
    expect((await readdir(join(work, 'md'))).sort()).toEqual(ids.map((i) => `${i}.md`).sort());

    // Only the article with a rated verdict has something to say as ClaimReview.
    const cr = await ok(['export', '--format', 'claimreview', '--out', join(work, 'cr'), '--db', db, '--json']);
    expect(JSON.parse(cr.stdout)).toMatchObject({ format: 'claimreview', articles: 2, files: 1, skipped: 1 });
    const reviews = JSON.parse(await readFile(join(work, 'cr', `${ids[0]}.claimreview.json`), 'utf8'));
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ '@type': 'ClaimReview', claimReviewed: 'The two countries signed a mutual defense pact last year.', author: { name: 'Copydesk Test Desk' } });
  });

  it('writes html and csv as single files, selected by tag or status, and the same desk gives the same bytes', async () => {
    await ok(['export', '--format', 'html', '--out', join(work, 'a.html'), '--tag', 'korea', '--db', db]);
    await ok(['export', '--format', 'html', '--out', join(work, 'b.html'), '--tag', 'KOREA', '--db', db]);
    expect(await sha(join(work, 'a.html'))).toBe(await sha(join(work, 'b.html')));
    const html = await readFile(join(work, 'a.html'), 'utf8');
    expect(html).toContain('North Korea');
    expect(html).not.toContain('Pakistan and Afghanistan');

    const csv = JSON.parse((await ok(['export', '--format', 'csv', '--out', join(work, 's.csv'), '--status', 'checked', '--bom', '--db', db, '--json'])).stdout);
    expect(csv).toMatchObject({ format: 'csv', articles: 1, files: 1 });
    const bytes = await readFile(join(work, 's.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(csv.sha256);
  });

  it('refuses a folder where a file is wanted, an unknown format, and two selectors, without writing anything', async () => {
    let r = await cli(['export', '--format', 'html', '--out', work, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a folder; this format writes a single file/);
    r = await cli(['export', '--format', 'pdf', '--out', join(work, 'x.pdf'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format "pdf"/);
    r = await cli(['export', '--format', 'csv', '--out', join(work, 'x.csv'), '--tag', 'korea', '--status', 'new', '--db', db]);
    expect(r.code).toBe(2);
    await expect(readFile(join(work, 'x.csv'))).rejects.toThrow();
  });

  it('round-trips a bundle archive byte for byte, refuses a tampered one whole, and imports the same one twice without change', async () => {
    const first = join(work, 'first.cdbundle');
    await ok(['export', '--format', 'bundle', '--out', first, '--bundle', 'Korea and Pakistan', '--db', db]);
    await ok(['export', '--format', 'bundle', '--out', join(work, 'again.cdbundle'), '--bundle', 'Korea and Pakistan', '--db', db]);
    expect(await sha(first)).toBe(await sha(join(work, 'again.cdbundle')));
    expect((await readFile(first)).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');

    const other = join(work, 'other-desk');
    const imported = JSON.parse((await ok(['import', first, '--db', other, '--json'])).stdout);
    expect(imported).toEqual({ imported: 2, updated: 0, unchanged: 0, failed: 0, files: [{ path: first, articles: 2, error: null, warnings: [] }] });
    const twice = JSON.parse((await ok(['import', first, '--db', other, '--json'])).stdout);
    expect(twice).toMatchObject({ imported: 0, updated: 0, unchanged: 2, failed: 0 });

    // The other desk holds the revisions, status, tags and claim, and the bundle with its order.
    const restored = JSON.parse((await ok(['list', '--db', other, '--json'])).stdout);
    expect(restored.find((a: { id: string }) => a.id === ids[0])).toMatchObject({ status: 'checked', tags: ['korea', 'diplomacy'] });
    const claims = JSON.parse((await ok(['claims', ids[0]!, '--db', other, '--json'])).stdout);
    expect(claims.claims).toContainEqual(expect.objectContaining({ verdict: 'true', sources: ['https://example.org/treaty'] }));
    expect(JSON.parse((await ok(['bundle', 'list', '--db', other, '--json'])).stdout)).toContainEqual(expect.objectContaining({ name: 'Korea and Pakistan', articleIds: [ids[1], ids[0]] }));

    await ok(['settings', '--organization', 'Copydesk Test Desk', '--db', other]);
    const second = join(work, 'second.cdbundle');
    await ok(['export', '--format', 'bundle', '--out', second, '--bundle', 'Korea and Pakistan', '--db', other]);
    expect(await sha(second)).toBe(await sha(first));

    const tampered = Buffer.from(await readFile(first));
    tampered[Math.floor(tampered.length / 2)]! ^= 0x01;
    await writeFile(join(work, 'tampered.cdbundle'), tampered);
    const empty = join(work, 'empty-desk');
    const refused = await cli(['import', join(work, 'tampered.cdbundle'), '--db', empty, '--json']);
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout);
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: 0, failed: 1 });
    expect(report.files[0].error).toMatch(/bundle refused/);
    expect(JSON.parse((await ok(['list', '--db', empty, '--json'])).stdout)).toEqual([]);
    expect(JSON.parse((await ok(['bundle', 'list', '--db', empty, '--json'])).stdout)).toEqual([]);
  });
});
