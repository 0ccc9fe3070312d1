import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import type { Samples } from '../figures.js';
import type { PhaseParams } from '../phase-protocol.js';

/**
 * A cold open in a fresh process (modules already loaded, as in a running app): from opening the desk folder to
 * the first page of the list answered through the API.
 */
export async function openPhase({ deskDir, size }: PhaseParams): Promise<Samples[]> {
  const t = performance.now();
  const desk = await Desk.open(deskDir);
  try {
    const service = new DeskService(desk);
    const r = await service.call('listArticles', { limit: 100 });
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(`listArticles failed: ${r.error.message}`);
    if (r.value.total !== size || r.value.items.length !== Math.min(100, size)) {
      throw new Error(`the first page showed ${r.value.items.length} of ${r.value.total} articles, expected ${size}`);
    }
    await service.dispose();
    return [{ metric: 'open', unit: 'ms', values: [ms] }];
  } finally {
    await desk.close();
  }
}
