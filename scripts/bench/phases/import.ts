import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import type { Samples } from '../figures.js';
import type { PhaseParams } from '../phase-protocol.js';
import { peakRssMB } from '../rss.js';

/** End to end through the API, into an empty desk: what an editor waits for after choosing a folder. */
export async function importPhase({ corpusDir, deskDir, articles }: PhaseParams): Promise<Samples[]> {
  const desk = await Desk.open(deskDir);
  try {
    const service = new DeskService(desk);
    const t = performance.now();
    const r = await service.call('importPaths', { paths: [corpusDir] });
    const seconds = (performance.now() - t) / 1000;
    if (!r.ok) throw new Error(`import failed: ${r.error.message}`);
    if (r.value.imported !== articles || r.value.failed !== 0) {
      throw new Error(`import took ${r.value.imported} of ${articles} articles (${r.value.failed} files failed)`);
    }
    // The search index is saved in the background after the import answers; its time is reported on its own.
    const saving = performance.now();
    await service.dispose();
    const saved = performance.now() - saving;
    const rss = peakRssMB();
    return [
      { metric: 'import', unit: 'articles/s', values: [articles / seconds], higherIsBetter: true },
      { metric: 'import-total', unit: 's', values: [seconds] },
      { metric: 'import-index-save', unit: 'ms', values: [saved] },
      { metric: 'rss-import', unit: 'MB', values: [rss] },
    ];
  } finally {
    await desk.close();
  }
}
