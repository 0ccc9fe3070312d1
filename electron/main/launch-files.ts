import { isAbsolute, resolve } from 'node:path';

/**
 * The files a launch asks to open: "Open with Copydesk", a file dropped on the icon, or a second
 * `copydesk story.txt` while the app is running. Only seed files (.txt) and bundle archives (.cdbundle, .zip)
 * that are not switches count, so Chromium switches and the app's own entry script are never mistaken for them.
 */
export function openablePathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-') || !/\.(?:txt|cdbundle|zip)$/i.test(arg)) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (!out.includes(path)) out.push(path);
  }
  return out;
}

/**
 * Holds files that arrive before the desk is open (macOS sends open-file before `ready`) and hands them over
 * once it is; after that, files go straight through.
 */
export class LaunchFileQueue {
  private pending: string[] = [];
  private sink: ((paths: string[]) => void) | null = null;

  add(paths: readonly string[]): void {
    if (paths.length === 0) return;
    if (this.sink) this.sink([...paths]);
    else this.pending.push(...paths.filter((p) => !this.pending.includes(p)));
  }

  /** Starts delivering: everything held so far at once, then each later batch as it arrives. */
  drainTo(sink: (paths: string[]) => void): void {
    this.sink = sink;
    const held = this.pending;
    this.pending = [];
    if (held.length > 0) sink(held);
  }
}
