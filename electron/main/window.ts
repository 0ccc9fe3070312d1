import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './app-origin.js';
import { DEFAULT_SIZE, initialBounds, loadWindowState, saveWindowState } from './window-state.js';

/** The IPC sender check asks "is this one of ours?"; only windows created here are. */
const windows = new Set<BrowserWindow>();
const pendingSaves = new Set<Promise<void>>();

export function ourWindows(): readonly BrowserWindow[] {
  return [...windows].filter((w) => !w.isDestroyed());
}

export function mainWindow(): BrowserWindow | null {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused && windows.has(focused)) return focused;
  return ourWindows()[0] ?? null;
}

export interface WindowOptions {
  preloadPath: string;
  userDataDir: string;
}

export async function createWindow(opts: WindowOptions): Promise<BrowserWindow> {
  const stateFile = join(opts.userDataDir, 'window-state.json');
  const bounds = initialBounds(await loadWindowState(stateFile), screen);

  const win = new BrowserWindow({
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : DEFAULT_SIZE),
    minWidth: 720,
    minHeight: 480,
    title: 'Copydesk',
    // Shown on ready-to-show, so the editor never sees a white flash before the first paint.
    show: false,
    webPreferences: {
      // Every security-relevant preference is spelled out, so a changed Electron default cannot loosen them.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // Middle-click would otherwise open links through a path the window-open handler never sees.
      disableBlinkFeatures: 'Auxclick',
      // Reviewed for electronegativity: the preload exposes only the contract's named methods (electron/preload).
      preload: opts.preloadPath, // eng-disable PRELOAD_JS_CHECK
    },
  });
  windows.add(win);

  win.once('ready-to-show', () => {
    if (bounds?.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    // getNormalBounds: a maximised window remembers the size it returns to, not the whole screen.
    const state = { ...win.getNormalBounds(), maximized: win.isMaximized() };
    const saving = saveWindowState(stateFile, state).catch(() => undefined);
    pendingSaves.add(saving);
    void saving.finally(() => pendingSaves.delete(saving));
  });
  win.on('closed', () => windows.delete(win));

  // A failed load (say, an unbuilt renderer) leaves the window showing Chromium's error page; not fatal here.
  win.loadURL(APP_ENTRY_URL).catch((err: Error) => console.error(`copydesk: cannot load ${APP_ENTRY_URL}: ${err.message}`));
  return win;
}

/** Quitting waits for this, so the last window's bounds reach the disk. */
export async function windowStateSaved(): Promise<void> {
  await Promise.all([...pendingSaves]);
}
