import { type BrowserWindow, type WebContents, ipcMain } from 'electron';
import type { DeskEvent } from '../core/api.js';
import type { DeskService } from '../core/service.js';
import { pickAndImport, saveDownload } from './dialogs.js';
import { broadcast, forwardServiceEvents, registerIpc } from './ipc-handlers.js';
import { ourWindows } from './window.js';

/**
 * The sender's window, if it is one we created. Identity against our own set does what fiddle's
 * BrowserWindow.fromWebContents check does, without trusting a cast on an unknown sender.
 */
function ourWindowFor(sender: unknown): BrowserWindow | null {
  return ourWindows().find((w) => w.webContents === sender) ?? null;
}

/** Wires the contract to Electron's IPC; the decisions themselves live in ipc-handlers.ts, where they are tested. */
export function setupIpc(service: DeskService): () => void {
  const unregister = registerIpc({
    ipcMain,
    service,
    isOurSender: (sender) => ourWindowFor(sender) !== null,
    pickImport: (kind, sender) => pickAndImport(service, kind, ourWindowFor(sender)),
    saveDownload: (id, sender) => saveDownload(service, id, ourWindowFor(sender)),
  });
  const unforward = forwardServiceEvents(service, windowContents);
  return () => {
    unforward();
    unregister();
  };
}

/** For events that do not come from the service, such as an import started from the menu. */
export function sendToWindows(e: DeskEvent): void {
  broadcast(windowContents(), e);
}

function windowContents(): WebContents[] {
  return ourWindows().map((w) => w.webContents);
}
