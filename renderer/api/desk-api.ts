import type { ApiClient, DeskEvent, ExportDownload, ImportResult } from '../../electron/core/api';
import type { SavedDownload } from '../../electron/preload/bridge-types';
import type { Result } from '../../electron/core/result';
export type { SavedDownload };

/**
 * What the UI needs from wherever the desk lives. The same interface is served over Electron IPC (through the
 * preload's window.copydesk) and over loopback HTTP in browser mode; features never know which.
 */
export interface DeskApi {
  transport: 'ipc' | 'http';
  client: ApiClient;
  onEvent(listener: (e: DeskEvent) => void): () => void;
  /** Native open dialogs exist only in Electron. */
  pickImport?: (kind: 'files' | 'folder') => Promise<Result<ImportResult> | null>;
  /**
   * Hands a finished export (from exportFile) to the editor: Electron's native save dialog, or a browser
   * download. In a browser the file goes to the downloads folder, so `path` is null even when saved.
   */
  saveDownload(download: Pick<ExportDownload, 'id' | 'fileName'>): Promise<Result<SavedDownload>>;
  /** In Electron a dropped file has a real path; in a browser only its bytes can be sent. */
  pathForFile?: (file: File) => string;
}
