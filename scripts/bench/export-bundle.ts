import { join } from 'node:path';
import { exportContext } from '../../electron/core/export/export-handlers.js';
import { exportToPath } from '../../electron/core/export/run-export.js';
import { loadSettings } from '../../electron/core/store/settings.js';
import { Desk } from '../../electron/core/store/desk-store.js';

/**
 * Times a bundle export of `count` articles (ninjs and Markdown in one archive) from the desk in `deskDir`,
 * writing into `outDir`, and answers the seconds it took: the first `count` articles in import order, through
 * the same `exportToPath` the CLI and the UI use. Opening the desk is not timed.
 */
export async function timeBundleExport(deskDir: string, count: number, outDir: string): Promise<number | null> {
  const desk = await Desk.open(deskDir);
  try {
    const ids = desk.list().slice(0, count).map((a) => a.id);
    const ctx = exportContext(await loadSettings(deskDir));
    const t0 = performance.now();
    await exportToPath(desk, ctx, { format: 'bundle', formats: ['ninjs', 'md'], selection: { ids } }, join(outDir, 'bench.cdbundle'));
    return (performance.now() - t0) / 1000;
  } finally {
    await desk.close();
  }
}
