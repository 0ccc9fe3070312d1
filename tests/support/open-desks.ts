import { Desk, type OpenOptions } from '../../electron/core/store/desk-store.js';
import { tempDirs } from './temp-dir.js';

/**
 * Temp folders and the desks opened in them for one test file; `cleanup` (for afterEach) closes every desk
 * still open, releasing its lock, then removes the folders. `defaults` apply to every open (tests of the
 * copy-on-write file layout turn the journal off, so that each commit writes its chunks and a root).
 */
export function openDesks(prefix: string, defaults: OpenOptions = {}) {
  const tmp = tempDirs(prefix);
  const opened: Desk[] = [];
  return {
    tmp,
    /** The desks still open; a test that hands a desk's lifetime elsewhere may edit this list. */
    opened,
    async open(dir: string, opts: OpenOptions = {}): Promise<Desk> {
      const desk = await Desk.open(dir, { ...defaults, ...opts });
      opened.push(desk);
      return desk;
    },
    async close(desk: Desk): Promise<void> {
      await desk.close();
      opened.splice(opened.indexOf(desk), 1);
    },
    async cleanup(): Promise<void> {
      await Promise.all(opened.splice(0).map((d) => d.close()));
      await tmp.cleanup();
    },
  };
}
