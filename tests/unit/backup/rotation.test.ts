import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBackupDir } from '../../../electron/core/backup/backup-location.js';
import type { BackupReason } from '../../../electron/core/backup/backup-manifest.js';
import { createBackup } from '../../../electron/core/backup/create-backup.js';
import { listBackups } from '../../../electron/core/backup/list-backups.js';
import { type Rotatable, backupsToKeep } from '../../../electron/core/backup/rotation.js';
import { openDesks } from '../../support/open-desks.js';
import { addArticles, manualClock } from './fixtures.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-rotate-');
afterEach(cleanup);

/** Local time, so "today" is the machine's calendar day whatever the test machine's time zone. */
const at = (day: number, hour: number, minute = 0): Date => new Date(2026, 10, day, hour, minute);
let n = 0;
const backup = (when: Date, reason: BackupReason = 'interval'): Rotatable => ({ id: `b${n++}-${reason}`, createdAt: when.toISOString(), reason });
const newestFirst = (bs: Rotatable[]): Rotatable[] => [...bs].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));

describe('backupsToKeep', () => {
  it('keeps the last 3 of today', () => {
    const today = [9, 10, 11, 12, 13].map((h) => backup(at(27, h)));
    const keep = backupsToKeep(newestFirst(today), at(27, 14));
    expect([...keep].sort()).toEqual(today.slice(2).map((b) => b.id).sort());
  });

  it('keeps the newest of each of the 10 days before today, and nothing older', () => {
    const byDay = new Map<number, Rotatable[]>();
    for (let day = 5; day <= 26; day++) byDay.set(day, [backup(at(day, 9)), backup(at(day, 17))]);
    const all = newestFirst([...byDay.values()].flat());
    const keep = backupsToKeep(all, at(27, 8));
    const expected = [];
    for (let day = 17; day <= 26; day++) expected.push(byDay.get(day)![1]!.id);
    expect([...keep].sort()).toEqual(expected.sort());
  });

  it('counts days by the calendar, not by 24-hour spans', () => {
    // 23:50 yesterday is "yesterday" at 00:10 today, though only 20 minutes old.
    const lateYesterday = backup(at(26, 23, 50));
    const earlyYesterday = backup(at(26, 0, 5));
    const keep = backupsToKeep(newestFirst([lateYesterday, earlyYesterday]), at(27, 0, 10));
    expect([...keep]).toEqual([lateYesterday.id]);
  });

  it('keeps manual and before-restore backups for 30 days, outside the daily count', () => {
    const recent = [backup(at(27, 9), 'manual'), backup(at(27, 9, 1), 'before-restore'), backup(at(27, 9, 2), 'manual'), backup(at(27, 9, 3), 'manual')];
    const automatic = [10, 11, 12].map((h) => backup(at(27, h)));
    const old = backup(new Date(at(27, 8).getTime() - 31 * 24 * 3600 * 1000), 'before-restore');
    const month = backup(new Date(at(27, 8).getTime() - 29 * 24 * 3600 * 1000), 'manual');
    const keep = backupsToKeep(newestFirst([...recent, ...automatic, old, month]), at(27, 13));
    expect([...keep].sort()).toEqual([...recent, ...automatic, month].map((b) => b.id).sort());
  });

  it('never drops the newest backup, however old, and counts one from the future as today’s', () => {
    const ancient = backup(at(1, 9));
    expect([...backupsToKeep([ancient], at(27, 9))]).toEqual([ancient.id]);
    const future = [backup(at(28, 9)), backup(at(28, 10))];
    const today = [9, 10, 11].map((h) => backup(at(27, h)));
    const keep = backupsToKeep(newestFirst([...future, ...today]), at(27, 12));
    expect([...keep].sort()).toEqual([...future, today[2]!].map((b) => b.id).sort());
  });
});

describe('rotation of a real backup folder', () => {
  it('runs after every backup, with the clock given', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    await addArticles(desk, 1);
    const clock = manualClock(at(10, 9));
    const made: string[] = [];
    // Four backups a day, 15 days running.
    for (let day = 0; day < 15; day++) {
      for (let i = 0; i < 4; i++) {
        clock.set(new Date(2026, 10, 10 + day, 9 + i * 2));
        made.push((await createBackup(dir, { reason: i === 0 ? 'open' : 'interval', now: clock.now })).id);
      }
    }
    const left = (await listBackups(defaultBackupDir(dir))).map((b) => b.createdAt);
    const today = left.filter((c) => new Date(c).getDate() === 24);
    expect(today).toHaveLength(3);
    expect(new Set(left.map((c) => new Date(c).getDate()))).toEqual(new Set([24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14]));
    // Of each earlier day, the newest (15:00) is the one kept.
    for (const c of left.filter((x) => new Date(x).getDate() !== 24)) expect(new Date(c).getHours()).toBe(15);
    expect(left).toHaveLength(13);
    expect((await readdir(defaultBackupDir(dir))).sort()).toEqual((await listBackups(defaultBackupDir(dir))).map((b) => b.id).sort());
    await close(desk);
  });
});
