import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BrowserWindow, type OpenDialogOptions, app, dialog } from 'electron';
import type { ImportResult } from '../core/api.js';
import { type Result, fail, ok } from '../core/result.js';
import type { SavedDownload } from '../preload/bridge-types.js';
import type { DeskService } from '../core/service.js';
import type { DeskNotice } from '../core/store/desk-store.js';
import { noticeMessage } from './desk-notices.js';
import type { ImportKind } from './ipc-handlers.js';

const PICKERS: Record<ImportKind, OpenDialogOptions> = {
  files: {
    title: 'Import seed files',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Seed files and bundles', extensions: ['txt', 'cdbundle', 'zip'] }, { name: 'All files', extensions: ['*'] }],
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

/**
 * The native save dialog for a finished export, then a copy from the outbox to where the editor chose. The
 * renderer names only the export's id; the path comes from the OS dialog.
 */
export async function saveDownload(service: DeskService, id: string, parent: BrowserWindow | null): Promise<Result<SavedDownload>> {
  const file = service.download(id);
  if (!file) return fail('NOT_FOUND', 'that export is no longer available; export again');
  const options = { title: 'Save export', buttonLabel: 'Save', defaultPath: join(app.getPath('documents'), file.fileName) };
  const chosen = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return ok({ saved: false, path: null });
  await copyFile(file.path, chosen.filePath);
  return ok({ saved: true, path: chosen.filePath });
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
