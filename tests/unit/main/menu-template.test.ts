import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ABOUT_CREDITS, type MenuActions, menuTemplate } from '../../../electron/main/menu-template.js';

function actions(over: Partial<MenuActions> = {}): MenuActions {
  return { isMac: false, isPackaged: true, importFrom: vi.fn(), showAbout: vi.fn(), openDeskFolder: vi.fn(), ...over };
}

const submenu = (t: MenuItemConstructorOptions[], label: string) =>
  (t.find((m) => m.label?.replace('&', '') === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
const byId = (t: MenuItemConstructorOptions[], id: string) =>
  t.flatMap((m) => (m.submenu ?? []) as MenuItemConstructorOptions[]).find((i) => i.id === id)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('menuTemplate', () => {
  it('has File, Edit, View and Help, with the app menu first on macOS only', () => {
    expect(menuTemplate(actions()).map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(menuTemplate(actions({ isMac: true }))[0]).toEqual({ role: 'appMenu' });
  });

  it('imports files (Cmd/Ctrl+O) and folders through the actions, and shows Export disabled', () => {
    const a = actions();
    const t = menuTemplate(a);
    const files = byId(t, 'import-files');
    expect(files.label).toBe('Import Files…');
    expect(files.accelerator).toBe('CmdOrCtrl+O');
    click(files);
    expect(a.importFrom).toHaveBeenLastCalledWith('files');
    click(byId(t, 'import-folder'));
    expect(a.importFrom).toHaveBeenLastCalledWith('folder');
    expect(byId(t, 'export')).toMatchObject({ label: 'Export…', enabled: false });
    expect(roles(submenu(t, 'File'))).toEqual(['quit']);
    expect(roles(submenu(menuTemplate(actions({ isMac: true })), 'File'))).toEqual(['close']);
  });

  it('edits with the standard roles', () => {
    expect(roles(submenu(menuTemplate(actions()), 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers reload and dev tools in development only', () => {
    expect(roles(submenu(menuTemplate(actions({ isPackaged: true })), 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(submenu(menuTemplate(actions({ isPackaged: false })), 'View'))).toEqual([
      'reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen',
    ]);
  });

  it('shows About and opens the desk folder from Help', () => {
    const a = actions();
    const t = menuTemplate(a);
    click(byId(t, 'about'));
    click(byId(t, 'open-desk-folder'));
    expect(a.showAbout).toHaveBeenCalledTimes(1);
    expect(a.openDeskFolder).toHaveBeenCalledTimes(1);
    expect(ABOUT_CREDITS).toBe('IPTC ninjs 3.1 JSON Schema © IPTC, CC BY 4.0');
  });
});
