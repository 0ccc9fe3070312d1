import type { DeskEvent } from '../api.js';
import type { BackupReason, BackupSummary } from './backup-manifest.js';
import { createBackup } from './create-backup.js';

export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Real timers that never keep the process alive on their own: quitting is not held up by a pending backup. */
export const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface BackupScheduleOptions {
  /** The service's event stream (DeskService.onEvent). */
  events: { onEvent(listener: (e: DeskEvent) => void): () => void };
  deskDir: string;
  intervalMs?: number;
  timers?: Timers;
  /** Makes one backup; by default createBackup on deskDir (which also rotates). */
  backup?: (reason: BackupReason) => Promise<BackupSummary>;
  onBackup?: (made: BackupSummary) => void;
  /** A failed backup never stops the desk; it is reported here and tried again an interval later. */
  onError?: (err: unknown) => void;
}

export interface BackupSchedule {
  /** Resolves when no backup is running or waiting to run. */
  idle(): Promise<void>;
  /** No more backups; resolves once the one running (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Backs the desk up once at start ("open") and then, while articles change, at most every interval: the first
 * change after a backup arms one timer, and when it fires the desk is backed up if anything changed. Backups run
 * one at a time, in order, so two never overlap.
 */
export function startBackupSchedule(opts: BackupScheduleOptions): BackupSchedule {
  const timers = opts.timers ?? realTimers;
  const interval = opts.intervalMs ?? BACKUP_INTERVAL_MS;
  const backup = opts.backup ?? ((reason: BackupReason) => createBackup(opts.deskDir, { reason }));
  let queue: Promise<void> = Promise.resolve();
  let timer: unknown = null;
  let dirty = false;
  let stopped = false;

  const run = (reason: BackupReason): void => {
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        const made = await backup(reason);
        opts.onBackup?.(made);
      } catch (err) {
        // What this backup should have kept is still unprotected: try again after another interval.
        dirty = true;
        if (!stopped) timer ??= timers.set(fire, interval);
        opts.onError?.(err);
      }
    });
  };

  const fire = (): void => {
    timer = null;
    if (!dirty || stopped) return;
    dirty = false;
    run('interval');
  };

  const unsubscribe = opts.events.onEvent((e) => {
    if (e.type !== 'articles-changed' || stopped) return;
    dirty = true;
    timer ??= timers.set(fire, interval);
  });

  run('open');
  return {
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (timer !== null) timers.clear(timer);
      timer = null;
      await queue;
    },
  };
}
