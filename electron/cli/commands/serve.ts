import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBackupSchedule } from '../../core/backup/backup-schedule.js';
import { openDeskWithRecovery } from '../../core/backup/open-with-recovery.js';
import { resolveDeskDir } from '../../core/desk-location.js';
import { importSeedsOnFirstRun } from '../../core/first-run.js';
import { DeskService } from '../../core/service.js';
import { startHttpServer } from '../../server/http-server.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import type { Io } from '../io.js';
import { openInBrowser } from '../open-browser.js';

export const serveUsage = `Usage: copydesk serve [--db DIR] [--port N] [--open]

Serves the desk to a browser on this machine ("browser mode"). Listens on 127.0.0.1 only, and every API
call needs the secret token in the printed URL, which is new each run. Stop with Ctrl+C.

  --db DIR   the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --port N   the port (default 0: any free port)
  --open     open the desk in the system browser`;

export const RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));
export const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

export interface ServeOptions {
  db: string | undefined;
  port: number;
  open: boolean;
  /** Import the bundled seeds when the desk is new (npm start's first run). */
  seedFirstRun?: boolean;
}

export async function serveCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...DB_OPTION, port: { type: 'string' }, open: { type: 'boolean' } });
  if (values.help) {
    io.out(serveUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments (got "${positionals[0]}")`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a number from 0 to 65535, not "${values.port}"`);
  await serveDesk(io, { db: values.db, port, open: values.open === true });
  return 0;
}

/** Runs until SIGINT/SIGTERM, then closes the server and gives the desk lock back. */
export async function serveDesk(io: Io, opts: ServeOptions): Promise<void> {
  const desk = await openDeskWithRecovery(resolveDeskDir(opts.db));
  for (const n of desk.notices) if (n.code !== 'created') io.err(`copydesk: ${n.message}`);
  const service = new DeskService(desk);
  if (opts.seedFirstRun) await importSeedsOnFirstRun(service, SEEDS_DIR);
  // Backs up now (on open), then every 15 minutes while articles change; see core/backup/backup-schedule.ts.
  const backups = startBackupSchedule({ events: service, deskDir: desk.dir, onError: (err) => io.err(`copydesk: backup failed: ${(err as Error).message}`) });
  if (!existsSync(RENDERER_DIR)) io.err('copydesk: the desk UI is not built (run "npm run build"); serving the API only');
  const running = await startHttpServer({ service, staticDir: existsSync(RENDERER_DIR) ? RENDERER_DIR : null, port: opts.port });
  io.out(`Copydesk is serving ${running.url}`);
  if (opts.open) openInBrowser(running.url);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  await backups.stop();
  await service.dispose().catch(() => undefined);
  await desk.close();
}
