import type { ImportResult } from './api.js';
import type { DeskService } from './service.js';

/**
 * A new user should land on a working desk, not an empty one: when a desk has just been created, the bundled
 * seeds are imported into it. An existing desk is never touched, even if an editor has emptied it.
 */
export async function importSeedsOnFirstRun(service: DeskService, seedsDir: string): Promise<ImportResult | null> {
  if (!service.desk.notices.some((n) => n.code === 'created')) return null;
  const r = await service.call('importPaths', { paths: [seedsDir] });
  return r.ok ? r.value : null;
}
