import { DeskError } from '../result.js';
import { CURRENT_SCHEMA_VERSION } from './layout.js';

/**
 * A step from one on-disk schema version to the next. It receives the raw root (validated only as far as
 * `format` and `schemaVersion`) and the desk directory, rewrites whatever chunk files it must through
 * writeFileDurable, and returns the new raw root. The caller commits that root atomically, so an interrupted
 * migration leaves the old version in force and simply runs again.
 */
export interface Migration {
  from: number;
  describe: string;
  run(dir: string, root: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** Version 1 is the first on-disk format; steps are added here, never edited once released. */
export const MIGRATIONS: readonly Migration[] = [];

export async function migrate(
  dir: string,
  root: Record<string, unknown> & { schemaVersion: number },
  migrations: readonly Migration[] = MIGRATIONS,
  target = CURRENT_SCHEMA_VERSION,
): Promise<{ root: Record<string, unknown>; applied: string[] }> {
  if (root.schemaVersion > target) {
    throw new DeskError('DESK_TOO_NEW', `desk format v${root.schemaVersion} was written by a newer Copydesk (this one reads up to v${target})`);
  }
  let current: Record<string, unknown> = root;
  let version = root.schemaVersion;
  const applied: string[] = [];
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new DeskError('DESK_CORRUPT', `no migration from desk format v${version}`);
    current = { ...(await step.run(dir, current)), schemaVersion: version + 1 };
    applied.push(`v${version} → v${version + 1}: ${step.describe}`);
    version++;
  }
  return { root: current, applied };
}
