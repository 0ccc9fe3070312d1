import type { Rng } from '../support/seed-corpus.js';

export type ScenarioName = 'import' | 'edits' | 'export' | 'bundle-import';
export const SCENARIOS: readonly ScenarioName[] = ['import', 'edits', 'export', 'bundle-import'];

/**
 * Where a kill landed, as far as the desk (or the export file) shows it afterwards:
 * - `before`: nothing of this run's change is visible and nothing was left over (killed before writing, or in
 *   start-up, or the write was refused wholesale);
 * - `mid-write`: leftovers of an unfinished write (*.tmp, revisions no root names) and the change not visible;
 * - `landed`: part or all of the change is visible (whole batches, whole files, whole edits);
 * - `completed`: the process finished before the kill.
 */
export type Landing = 'before' | 'mid-write' | 'landed' | 'completed';

export interface RunOutcome {
  killed: boolean;
  landing: Landing;
  /** Acknowledged operations whose effect was looked for after the kill (edits answered, imports/exports reported). */
  acknowledged: number;
  /** Acknowledged operations whose effect was missing. Must be 0. */
  lost: number;
  /** Operations in flight at the kill whose effect was found whole (they are allowed to land or not). */
  inFlightLanded: number;
  /** *.tmp files found after the kill (allowed, reported). */
  tmpLeftovers: number;
  /** One line for the log. */
  detail: string;
}

export interface Scale {
  name: string;
  /** The large import: folders (one commit each) × files per folder, 1–5 articles a file. */
  importFolders: number;
  importFilesPerFolder: number;
  /** The desk the edit stream works on. */
  editFolders: number;
  editFilesPerFolder: number;
  /** Concurrent editors in the edit stream, each with its own articles and bundles. */
  editWorkers: number;
  /** How long an edit stream runs before the kill, at most. */
  streamMs: number;
}

export const SCALES = {
  // ~450 articles: an import of 6 commits, an export and a bundle import of ~450 articles.
  quick: { name: 'quick', importFolders: 6, importFilesPerFolder: 25, editFolders: 2, editFilesPerFolder: 20, editWorkers: 3, streamMs: 1200 },
  // ~3,000 articles: an import of 20 commits, an export and a bundle import of ~3,000 articles.
  full: { name: 'full', importFolders: 20, importFilesPerFolder: 50, editFolders: 4, editFilesPerFolder: 25, editWorkers: 3, streamMs: 2500 },
} as const satisfies Record<string, Scale>;

export interface Shared {
  /** The import scenario's corpus folder and a desk holding all of it (made by its calibration run). */
  corpusDir?: string;
  corpusFolders?: string[];
  fullDesk?: string;
  /** The export scenario's complete archive of the edited desk, and its article count. */
  archive?: string;
  archiveArticles?: number;
}

export interface Ctx {
  work: string;
  scale: Scale;
  rng: Rng;
  shared: Shared;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export interface Scenario {
  readonly name: ScenarioName;
  /** One-time set-up and an uninterrupted calibration run (timings, expected results). */
  prepare(): Promise<void>;
  run(index: number): Promise<RunOutcome>;
  /** After the last run: anything that must still complete (the reused desk imported in full). */
  finish?(): Promise<void>;
  /** Timings learned in calibration, for the report. */
  describe(): string;
}
