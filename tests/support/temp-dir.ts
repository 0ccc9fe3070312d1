import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp folder. */
export async function makeTempDir(prefix = 'copydesk-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Temp folders for one test file: `make()` hands out a new one, `cleanup()` removes every one made so far.
 * Typical use: `const tmp = tempDirs(); afterEach(tmp.cleanup);`
 */
export function tempDirs(prefix = 'copydesk-test-'): { make: (p?: string) => Promise<string>; cleanup: () => Promise<void> } {
  const made: string[] = [];
  return {
    make: async (p = prefix) => {
      const dir = await makeTempDir(p);
      made.push(dir);
      return dir;
    },
    cleanup: async () => {
      await Promise.all(made.splice(0).map(removeTempDir));
    },
  };
}
