import { type IpcRendererEvent, contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ApiClient, DeskEvent } from '../core/api.js';
import { EVENT_CHANNEL, METHOD_NAMES, channelFor } from '../core/api-methods.js';
import type { CopydeskBridge } from './bridge-types.js';
import { PICK_IMPORT_CHANNEL, SAVE_DOWNLOAD_CHANNEL } from './channels.js';

/**
 * One named invoker per contract method, generated from the method list (as Heroic's preload does), so a new
 * method needs no preload change. Inputs are not checked here: main validates every call against the contract.
 */
const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]),
) as unknown as ApiClient;

export const api: CopydeskBridge = {
  ...methods,
  // The IpcRendererEvent never reaches the page: it carries `sender`, a handle back into IPC.
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, payload: DeskEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
  pickImport(kind) {
    return ipcRenderer.invoke(PICK_IMPORT_CHANNEL, kind);
  },
  saveDownload(id) {
    return ipcRenderer.invoke(SAVE_DOWNLOAD_CHANNEL, id);
  },
  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('copydesk', api);
