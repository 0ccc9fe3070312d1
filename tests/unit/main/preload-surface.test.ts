import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, METHOD_NAMES, channelFor } from '../../../electron/core/api-methods.js';
import { PICK_IMPORT_CHANNEL, SAVE_DOWNLOAD_CHANNEL } from '../../../electron/preload/channels.js';

// A stand-in for the sandboxed preload's electron module; the real one needs an Electron binary.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
  },
  webUtils: { getPathForFile: vi.fn(() => '/home/editor/story.txt') },
}));
vi.mock('electron', () => electron);

let exposed: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../electron/preload/index.js');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, value] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
  expect(key).toBe('copydesk');
  exposed = value as Record<string, unknown>;
});

describe('window.copydesk', () => {
  it('is exactly the contract methods plus onEvent, pickImport, saveDownload and pathForFile', () => {
    expect(Object.keys(exposed).sort()).toEqual([...METHOD_NAMES, 'onEvent', 'pickImport', 'saveDownload', 'pathForFile'].sort());
    for (const key of ['send', 'invoke', 'on', 'ipcRenderer', 'removeListener']) expect(exposed).not.toHaveProperty(key);
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('invokes each method on its own channel with the input untouched', async () => {
    for (const m of METHOD_NAMES) {
      const input = { for: m };
      await (exposed[m] as (i: unknown) => Promise<unknown>)(input);
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelFor(m), input);
    }
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('hands listeners the event payload only, never the IpcRendererEvent', () => {
    const listener = vi.fn();
    const unsubscribe = (exposed.onEvent as (l: unknown) => () => void)(listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, handler] = electron.ipcRenderer.on.mock.calls[0]! as unknown as [string, (...a: unknown[]) => void];
    expect(channel).toBe(EVENT_CHANNEL);

    const ipcEvent = { sender: { send: vi.fn() }, ports: [] };
    const payload = { type: 'articles-changed', ids: ['a'] };
    handler(ipcEvent, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);

    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, handler);
  });

  it('asks main for the native picker on the shared channel', async () => {
    await (exposed.pickImport as (k: string) => Promise<unknown>)('folder');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(PICK_IMPORT_CHANNEL, 'folder');
  });

  it('asks main for the native save dialog with the export id alone', async () => {
    await (exposed.saveDownload as (id: string) => Promise<unknown>)('0123456789abcdef01234567');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(SAVE_DOWNLOAD_CHANNEL, '0123456789abcdef01234567');
  });

  it('resolves a dropped file through webUtils', () => {
    const file = { name: 'story.txt' };
    expect((exposed.pathForFile as (f: unknown) => string)(file)).toBe('/home/editor/story.txt');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
  });
});
