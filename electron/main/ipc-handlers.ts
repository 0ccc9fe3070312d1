import { z } from 'zod';
import type { DeskEvent, ImportResult } from '../core/api.js';
import { EVENT_CHANNEL, METHOD_NAMES, type MethodName, channelFor } from '../core/api-methods.js';
import { type Result, fail, toApiError } from '../core/result.js';
import type { SavedDownload } from '../preload/bridge-types.js';
import { PICK_IMPORT_CHANNEL, SAVE_DOWNLOAD_CHANNEL } from '../preload/channels.js';
import { DOWNLOAD_ID } from '../core/export/export-handlers.js';
import { isAppUrl } from './external-url.js';

/** The slice of Electron's IPC event this module reads; the real IpcMainInvokeEvent satisfies it. */
export interface InvokeEventLike {
  sender: unknown;
  senderFrame: { url: string } | null;
}

/** The slice of ipcMain used here, so tests can record handlers without an Electron binary. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface ServiceLike {
  call(method: MethodName, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (e: DeskEvent) => void): () => void;
}

export type ImportKind = 'files' | 'folder';
export const ImportKindSchema = z.enum(['files', 'folder']);
/** Download ids are exportFile's: 24 hex digits, never a path. */
export const DownloadIdSchema = z.string().regex(DOWNLOAD_ID);

export interface IpcDeps {
  ipcMain: IpcMainLike;
  service: ServiceLike;
  /** Is this webContents one of our windows? (BrowserWindow.fromWebContents against our own set.) */
  isOurSender(sender: unknown): boolean;
  /** Shows the native picker for the sender's window and imports the choice; null when the editor cancels. */
  pickImport(kind: ImportKind, sender: unknown): Promise<Result<ImportResult> | null>;
  /** Shows the native save dialog for the sender's window and copies the finished export there. */
  saveDownload(id: string, sender: unknown): Promise<Result<SavedDownload>>;
}

const untrusted = (): Result<never> => fail('INVALID_INPUT', 'untrusted sender');

/**
 * A call is trusted only if it comes from one of our windows AND from a frame showing our own app:// page. The
 * window check alone would trust a window that had been navigated elsewhere; the URL check alone would trust
 * any web contents that reached our origin.
 */
export function isTrustedEvent(event: InvokeEventLike, isOurSender: (sender: unknown) => boolean): boolean {
  return isOurSender(event.sender) && event.senderFrame !== null && isAppUrl(event.senderFrame.url);
}

/**
 * One handler per contract method, generated from METHOD_NAMES, plus the native-dialog import. Input is passed
 * on untouched: DeskService.call validates it against the contract, so there is one validator, not two.
 * Returns a function that removes every handler (for tests and for a reopened desk).
 */
export function registerIpc(deps: IpcDeps): () => void {
  const channels: string[] = [];
  const handle = (channel: string, fn: (event: InvokeEventLike, arg: unknown) => Promise<unknown>): void => {
    deps.ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedEvent(event, deps.isOurSender)) return untrusted();
      try {
        return await fn(event, args[0]);
      } catch (err) {
        // A rejected invoke reaches the renderer as a bare Error string; a Result keeps the code and message.
        return { ok: false, error: toApiError(err) };
      }
    });
    channels.push(channel);
  };

  for (const method of METHOD_NAMES) {
    handle(channelFor(method), (_event, input) => deps.service.call(method, input));
  }
  handle(PICK_IMPORT_CHANNEL, async (event, arg) => {
    const kind = ImportKindSchema.safeParse(arg);
    if (!kind.success) return fail('INVALID_INPUT', "pick-import takes 'files' or 'folder'");
    return deps.pickImport(kind.data, event.sender);
  });
  handle(SAVE_DOWNLOAD_CHANNEL, async (event, arg) => {
    const id = DownloadIdSchema.safeParse(arg);
    if (!id.success) return fail('INVALID_INPUT', 'save-download takes the id of a finished export');
    return deps.saveDownload(id.data, event.sender);
  });

  return () => {
    for (const channel of channels) deps.ipcMain.removeHandler(channel);
  };
}

export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, payload: DeskEvent): void;
}

/** Sends a desk event to every live window; one window closing mid-broadcast must not stop the rest. */
export function broadcast(targets: Iterable<EventSink>, e: DeskEvent): void {
  for (const t of targets) {
    if (t.isDestroyed()) continue;
    try {
      t.send(EVENT_CHANNEL, e);
    } catch {
      // Destroyed between the check and the send; nothing to deliver to.
    }
  }
}

/** Main pushes every store change to the renderers, which re-fetch what they show (the store has one owner). */
export function forwardServiceEvents(service: ServiceLike, targets: () => Iterable<EventSink>): () => void {
  return service.onEvent((e) => broadcast(targets(), e));
}
