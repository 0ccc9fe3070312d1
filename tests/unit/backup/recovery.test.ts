import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBackupDir } from '../../../electron/core/backup/backup-location.js';
import { createBackup } from '../../../electron/core/backup/create-backup.js';
import { listBackups } from '../../../electron/core/backup/list-backups.js';
import { openDeskWithRecovery } from '../../../electron/core/backup/open-with-recovery.js';
import { DeskError } from '../../../electron/core/result.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { rootBackupPath, rootPath } from '../../../electron/core/store/layout.js';
import { openDesks } from '../../support/open-desks.js';
import { GARBAGE, addArticles, correctHeadline, damageChunk, headlines } from './fixtures.js';

const { tmp, open, close, opened, cleanup } = openDesks('copydesk-recovery-', { journal: false });
afterEach(cleanup);

async function recover(dir: string): Promise<Desk> {
  const desk = await openDeskWithRecovery(dir, { chunkSize: 2 });
  opened.push(desk);
  return desk;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('openDeskWithRecovery', () => {
  it('restores the newest backup when desk.json, its .bak and a chunk with no earlier copy are all damaged', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 2 });
    const recs = await addArticles(desk, 4);
    await correctHeadline(desk, recs[1]!.id, 'Acknowledged before the backup');
    await correctHeadline(desk, recs[3]!.id, 'Also before the backup');
    const backup = await createBackup(dir, { reason: 'interval' });
    await correctHeadline(desk, recs[0]!.id, 'Made after the backup');
    await close(desk);
    await damageChunk(dir, 1);
    await writeFile(rootPath(dir), GARBAGE);
    await writeFile(rootBackupPath(dir), GARBAGE);

    desk = await recover(dir);
    expect(headlines(desk)).toEqual([recs[0]!.original.headline, 'Acknowledged before the backup', recs[2]!.original.headline, 'Also before the backup']);
    expect(desk.notices[0]!.code).toBe('recovered');
    expect(desk.notices[0]!.message).toMatch(
      new RegExp(`^restored from backup ${backup.id} made ${escape(backup.createdAt)}; changes after it are lost: ${escape(rootPath(dir))} is not valid JSON .*The desk now holds 4 articles\\. The damaged desk is kept as backup \\S+-before-restore\\.$`),
    );
    // The damaged desk is kept whole, and the recovered desk carries on.
    const kept = (await listBackups(defaultBackupDir(dir))).find((b) => b.reason === 'before-restore')!;
    expect(kept.damage).toMatch(/is not valid JSON/);
    await correctHeadline(desk, recs[2]!.id, 'After recovery');
    await close(desk);
    desk = await open(dir, { chunkSize: 2 });
    expect(desk.notices).toEqual([]);
    expect(headlines(desk)[2]).toBe('After recovery');
  });

  it('recovers when only a chunk is lost with no earlier copy (desk.json itself fine)', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 2 });
    await addArticles(desk, 4);
    const backup = await createBackup(dir, { reason: 'open' });
    await close(desk);
    // With the .bak gone there is no previous revision of chunk 0 to fall back to.
    await rm(rootBackupPath(dir));
    await damageChunk(dir, 0);

    desk = await recover(dir);
    expect(desk.size).toBe(4);
    expect(desk.notices[0]!.message).toMatch(new RegExp(`^restored from backup ${backup.id} made .*; changes after it are lost: .*no earlier good copy of chunk 0 is left`));
  });

  it('passes over a newer backup that is damaged too and says so', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 2 });
    await addArticles(desk, 2);
    const older = await createBackup(dir, { reason: 'interval', now: () => new Date('2026-11-27T09:00:00Z') });
    await addArticles(desk, 2);
    const newer = await createBackup(dir, { reason: 'interval', now: () => new Date('2026-11-27T10:00:00Z') });
    await close(desk);
    await writeFile(join(defaultBackupDir(dir), newer.id, 'desk.json'), GARBAGE);
    await writeFile(rootPath(dir), GARBAGE);
    await writeFile(rootBackupPath(dir), GARBAGE);

    desk = await recover(dir);
    expect(desk.size).toBe(2);
    expect(desk.notices[0]!.message).toMatch(new RegExp(`^restored from backup ${older.id} .* 1 newer backup was damaged too and passed over\\.`));
  });

  it('fails with DESK_CORRUPT, and starts nothing, when no backup can help', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 2);
    await close(desk);
    await writeFile(rootPath(dir), GARBAGE);
    await writeFile(rootBackupPath(dir), GARBAGE);
    const err = await openDeskWithRecovery(dir).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).code).toBe('DESK_CORRUPT');
    expect((err as DeskError).message).toMatch(new RegExp(`; there is no backup in ${escape(defaultBackupDir(dir))}$`));
    expect(await readdir(dir)).not.toContain('desk.lock');
  });

  it('does not start an empty desk over lost files when a backup holds articles', async () => {
    const dir = await tmp.make();
    let desk = await open(dir, { chunkSize: 2 });
    await addArticles(desk, 3);
    await createBackup(dir, { reason: 'open' });
    await close(desk);
    await rm(rootPath(dir));
    await rm(rootBackupPath(dir));
    await rm(join(dir, 'docs'), { recursive: true });

    desk = await recover(dir);
    expect(desk.size).toBe(3);
    expect(desk.notices[0]!.message).toMatch(/changes after it are lost: the desk's files were gone/);
  });

  it('opens a healthy desk, or a new one, untouched', async () => {
    const fresh = await tmp.make();
    const created = await recover(fresh);
    expect(created.notices.map((n) => n.code)).toEqual(['created']);

    const dir = await tmp.make();
    let desk = await open(dir);
    await addArticles(desk, 1);
    await createBackup(dir, { reason: 'open' });
    await close(desk);
    desk = await recover(dir);
    expect(desk.notices).toEqual([]);
    expect((await listBackups(defaultBackupDir(dir))).map((b) => b.reason)).toEqual(['open']);
  });
});
