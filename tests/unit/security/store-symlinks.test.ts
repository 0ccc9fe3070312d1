import { execFileSync } from 'node:child_process';
import { lstat, readFile, readdir, readlink, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import { STORE_FILE_MODE, createExclusive, writeFileDurable } from '../../../electron/core/store/durable-write.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { bodyPath, docsDir, metaPath, rootBackupPath, rootPath } from '../../../electron/core/store/layout.js';
import { openDesks } from '../../support/open-desks.js';
import { makeRecord } from '../../support/records.js';

/**
 * The store never follows a symbolic link out of the desk. Each test plants a link where a store file should
 * be, pointing at a valid-looking file outside whose content says PLANTED: if the store read through the link,
 * PLANTED would reach the desk. It must instead treat the link as a damaged file (moved aside, recovered from
 * the last good copy), and the file outside must be left exactly as it was.
 */
const { tmp, open, close, opened, cleanup } = openDesks('copydesk-symlink-');
afterEach(cleanup);

const posix = process.platform !== 'win32';

async function build(dir: string, batches: number): Promise<ArticleRecord[]> {
  const desk = await open(dir);
  const all: ArticleRecord[] = [];
  for (let b = 0; b < batches; b++) {
    const rec = makeRecord(desk.reserveSeq(), { headline: `Real headline ${b + 1}` });
    await desk.commit([rec]);
    all.push(rec);
  }
  await close(desk);
  return all;
}

/** Copies a store file outside the desk with every headline rewritten, and swaps the original for a link to it. */
async function plantLink(storeFile: string, outsideDir: string): Promise<{ outside: string; planted: string }> {
  const planted = (await readFile(storeFile, 'utf8')).replace(/Real headline \d/g, 'PLANTED');
  const outside = join(outsideDir, 'planted.json');
  await writeFile(outside, planted);
  await unlink(storeFile);
  await symlink(outside, storeFile);
  return { outside, planted };
}

const movedAside = async (dir: string, name: string): Promise<string[]> => (await readdir(dir)).filter((n) => n.startsWith(`${name}.corrupt-`));

describe.runIf(posix)('the store and symbolic links', () => {
  it('does not read a meta file that is a link: the chunk is rebuilt from its body, the link moved aside', async () => {
    const dir = await tmp.make();
    const outsideDir = await tmp.make();
    await build(dir, 1);
    const meta = metaPath(dir, { id: 0, rev: 1 });
    const { outside, planted } = await plantLink(meta, outsideDir);

    const desk = await open(dir);
    expect(desk.list().map((s) => s.headline)).toEqual(['Real headline 1']);
    expect(desk.notices.map((n) => n.message).join('\n')).toMatch(/is a symbolic link; the desk never follows links out of its folder.*rebuilt it from the article file/);
    expect(await readFile(outside, 'utf8')).toBe(planted);
    // The link itself was renamed, not its target; the meta file in its place is a real file again.
    const aside = await movedAside(docsDir(dir), 'c0.r1.meta.json');
    expect(aside).toHaveLength(1);
    expect(await readlink(join(docsDir(dir), aside[0]!))).toBe(outside);
    expect((await lstat(meta)).isFile()).toBe(true);
  });

  it('refuses a body file that is a link: found at open, the link (not its target) kept aside, and PLANTED never comes back', async () => {
    const dir = await tmp.make();
    const outsideDir = await tmp.make();
    await build(dir, 1);
    const { outside, planted } = await plantLink(bodyPath(dir, { id: 0, rev: 1 }), outsideDir);

    // desk.json names a regular file of a known size; a link is no such file, so opening fails (a backup, if
    // there is one, takes over through openDeskWithRecovery) rather than reading through it.
    const err = await Desk.open(dir).then((d) => (opened.push(d), null), (e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).code).toBe('DESK_CORRUPT');
    expect((err as DeskError).message).toMatch(/c0\.r1\.body\.json is missing or not a regular file; no earlier good copy of chunk 0 is left/);
    expect(JSON.stringify(err)).not.toContain('PLANTED');
    const aside = (await readdir(docsDir(dir))).filter((n) => n.startsWith('c0.r1.body.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect((await lstat(join(docsDir(dir), aside[0]!))).isSymbolicLink()).toBe(true);
    expect(await readFile(outside, 'utf8')).toBe(planted);
  });

  it('refuses a desk.json that is a link and restores the desk from desk.json.bak', async () => {
    const dir = await tmp.make();
    const outsideDir = await tmp.make();
    await build(dir, 2);
    // The planted root points at no chunks at all: read through the link, the desk would open empty.
    const root = JSON.parse(await readFile(rootPath(dir), 'utf8')) as { chunks: unknown[] };
    const outside = join(outsideDir, 'desk.json');
    const planted = JSON.stringify({ ...root, chunks: [], generation: 99 });
    await writeFile(outside, planted);
    await unlink(rootPath(dir));
    await symlink(outside, rootPath(dir));

    const desk = await open(dir);
    expect(desk.list().map((s) => s.headline)).toEqual(['Real headline 1']);
    expect(desk.notices[0]).toMatchObject({ code: 'recovered' });
    expect(desk.notices[0]!.message).toMatch(/desk\.json is a symbolic link.*restored the desk from .*desk\.json\.bak/);
    expect((await lstat(rootPath(dir))).isFile()).toBe(true);
    expect(await readFile(outside, 'utf8')).toBe(planted);
  });

  it('will not open a desk whose only root is a link', async () => {
    const dir = await tmp.make();
    const outsideDir = await tmp.make();
    await build(dir, 1);
    await unlink(rootBackupPath(dir));
    const { outside, planted } = await plantLink(rootPath(dir), outsideDir);
    const err = await Desk.open(dir).then(async (d) => (await d.close(), null), (e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).message).toMatch(/desk\.json is a symbolic link/);
    expect(await readFile(outside, 'utf8')).toBe(planted);
  });

  it('never hangs on a FIFO planted as a store file', async () => {
    const dir = await tmp.make();
    await build(dir, 1);
    const meta = metaPath(dir, { id: 0, rev: 1 });
    await unlink(meta);
    execFileSync('mkfifo', [meta]);
    const desk = await open(dir);
    expect(desk.list().map((s) => s.headline)).toEqual(['Real headline 1']);
    expect(desk.notices.map((n) => n.message).join('\n')).toMatch(/is not a regular file/);
  });

  it('refuses to write through a link, leaving its target alone', async () => {
    const dir = await tmp.make();
    const outside = join(await tmp.make(), 'victim.txt');
    await writeFile(outside, 'original');
    await symlink(outside, join(dir, 'settings.json'));
    const err = await writeFileDurable(join(dir, 'settings.json'), '{"editorName":"x"}').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).message).toMatch(/is a symbolic link/);
    expect(await readFile(outside, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});

describe.runIf(posix)('store file creation', () => {
  it('creates every store file owner-only', async () => {
    const dir = await tmp.make();
    await build(dir, 2);
    const files = [rootPath(dir), ...(await readdir(docsDir(dir))).map((n) => join(docsDir(dir), n))];
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(((await stat(f)).mode & 0o777).toString(8), f).toBe(STORE_FILE_MODE.toString(8));
  });

  it('creates temporary files exclusively: never over an existing file, never through a link', async () => {
    const dir = await tmp.make();
    const existing = join(dir, 'x.tmp');
    await writeFile(existing, 'there first');
    await expect(createExclusive(existing)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(existing, 'utf8')).toBe('there first');

    // A dangling link: following it would create the file at the far end.
    const target = join(await tmp.make(), 'created-through-link');
    await symlink(target, join(dir, 'y.tmp'));
    await expect(createExclusive(join(dir, 'y.tmp'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
