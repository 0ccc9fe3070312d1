import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBackupDir, backupDirFor } from '../../../electron/core/backup/backup-location.js';
import { BackupManifestSchema } from '../../../electron/core/backup/backup-manifest.js';
import { createBackup } from '../../../electron/core/backup/create-backup.js';
import { listBackups } from '../../../electron/core/backup/list-backups.js';
import { restoreBackup } from '../../../electron/core/backup/restore-backup.js';
import { verifyBackup } from '../../../electron/core/backup/verify-backup.js';
import { createBundle } from '../../../electron/core/bundles/bundle-operations.js';
import { SettingsSchema } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import { updateSettings } from '../../../electron/core/store/settings.js';
import { liveFiles } from '../../../electron/core/store/layout.js';
import { openDesks } from '../../support/open-desks.js';
import { addArticles, correctHeadline, manualClock, readRoot } from './fixtures.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-backup-', { journal: false });
afterEach(cleanup);

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('createBackup', () => {
  it('copies desk.json, every file it keeps alive and settings.json, with a manifest of checksums', async () => {
    const dir = await tmp.make();
    const desk = await open(dir, { chunkSize: 4 });
    await addArticles(desk, 6);
    await updateSettings(dir, { editorName: 'Ana Ruiz' });
    const clock = manualClock(new Date('2026-11-27T22:15:03.250Z'));

    const made = await createBackup(dir, { reason: 'manual', now: clock.now });

    expect(made).toMatchObject({ id: '2026-11-27T22-15-03Z-manual', createdAt: '2026-11-27T22:15:03.250Z', reason: 'manual', articles: 6, generation: 1, damage: null });
    const folder = join(defaultBackupDir(dir), made.id);
    const manifest = BackupManifestSchema.parse(JSON.parse(await readFile(join(folder, 'backup.json'), 'utf8')));
    const root = await readRoot(dir);
    const expected = ['desk.json', 'settings.json', ...liveFiles('', root).map((p) => p.replace(/\\/g, '/'))].sort();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(expected);
    for (const f of manifest.files) {
      const copy = await readFile(join(folder, f.path));
      expect(copy).toEqual(await readFile(join(dir, f.path)));
      expect({ size: f.size, sha256: f.sha256 }).toEqual({ size: copy.length, sha256: sha(copy) });
    }
    expect(made.size).toBe(manifest.files.reduce((n, f) => n + f.size, 0));
    // Nothing half-made is left beside it.
    expect(await readdir(defaultBackupDir(dir))).toEqual([made.id]);
    await close(desk);
  });

  it('gives two backups in one second different ids, and lists them newest first', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 2);
    const clock = manualClock(new Date('2026-11-27T22:15:03.100Z'));
    const a = await createBackup(dir, { reason: 'open', now: clock.now });
    clock.advance(300);
    await addArticles(desk, 1);
    const b = await createBackup(dir, { reason: 'open', now: clock.now });
    clock.advance(300);
    const c = await createBackup(dir, { reason: 'interval', now: clock.now });

    expect([a.id, b.id, c.id]).toEqual(['2026-11-27T22-15-03Z-open', '2026-11-27T22-15-03Z-open-2', '2026-11-27T22-15-03Z-interval']);
    expect((await listBackups(defaultBackupDir(dir))).map((x) => [x.id, x.articles])).toEqual([[c.id, 3], [b.id, 3], [a.id, 2]]);
    await close(desk);
  });

  it('sweeps the leftovers of an interrupted backup', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 1);
    const leftover = join(defaultBackupDir(dir), '2026-01-01T00-00-00Z-open.tmp');
    await mkdir(join(leftover, 'docs'), { recursive: true });
    await writeFile(join(leftover, 'desk.json'), '{"half":');
    const made = await createBackup(dir, { reason: 'manual' });
    expect(await readdir(defaultBackupDir(dir))).toEqual([made.id]);
    await close(desk);
  });

  it('is consistent while commits land: every backup restores to a desk some commit left', async () => {
    const dir = await tmp.make();
    const desk = await open(dir, { chunkSize: 2 });
    const recs = await addArticles(desk, 6);
    const committed = new Map<number, string[]>([[(await readRoot(dir)).generation, recs.map((r) => r.original.headline)]]);
    const made = [];
    for (let round = 0; round < 12; round++) {
      // Each edit replaces a chunk, so files the last root named are collected while the backup copies.
      const editing = (async () => {
        for (let i = 0; i < 4; i++) {
          const target = recs[(round * 4 + i) % recs.length]!;
          await correctHeadline(desk, target.id, `round ${round} edit ${i}`);
          committed.set((await readRoot(dir)).generation, desk.list().map((s) => s.headline));
        }
      })();
      made.push(await createBackup(dir, { reason: 'interval', rotate: false }));
      await editing;
    }
    await close(desk);
    for (const b of made) {
      expect(committed.has(b.generation!)).toBe(true);
      await verifyBackup(defaultBackupDir(dir), b.id, 'full');
    }
    // Restoring one puts back exactly the list that commit left.
    const pick = made[5]!;
    await restoreBackup(dir, pick.id);
    const back = await open(dir, { chunkSize: 2 });
    expect(back.list().map((s) => s.headline)).toEqual(committed.get(pick.generation!));
  });

  it('starts again from the new root when commits collect a file it was about to copy', async () => {
    const dir = await tmp.make();
    const desk = await open(dir, { chunkSize: 2 });
    const recs = await addArticles(desk, 4);
    const before = (await readRoot(dir)).generation;
    const attempts: number[] = [];
    const made = await createBackup(dir, {
      reason: 'manual',
      afterRootRead: async (attempt) => {
        attempts.push(attempt);
        // Two commits to chunk 0: the second collects the revision the root just read names.
        if (attempt === 0) for (const text of ['first', 'second']) await correctHeadline(desk, recs[0]!.id, text);
      },
    });
    expect(attempts).toEqual([0, 1]);
    expect(made.generation).toBe(before + 2);
    await verifyBackup(defaultBackupDir(dir), made.id, 'full');
    await close(desk);
    await restoreBackup(dir, made.id);
    const back = await open(dir, { chunkSize: 2 });
    expect(back.list()[0]!.headline).toBe('second');
  });

  it('covers the bundles file, as every file the root names', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    const recs = await addArticles(desk, 3);
    const bundle = createBundle('b1', { name: 'Evening', description: '', articleIds: [recs[0]!.id, recs[2]!.id] }, { editor: 'Ana', now: '2026-11-27T10:00:00.000Z' });
    await desk.commit([], { bundles: [bundle] });
    const made = await createBackup(dir, { reason: 'manual' });
    const { manifest } = await verifyBackup(defaultBackupDir(dir), made.id, 'full');
    expect(manifest.files.map((f) => f.path)).toContain('docs/bundles.r1.json');
    await close(desk);

    await restoreBackup(dir, made.id);
    const back = await open(dir);
    expect(back.bundle('b1')).toMatchObject({ name: 'Evening', articleIds: [recs[0]!.id, recs[2]!.id] });
  });

  it('refuses to back up a desk whose root cannot be read', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 1);
    await close(desk);
    await writeFile(join(dir, 'desk.json'), '{"format":');
    const err = await createBackup(dir, { reason: 'manual' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).code).toBe('DESK_CORRUPT');
    expect((err as DeskError).message).toMatch(/^cannot back up the desk: .*desk\.json is not valid JSON/);
    expect(await listBackups(defaultBackupDir(dir))).toEqual([]);
  });

  it('refuses, naming it, when a file the root names is lost (not collected by a commit)', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 1);
    await rm(join(dir, 'docs', 'c0.r1.body.json'));
    const err = await createBackup(dir, { reason: 'manual' }).catch((e: unknown) => e);
    expect((err as DeskError).code).toBe('DESK_CORRUPT');
    expect((err as DeskError).message).toBe(`cannot back up the desk: ${join(dir, 'docs', 'c0.r1.body.json')}, which ${join(dir, 'desk.json')} names, is missing`);
    await close(desk);
  });
});

