import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Electron security checklist items 2–4, 6, 8–10 and 12, for every window: the app makes windows in exactly one
 * place (createWindow), and the BrowserWindow it makes gets exactly these webPreferences. Electron itself is a
 * stand-in that records what it was asked for; the real one needs a binary and a display.
 */
const electron = vi.hoisted(() => {
  const created: { options: Record<string, unknown>; loaded: string[] }[] = [];
  class BrowserWindow {
    static getFocusedWindow = () => null;
    readonly webContents = { on: () => undefined, once: () => undefined };
    readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    once(): void {}
    on(): void {}
    isDestroyed = () => false;
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  const screen = { getDisplayMatching: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) };
  return { created, module: { BrowserWindow, screen } };
});
vi.mock('electron', () => electron.module);

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
let userData: string;

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'copydesk-window-'));
});
afterAll(() => rm(userData, { recursive: true, force: true }));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx|html)$/.test(e.name) ? [p] : [];
  });
}

describe('every window', () => {
  it('is made by createWindow: nothing else constructs a window, view or webview', () => {
    const makers = [...sources(join(REPO, 'electron')), ...sources(join(REPO, 'renderer'))].filter((p) =>
      /new\s+(BrowserWindow|BrowserView|WebContentsView|BaseWindow)\s*\(|<webview\b|webviewTag\s*:\s*true/.test(readFileSync(p, 'utf8')),
    );
    expect(makers.map((p) => relative(REPO, p))).toEqual(['electron/main/window.ts']);
  });

  it('gets locked-down webPreferences, every one spelled out', async () => {
    const { createWindow } = await import('../../../electron/main/window.js');
    await createWindow({ preloadPath: '/app/dist/electron/preload.cjs', userDataDir: userData });
    expect(electron.created).toHaveLength(1);
    const { options, loaded } = electron.created[0]!;
    expect(options.webPreferences).toEqual({
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
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    // Our own origin over the custom protocol: never file://, never http(s).
    expect(loaded).toEqual(['app://copydesk/index.html']);
  });
});
