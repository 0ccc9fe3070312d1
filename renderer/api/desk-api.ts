import type { ApiClient, DeskEvent, ImportResult } from '../../electron/core/api';
import type { Result } from '../../electron/core/result';

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
  /** In Electron a dropped file has a real path; in a browser only its bytes can be sent. */
  pathForFile?: (file: File) => string;
}
