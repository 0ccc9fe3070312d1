import { type FSWatcher, watch } from 'node:fs';
import { type CliExit, type CliProcess, startCli } from '../support/cli-process.js';

/**
 * Runs the real `copydesk` (node bin/copydesk.js) and SIGKILLs it: either a fixed time after spawning ("anywhere":
 * start-up, reading, writing, exiting), or a time after the child's first temporary file appears in `watch.dir`
 * ("aimed": every store and archive write goes through `<name>.<pid>.<random>.tmp`, so that is the instant the
 * child starts writing, wherever it falls). Runs that finish first are simply not killed.
 */
export interface KillPlan {
  /** ms after spawn; used when `aimAfterWriteMs` is null. */
  anywhereMs: number;
  /** ms after the first temporary file of the child's appears in `watchDir`; null: kill `anywhereMs` after spawn. */
  aimAfterWriteMs: number | null;
  /** Where the child writes its temporary files (created beforehand); watched for timing in every run. */
  watchDir: string | null;
}

export interface KilledRun {
  exit: CliExit;
  killed: boolean;
  /** ms from spawn to the child's first temporary file, or null when none was seen. */
  firstWriteMs: number | null;
  /** ms from spawn to exit. */
  ms: number;
}

/** The running child, so a harness that is itself stopped can kill it. */
export const running = new Set<CliProcess>();

export async function runAndKill(args: string[], env: NodeJS.ProcessEnv, plan: KillPlan): Promise<KilledRun> {
  const cli = startCli(args, env);
  running.add(cli);
  const spawned = performance.now();
  let firstWrite: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  const kill = (): void => void cli.child.kill('SIGKILL');
  let watcher: FSWatcher | null = null;
  if (plan.watchDir) {
    watcher = watch(plan.watchDir, (_event, name) => {
      if (firstWrite !== null || !name?.includes(`.${cli.pid}.`) || !name.endsWith('.tmp')) return;
      firstWrite = performance.now() - spawned;
      if (plan.aimAfterWriteMs !== null) timer = setTimeout(kill, plan.aimAfterWriteMs);
    });
  }
  if (plan.aimAfterWriteMs === null) timer = setTimeout(kill, plan.anywhereMs);
  try {
    const exit = await cli.exited;
    return { exit, killed: exit.signal === 'SIGKILL', firstWriteMs: firstWrite, ms: exit.ms };
  } finally {
    clearTimeout(timer);
    watcher?.close();
    running.delete(cli);
  }
}

/** Kills whatever the harness still has running (on failure or interruption). */
export function killAll(): void {
  for (const cli of running) cli.child.kill('SIGKILL');
}

/** A running average that follows the machine's load: `next` weighs `weight`. */
export const follow = (current: number, next: number, weight = 0.3): number => (1 - weight) * current + weight * next;
