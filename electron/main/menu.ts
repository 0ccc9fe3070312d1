import { Menu, app, shell } from 'electron';
import { toApiError } from '../core/result.js';
import type { DeskService } from '../core/service.js';
import { pickAndImport } from './dialogs.js';
import type { ImportKind } from './ipc-handlers.js';
import { sendToWindows } from './ipc.js';
import { ABOUT_CREDITS, ABOUT_LICENCE, menuTemplate } from './menu-template.js';
import { mainWindow } from './window.js';

export interface MenuDeps {
  service: DeskService;
  deskDir: string;
}

export function setupMenu({ service, deskDir }: MenuDeps): void {
  app.setAboutPanelOptions({
    applicationName: 'Copydesk',
    applicationVersion: app.getVersion(),
    // Linux shows no "credits" field, so the licence and the IPTC credit also go where every platform looks.
    copyright: `${ABOUT_LICENCE}\n${ABOUT_CREDITS}`,
    credits: ABOUT_CREDITS,
  });
  const menu = Menu.buildFromTemplate(
    menuTemplate({
      isMac: process.platform === 'darwin',
      isPackaged: app.isPackaged,
      importFrom: (kind) => void importFromMenu(service, kind),
      showAbout: () => app.showAboutPanel(),
      openDeskFolder: () => void shell.openPath(deskDir),
    }),
  );
  Menu.setApplicationMenu(menu);
}

/**
 * The renderer did not ask for this import, so it learns of it from an event: the result for the import panel,
 * while the service's own articles-changed event refreshes the list.
 */
async function importFromMenu(service: DeskService, kind: ImportKind): Promise<void> {
  const result = await pickAndImport(service, kind, mainWindow()).catch((err: unknown) => ({ ok: false as const, error: toApiError(err) }));
  if (result) sendToWindows({ type: 'import-finished', result });
}
