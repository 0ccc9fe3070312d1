import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let db: string;

beforeAll(async () => {
  db = await mkdtemp(join(tmpdir(), 'copydesk-cli-'));
});
afterAll(async () => {
  await rm(db, { recursive: true, force: true });
});

describe('copydesk import/list/show on the bundled seed', () => {
  it('imports the seed folder, then reports it unchanged', async () => {
    const first = await runCli(['import', 'seeds', '--db', db, '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ imported: 2, updated: 0, unchanged: 0, failed: 0 });
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ articles: 2, error: null });
    expect(report.files[0].path).toMatch(/seeds[/\\]000_9aa4e691ff5375b9\.txt$/);
    expect(report.files[0].warnings).toEqual([
      'Pakistan, Afghanistan exchange heavy fire along border, officials say: relative date "Updated 7 sec ago" cannot be pinned to a day',
    ]);

    const again = await runCli(['import', 'seeds', '--db', db, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, updated: 0, unchanged: 2, failed: 0 });
  });

  it('lists articles in import order with the contract fields', async () => {
    const run = await runCli(['list', '--db', db, '--json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['dateline', 'headline', 'id', 'source', 'status', 'tags', 'updated']);
    expect(rows.map((r: { headline: string }) => r.headline)).toEqual([
      'Putin, North Korea’s Kim in phone call ahead of Alaska summit',
      'Pakistan, Afghanistan exchange heavy fire along border, officials say',
    ]);
    expect(rows[0]).toMatchObject({ dateline: 'SEOUL', status: 'new', tags: [], updated: { raw: 'Updated 13 August 2025', date: '2025-08-13', relative: false } });
    expect(rows[1]).toMatchObject({ dateline: 'KABUL', status: 'new', tags: [], updated: { raw: 'Updated 7 sec ago', date: null, relative: true } });
    expect(rows[0].source).toMatchObject({ file: '000_9aa4e691ff5375b9.txt', index: 0, start: 0 });
    expect(rows[0].source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the golden fields of both articles', async () => {
    const rows = JSON.parse((await runCli(['list', '--db', db, '--json'])).stdout);
    const a1 = JSON.parse((await runCli(['show', rows[0].id, '--db', db, '--json'])).stdout);
    expect(a1.headline).toBe('Putin, North Korea’s Kim in phone call ahead of Alaska summit');
    expect(a1.credit).toBe('REUTERS');
    expect(a1.caption).toMatch(/^North Korean leader Kim Jong Un holds a call/);
    expect(a1.updated.date).toBe('2025-08-13');
    expect(a1.highlights).toHaveLength(2);
    expect(a1.dateline).toBe('SEOUL');
    expect(a1.datelineText).toBe('SEOUL:');
    expect(a1.paragraphs).toHaveLength(8);
    expect(a1.paragraphs[0]).toMatch(/^Russian President Vladimir Putin and North Korea’s leader Kim Jong Un/);
    expect(a1.original).toEqual({
      headline: a1.headline, caption: a1.caption, credit: a1.credit, updated: a1.updated, highlights: a1.highlights,
      byline: a1.byline, dateline: a1.dateline, datelineText: a1.datelineText, paragraphs: a1.paragraphs,
    });
    expect(a1).toMatchObject({ id: rows[0].id, status: 'new', tags: [], byline: null, warnings: [] });

    const a2 = JSON.parse((await runCli(['show', rows[1].id, '--db', db, '--json'])).stdout);
    expect(a2.headline).toBe('Pakistan, Afghanistan exchange heavy fire along border, officials say');
    expect(a2.caption).toBeNull();
    expect(a2.credit).toBeNull();
    expect(a2.updated).toEqual({ raw: 'Updated 7 sec ago', date: null, relative: true });
    expect(a2.warnings.map((w: { code: string }) => w.code)).toContain('relative-date');
    expect(a2.highlights).toHaveLength(2);
    expect(a2.dateline).toBe('KABUL');
    expect(a2.paragraphs).toHaveLength(8);
    expect(a2.paragraphs[4]).toContain('South Asian neighbors ended without a breakthrough');
  });

  it('reports an unknown id on stderr, without a stack trace', async () => {
    const run = await runCli(['show', 'ffffffffffffffff', '--db', db, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe('copydesk show: no article with id ffffffffffffffff');
  });
});

describe('usage', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['import', '--db', '/tmp/x'], /import needs at least one file or folder/],
    [['import', 'seeds', '--bogus'], /Unknown option '--bogus'/],
    [['show', '--db', '/tmp/x'], /show takes exactly one article id/],
    [['import', 'seeds', '--max-size', 'lots'], /--max-size takes a size/],
  ])('%j exits 2 with a one-line reason', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([['import'], ['list'], ['show']])('%s --help prints its usage', async (cmd) => {
    const run = await runCli([cmd, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: copydesk ${cmd}`));
  });

  it('takes the desk from COPYDESK_DB when --db is absent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-env-'));
    try {
      await runCli(['import', 'seeds', '--json'], { COPYDESK_DB: dir });
      const rows = JSON.parse((await runCli(['list', '--json'], { COPYDESK_DB: dir })).stdout);
      expect(rows).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
