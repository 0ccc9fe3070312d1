import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../../electron/server/http-server.js';

/**
 * Electron security checklist items 5, 7 and 11–15 as wired by setupNavigationGuards: every session refuses
 * every permission and stamps the CSP on every response; every web contents refuses to navigate or redirect
 * off our origin, to attach a webview, or to open a window, and hands only plain web links to the OS. Electron
 * is a stand-in that records the handlers so the test can call them as Electron would.
 */
type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const makeSession = () => ({
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  });
  const appListeners = new Map<string, Listener[]>();
  const defaultSession = makeSession();
  return {
    makeSession,
    defaultSession,
    appListeners,
    module: {
      app: { on: (event: string, fn: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), fn]) },
      session: { defaultSession },
      shell: { openExternal: vi.fn(async () => undefined) },
    },
  };
});
vi.mock('electron', () => electron.module);

type FakeSession = ReturnType<typeof electron.makeSession>;
interface FakeContents {
  listeners: Map<string, Listener>;
  openHandler: Listener | null;
  session: FakeSession;
}

let contents: FakeContents;

beforeAll(async () => {
  const { setupNavigationGuards } = await import('../../../electron/main/navigation-guards.js');
  setupNavigationGuards();
  contents = { listeners: new Map(), openHandler: null, session: electron.makeSession() };
  const fake = {
    on: (event: string, fn: Listener) => contents.listeners.set(event, fn),
    setWindowOpenHandler: (fn: Listener) => (contents.openHandler = fn),
    session: contents.session,
  };
  for (const created of electron.appListeners.get('web-contents-created') ?? []) created({}, fake);
});

/** Fires a navigation-type event; true if the guard let it through. */
function allows(event: string, url: string): boolean {
  const preventDefault = vi.fn();
  contents.listeners.get(event)!({ url, preventDefault });
  return preventDefault.mock.calls.length === 0;
}

describe('sessions', () => {
  it.each([
    ['the default session', () => electron.defaultSession],
    ["a web contents' own session", () => contents.session],
  ])('%s refuses every permission request, check and device', (_name, session) => {
    const s = session();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      (s.setPermissionRequestHandler.mock.calls[0]![0] as Listener)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((s.setPermissionCheckHandler.mock.calls[0]![0] as Listener)({}, permission)).toBe(false);
    }
    expect((s.setDevicePermissionHandler.mock.calls[0]![0] as Listener)({ deviceType: 'usb' })).toBe(false);
  });

  it('stamps our CSP on every response, replacing whatever policy came with it', () => {
    const callback = vi.fn();
    const onHeaders = electron.defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as Listener;
    onHeaders({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["script-src *"] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] } });
  });
});

describe('web contents', () => {
  const foreign = [
    'https://evil.example/',
    'http://127.0.0.1:4000/',
    'file:///etc/passwd',
    'app://copydesk.evil/index.html',
    'app://copydesk@evil/index.html',
    'https://evil.example/?next=app://copydesk/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ];

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s stays on app://copydesk', (event) => {
    expect(allows(event, 'app://copydesk/index.html')).toBe(true);
    for (const url of foreign) expect(allows(event, url), url).toBe(false);
  });

  it('never attaches a webview', () => {
    expect(allows('will-attach-webview', 'app://copydesk/index.html')).toBe(false);
  });

  it('never opens a window, and hands only a plain web link to the OS browser', () => {
    // A link in an article opens in the editor's own browser, wherever it points; anything else goes nowhere.
    const web = ['https://example.org/treaty', 'http://example.org/a?b=c', 'https://evil.example/', 'http://127.0.0.1:4000/', 'https://evil.example/?next=app://copydesk/'];
    const never = ['file:///etc/passwd', 'app://copydesk/index.html', 'app://copydesk.evil/index.html', 'javascript:alert(1)', 'data:text/html,x', 'smb://server/share', 'ms-msdt:/id', 'https://user:pass@example.org/', ' https://example.org/'];
    for (const url of [...web, ...never]) {
      electron.module.shell.openExternal.mockClear();
      expect(contents.openHandler!({ url }), url).toEqual({ action: 'deny' });
      expect(electron.module.shell.openExternal.mock.calls.map((c) => (c as unknown[])[0]), url).toEqual(web.includes(url) ? [new URL(url).href] : []);
    }
  });
});