describe('createBackup and links', () => {
  it.skipIf(process.platform === 'win32')('never copies what a symbolic link in the desk points at, and keeps copies owner-only', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 1);
    const made = await createBackup(dir, { reason: 'manual' });
    const folder = join(defaultBackupDir(dir), made.id);
    expect((await stat(join(folder, 'docs', 'c0.r1.body.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);

    const secret = join(await tmp.make(), 'secret.txt');
    await writeFile(secret, 'not for the backup');
    await rm(join(dir, 'docs', 'c0.r1.body.json'));
    await symlink(secret, join(dir, 'docs', 'c0.r1.body.json'));
    const err = await createBackup(dir, { reason: 'manual' }).catch((e: unknown) => e);
    expect((err as DeskError).code).toBe('DESK_CORRUPT');
    expect((err as DeskError).message).toMatch(/c0\.r1\.body\.json is a symbolic link; backups never follow links$/);
    expect(await listBackups(defaultBackupDir(dir))).toHaveLength(1);
    await close(desk);
  });
});

describe('where backups live', () => {
  it('is <desk>/backups by default, else the absolute folder the settings name', async () => {
    const dir = await tmp.make();
    expect(await backupDirFor(dir)).toBe(join(dir, 'backups'));
    const elsewhere = await tmp.make();
    await updateSettings(dir, { backupDir: elsewhere });
    expect(await backupDirFor(dir)).toBe(elsewhere);

    const desk = await open(dir);
    await addArticles(desk, 1);
    const made = await createBackup(dir, { reason: 'manual' });
    expect(await readdir(elsewhere)).toEqual([made.id]);
    await close(desk);
  });

  it('takes only an absolute folder from the settings', async () => {
    expect(SettingsSchema.shape.backupDir.safeParse('relative/backups').error?.issues[0]?.message).toBe('the backup folder must be an absolute path');
    for (const ok of ['/srv/backups', 'D:\\Backups', 'C:/Backups', '\\\\server\\share']) expect(SettingsSchema.shape.backupDir.safeParse(ok).success).toBe(true);
    const dir = await tmp.make();
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ backupDir: 'relative/backups' }));
    expect(await backupDirFor(dir)).toBe(join(dir, 'backups'));
  });

  it('falls back to the default when settings.json is damaged, so backups can still be found', async () => {
    const dir = await tmp.make();
    await writeFile(join(dir, 'settings.json'), '{"editorName": ');
    expect(await backupDirFor(dir)).toBe(join(dir, 'backups'));
  });
});
