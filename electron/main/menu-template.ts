import type { MenuItemConstructorOptions } from 'electron';
import type { ImportKind } from './ipc-handlers.js';

export interface MenuActions {
  isMac: boolean;
  isPackaged: boolean;
  importFrom(kind: ImportKind): void;
  showAbout(): void;
  openDeskFolder(): void;
}

/**
 * The whole menu as data, so what each build shows (no dev tools once packaged) is checked by a unit test.
 * Ids let the Electron specs find and click items without depending on labels.
 */
export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const dev = !a.isPackaged;
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'import-files', label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => a.importFrom('files') },
      { id: 'import-folder', label: 'Import Folder…', click: () => a.importFrom('folder') },
      // Shown but disabled so the capability is discoverable; exporting arrives in a later issue.
      { id: 'export', label: 'Export…', enabled: false, toolTip: 'Coming in a later issue' },
      { type: 'separator' },
      a.isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(dev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { id: 'about', label: 'About Copydesk', click: () => a.showAbout() },
      { id: 'open-desk-folder', label: 'Open Desk Folder', click: () => a.openDeskFolder() },
    ],
  };
  return [...(a.isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}

export const ABOUT_CREDITS = 'IPTC ninjs 3.1 JSON Schema © IPTC, CC BY 4.0';
export const ABOUT_LICENCE = 'Released under the MIT licence.';
