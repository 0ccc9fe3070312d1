import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../electron/core/api.js';
import { defaultBackupDir } from '../../../electron/core/backup/backup-location.js';
import type { BackupReason, BackupSummary } from '../../../electron/core/backup/backup-manifest.js';
import { BACKUP_INTERVAL_MS, type Timers, startBackupSchedule } from '../../../electron/core/backup/backup-schedule.js';
import { listBackups } from '../../../electron/core/backup/list-backups.js';
import { DeskService } from '../../../electron/core/service.js';
import { openDesks } from '../../support/open-desks.js';

const { tmp, open, cleanup } = openDesks('copydesk-schedule-');
afterEach(cleanup);

/** Timers the test fires by hand. */
function fakeTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    set: (run, ms) => {
      pending.set(++next, { run, ms });
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timers,
    pending: () => [...pending.values()].map((p) => p.ms),
    fireAll: () => {
      const due = [...pending.values()];
      pending.clear();
      for (const p of due) p.run();
    },
  };
}

function fakeEvents() {
  const emitter = new EventEmitter();
  return {
    onEvent: (l: (e: DeskEvent) => void) => {
      emitter.on('e', l);
      return () => void emitter.off('e', l);
    },
    change: () => emitter.emit('e', { type: 'articles-changed', ids: ['a'] } satisfies DeskEvent),
    other: () => emitter.emit('e', { type: 'import-finished', result: { ok: false, error: { code: 'INTERNAL', message: 'x' } } } as DeskEvent),
    listeners: () => emitter.listenerCount('e'),
  };
}

/** A backup function that records its calls and finishes only when told, to see overlap. */
function controlledBackups() {
  const calls: BackupReason[] = [];
  const waiting: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const backup = (reason: BackupReason): Promise<BackupSummary> => {
    calls.push(reason);
    running++;
    most = Math.max(most, running);
    return new Promise((resolve) =>
      waiting.push(() => {
        running--;
        resolve({ id: `b${calls.length}`, createdAt: '', reason, articles: 0, size: 0, generation: 0, damage: null });
      }),
    );
  };
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    backup,
    calls,
    most: () => most,
    finishOne: async () => {
      await settle();
      waiting.shift()?.();
      await settle();
    },
  };
}

describe('startBackupSchedule', () => {
  it('backs up on open, then once an interval after changes begin, and not without changes', async () => {
    const t = fakeTimers();
    const ev = fakeEvents();
    const b = controlledBackups();
    const schedule = startBackupSchedule({ events: ev, deskDir: '/nowhere', timers: t.timers, backup: b.backup });
    await b.finishOne();
    expect(b.calls).toEqual(['open']);
    expect(t.pending()).toEqual([]);

    ev.other();
    expect(t.pending()).toEqual([]);
    ev.change();
    ev.change();
    ev.change();
    expect(t.pending()).toEqual([BACKUP_INTERVAL_MS]);
    t.fireAll();
    await b.finishOne();
    expect(b.calls).toEqual(['open', 'interval']);

    // Quiet since: nothing is armed, nothing is made.
    expect(t.pending()).toEqual([]);
    ev.change();
    t.fireAll();
    await b.finishOne();
    expect(b.calls).toEqual(['open', 'interval', 'interval']);
    await schedule.stop();
  });

  it('never runs two backups at once; changes during one arm the next', async () => {
    const t = fakeTimers();
    const ev = fakeEvents();
    const b = controlledBackups();
    const schedule = startBackupSchedule({ events: ev, deskDir: '/nowhere', timers: t.timers, backup: b.backup });
    // The open backup is still running when an interval comes due.
    ev.change();
    t.fireAll();
    ev.change();
    t.fireAll();
    await b.finishOne();
    await b.finishOne();
    await b.finishOne();
    expect(b.calls).toEqual(['open', 'interval', 'interval']);
    expect(b.most()).toBe(1);
    await schedule.stop();
  });

  it('reports a failed backup and tries again an interval later', async () => {
    const t = fakeTimers();
    const ev = fakeEvents();
    const errors: string[] = [];
    let fail = true;
    const calls: BackupReason[] = [];
    const schedule = startBackupSchedule({
      events: ev,
      deskDir: '/nowhere',
      timers: t.timers,
      backup: async (reason) => {
        calls.push(reason);
        if (fail) throw new Error('disk full');
        return { id: 'x', createdAt: '', reason, articles: 0, size: 0, generation: 0, damage: null };
      },
      onError: (err) => errors.push((err as Error).message),
    });
    await schedule.idle();
    expect(errors).toEqual(['disk full']);
    expect(t.pending()).toEqual([BACKUP_INTERVAL_MS]);
    fail = false;
    t.fireAll();
    await schedule.idle();
    expect(calls).toEqual(['open', 'interval']);
    await schedule.stop();
  });

  it('stops: no timer left armed, no more backups, and waits for the one running', async () => {
    const t = fakeTimers();
    const ev = fakeEvents();
    const b = controlledBackups();
    const schedule = startBackupSchedule({ events: ev, deskDir: '/nowhere', timers: t.timers, backup: b.backup });
    ev.change();
    while (b.calls.length === 0) await Promise.resolve();
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    expect(t.pending()).toEqual([]);
    expect(ev.listeners()).toBe(0);
    await Promise.resolve();
    expect(stopped).toBe(false);
    await b.finishOne();
    await stopping;
    ev.change();
    expect(b.calls).toEqual(['open']);
  });

  it('makes real backups of a real desk from the service’s events', async () => {
    const dir = await tmp.make();
    const desk = await open(dir);
    const service = new DeskService(desk);
    const t = fakeTimers();
    const schedule = startBackupSchedule({ events: service, deskDir: dir, timers: t.timers });
    await schedule.idle();
    const r = await service.call('importUploads', { files: [{ name: 'a.txt', base64: Buffer.from('A headline\n\nA paragraph of text.\n').toString('base64') }] });
    expect(r.ok).toBe(true);
    t.fireAll();
    await schedule.idle();
    await schedule.stop();
    const made = await listBackups(defaultBackupDir(dir));
    expect(made.map((b) => [b.reason, b.articles])).toEqual([['interval', 1], ['open', 0]]);
  });
});
