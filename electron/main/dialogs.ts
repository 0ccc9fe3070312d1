import { type BrowserWindow, type OpenDialogOptions, dialog } from 'electron';
import type { ImportResult } from '../core/api.js';
import type { Result } from '../core/result.js';
import type { DeskService } from '../core/service.js';
import type { DeskNotice } from '../core/store/desk-store.js';
import { noticeMessage } from './desk-notices.js';
import type { ImportKind } from './ipc-handlers.js';

const PICKERS: Record<ImportKind, OpenDialogOptions> = {
  files: {
    title: 'Import seed files',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Seed text files', extensions: ['txt'] }, { name: 'All files', extensions: ['*'] }],
  },
  folder: {
    title: 'Import a folder of seed files',
    buttonLabel: 'Import',
    properties: ['openDirectory'],
  },
};

/**
 * The native picker, then the import. Paths come from the OS dialog, never from the renderer, so a page cannot
 * make main read a file the editor did not choose. Null means the editor cancelled.
 */
export async function pickAndImport(service: DeskService, kind: ImportKind, parent: BrowserWindow | null): Promise<Result<ImportResult> | null> {
  const options = PICKERS[kind];
  // dialog.showOpenDialog is looked up at call time, which is also what lets the Electron specs stub it.
  const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  if (picked.canceled || picked.filePaths.length === 0) return null;
  return service.call('importPaths', { paths: picked.filePaths });
}

export async function showDeskNotices(notices: readonly DeskNotice[], parent: BrowserWindow | null): Promise<void> {
  const msg = noticeMessage(notices);
  if (!msg) return;
  const options = { ...msg, title: 'Copydesk', buttons: ['OK'] };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

/** Usable before `ready` and without a window: the desk failed to open, so there is nothing else to show. */
export function showFatalError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}
