import type { ApiClient, DeskEvent, ImportResult } from '../core/api.js';
import type { Result } from '../core/result.js';

/**
 * The type of window.copydesk (`typeof api` in ./index.ts, which is declared with this type), for the renderer
 * to import type-only. It is written against the contract's types alone: deriving it from index.ts would drag
 * electron.d.ts, and with it Node's globals, into the renderer's type-check.
 */
export interface SavedDownload {
  saved: boolean;
  /** Where the editor saved it; null when cancelled. */
  path: string | null;
}

export type CopydeskBridge = ApiClient & {
  /** Subscribes to desk change events; returns the unsubscribe function. */
  onEvent(listener: (e: DeskEvent) => void): () => void;
  /** Native open dialog in main, then import; null if the editor cancels. */
  pickImport(kind: 'files' | 'folder'): Promise<Result<ImportResult> | null>;
  /** Native save dialog in main for a finished export (named by exportFile's download id); saved false if cancelled. */
  saveDownload(id: string): Promise<Result<SavedDownload>>;
  /** A dropped File's path on disk, which the sandboxed page cannot read for itself. */
  pathForFile(file: File): string;
};
