import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refOnly } from '../../support/store-files.js';
import { defaultBackupDir } from '../../../electron/core/backup/backup-location.js';
import { createBackup } from '../../../electron/core/backup/create-backup.js';
import { listBackups } from '../../../electron/core/backup/list-backups.js';
import { restoreBackup } from '../../../electron/core/backup/restore-backup.js';
import { DeskError } from '../../../electron/core/result.js';
import { loadSettings, updateSettings } from '../../../electron/core/store/settings.js';
import { rootBackupPath, rootPath } from '../../../electron/core/store/layout.js';
import { openDesks } from '../../support/open-desks.js';
import { GARBAGE, addArticles, correctHeadline, damageChunk, headlines, readRoot } from './fixtures.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-restore-', { journal: false });
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await cleanup();
});

const failure = async (p: Promise<unknown>): Promise<DeskError> => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeskError);
  return err as DeskError;
};

describe('restoreBackup', () => {
  it('makes the backup current, and restoring its before-restore backup undoes it', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 2 });
    const recs = await addArticles(desk, 3);
    await updateSettings(dir, { editorName: 'Ana' });
    const early = await createBackup(dir, { reason: 'manual' });
    await correctHeadline(desk, recs[0]!.id, 'Corrected after the backup');
    await addArticles(desk, 2);
    await updateSettings(dir, { editorName: 'Bea' });
    const later = headlines(desk);
    const generation = (await readRoot(dir)).generation;
    await close(desk);

    const result = await restoreBackup(dir, early.id);
    expect(result.restored.id).toBe(early.id);
    expect(result.beforeRestore).toMatchObject({ reason: 'before-restore', articles: 5, generation });
    expect(result.generation).toBe(generation + 1);

    desk = await open(dir, { chunkSize: 2 });
    expect(headlines(desk)).toEqual(recs.map((r) => r.original.headline));
    expect(await desk.get(recs[0]!.id)).toEqual(recs[0]);
    expect((await loadSettings(dir)).editorName).toBe('Ana');
    await close(desk);

    const undo = await restoreBackup(dir, result.beforeRestore!.id);
    expect(undo.generation).toBe(generation + 2);
    desk = await open(dir, { chunkSize: 2 });
    expect(headlines(desk)).toEqual(later);
    expect((await loadSettings(dir)).editorName).toBe('Bea');
    // Work goes on after a restore, and reopens cleanly.
    await addArticles(desk, 1, () => 'After the undo');
    await close(desk);
    desk = await open(dir, { chunkSize: 2 });
    expect(desk.notices).toEqual([]);
    expect(headlines(desk).at(-1)).toBe('After the undo');
  });

  it('writes the restored files above every revision on disk, so none can collide with a later file', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    const [rec] = await addArticles(desk, 1);
    const early = await createBackup(dir, { reason: 'manual' });
    for (let i = 1; i <= 3; i++) await correctHeadline(desk, rec!.id, `edit ${i}`);
    await close(desk);
    // A leftover of an interrupted commit, at a revision no root names.
    await writeFile(join(dir, 'docs', 'c0.r9.body.json'), GARBAGE);
    expect((await readRoot(dir)).chunks.map(refOnly)).toEqual([{ id: 0, rev: 4, count: 1 }]);

    await restoreBackup(dir, early.id);
    const root = await readRoot(dir);
    expect(root.chunks.map(refOnly)).toEqual([{ id: 0, rev: 10, count: 1 }]);
    expect(JSON.parse(await readFile(join(dir, 'docs', 'c0.r10.body.json'), 'utf8'))).toMatchObject({ chunk: 0, rev: 10 });
    expect(JSON.parse(await readFile(join(dir, 'docs', 'c0.r10.meta.json'), 'utf8'))).toMatchObject({ chunk: 0, rev: 10 });
    // desk.json.bak is the restored root too: the replaced desk's root no longer keeps its files alive.
    expect(await readFile(rootBackupPath(dir), 'utf8')).toBe(await readFile(rootPath(dir), 'utf8'));

    const back = await open(dir);
    expect(headlines(back)).toEqual([rec!.original.headline]);
    // The replaced desk's files and the leftover are collected at open; they are kept in the before-restore backup.
    expect((await readdir(join(dir, 'docs'))).sort()).toEqual(['c0.r10.body.json', 'c0.r10.meta.json']);
  });

  it('works on a desk too damaged to open, and keeps the damaged files in the before-restore backup', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 2 });
    await addArticles(desk, 4);
    const good = await createBackup(dir, { reason: 'manual' });
    await close(desk);
    await damageChunk(dir, 1);
    await writeFile(rootPath(dir), GARBAGE);
    await writeFile(rootBackupPath(dir), GARBAGE);
    expect((await failure(open(dir))).code).toBe('DESK_CORRUPT');

    const result = await restoreBackup(dir, good.id);
    expect(result.beforeRestore).toMatchObject({ reason: 'before-restore', articles: null, generation: null });
    expect(result.beforeRestore!.damage).toMatch(/desk\.json is not valid JSON/);
    const kept = join(defaultBackupDir(dir), result.beforeRestore!.id);
    expect(await readFile(join(kept, 'desk.json'))).toEqual(GARBAGE);
    expect(await readFile(join(kept, 'desk.json.bak'))).toEqual(GARBAGE);

    desk = await open(dir, { chunkSize: 2 });
    expect(desk.size).toBe(4);
    // A copy of a damaged desk cannot itself be restored.
    await close(desk);
    const refused = await failure(restoreBackup(dir, result.beforeRestore!.id));
    expect(refused.code).toBe('DESK_CORRUPT');
    expect(refused.message).toMatch(/is a copy of a damaged desk .* kept for inspection only$/);
  });

  it('refuses while another process owns the desk, touching nothing', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 2);
    const made = await createBackup(dir, { reason: 'manual' });
    await close(desk);
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(owner);
    await writeFile(join(dir, 'desk.lock'), JSON.stringify({ pid: owner.pid, host: hostname(), since: new Date().toISOString() }));
    const rootBefore = await readFile(rootPath(dir), 'utf8');

    const err = await failure(restoreBackup(dir, made.id));
    expect(err.code).toBe('DESK_LOCKED');
    expect(err.message).toBe(`desk is in use by process ${owner.pid}`);
    expect(await readFile(rootPath(dir), 'utf8')).toBe(rootBefore);
    expect((await listBackups(defaultBackupDir(dir))).map((b) => b.id)).toEqual([made.id]);
  });

  it('refuses while this very process has the desk open', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 1);
    const made = await createBackup(dir, { reason: 'manual' });
    const err = await failure(restoreBackup(dir, made.id));
    expect(err.code).toBe('DESK_LOCKED');
    expect(err.message).toBe('desk is open in this process; close it before restoring a backup');
    expect(desk.size).toBe(1);
  });

  it('refuses a backup whose files no longer match their checksums, before touching the desk', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 2);
    const made = await createBackup(dir, { reason: 'manual' });
    await close(desk);
    await writeFile(join(defaultBackupDir(dir), made.id, 'docs', 'c0.r1.body.json'), '{}');
    const err = await failure(restoreBackup(dir, made.id));
    expect(err.code).toBe('DESK_CORRUPT');
    expect(err.message).toBe(`backup ${made.id}: docs/c0.r1.body.json does not match its checksum`);
    expect((await listBackups(defaultBackupDir(dir))).map((b) => b.reason)).toEqual(['manual']);
  });

  it('names a backup that does not exist', async () => {
    const dir = await tmp.make();
    const err = await failure(restoreBackup(dir, '2026-01-01T00-00-00Z-open'));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe(`no backup 2026-01-01T00-00-00Z-open in ${defaultBackupDir(dir)}`);
    expect((await failure(restoreBackup(dir, '../../etc'))).message).toBe('"../../etc" is not a backup id (see copydesk backup list)');
  });
});
