import { openDeskWithRecovery } from '../core/backup/open-with-recovery.js';
import { resolveDeskDir } from '../core/desk-location.js';
import type { ImportOptions } from '../core/import/import-files.js';
import { DeskService } from '../core/service.js';
import type { Io } from './io.js';

/**
 * Opens the desk for one command (restoring the newest good backup if it is damaged beyond its own fallbacks),
 * reports what opening it had to repair, and always gives the lock back.
 */
export async function withDesk<T>(
  io: Io,
  db: string | undefined,
  opts: { quiet?: boolean; importOptions?: ImportOptions },
  run: (service: DeskService) => Promise<T>,
): Promise<T> {
  const desk = await openDeskWithRecovery(resolveDeskDir(db));
  try {
    for (const n of desk.notices) {
      if (n.code !== 'created') io.err(`copydesk: ${n.message}`);
      else if (!opts.quiet) io.err(`copydesk: ${n.message}`);
    }
    const service = new DeskService(desk, opts.importOptions);
    try {
      return await run(service);
    } finally {
      // Saves the search index's snapshot and empties the export outbox while the desk is still ours.
      await service.dispose().catch(() => undefined);
    }
  } finally {
    await desk.close();
  }
}
