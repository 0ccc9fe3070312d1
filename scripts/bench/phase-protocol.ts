import type { Samples } from './figures.js';

/**
 * The phases a size is measured in, each run in a fresh child process so that its peak memory and its "cold"
 * open belong to it alone. The parent passes the parameters as one JSON argument and gets samples back over IPC.
 */
export type PhaseName = 'parse' | 'import' | 'open' | 'work' | 'naive-edit' | 'export';

export interface PhaseParams {
  size: number;
  corpusDir: string;
  deskDir: string;
  /** Scratch space the phase may fill (the naive desk, an export). */
  workDir: string;
  /** Articles the corpus holds, to check the import took them all. */
  articles: number;
  /** Edits and searches to time. */
  samples: number;
}

export type PhaseMessage = { ok: true; samples: Samples[] } | { ok: false; error: string };
