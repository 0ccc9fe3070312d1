import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Mock, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskEvent } from '../../../electron/core/api.js';
import { EVENT_CHANNEL, METHOD_NAMES, channelFor } from '../../../electron/core/api-methods.js';
import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import {
  type InvokeEventLike, type IpcDeps, type IpcMainLike, type ServiceLike, broadcast, forwardServiceEvents, registerIpc,
} from '../../../electron/main/ipc-handlers.js';
import { PICK_IMPORT_CHANNEL, SAVE_DOWNLOAD_CHANNEL } from '../../../electron/preload/channels.js';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** Records handlers the way ipcMain would, and lets a test invoke one as a renderer would. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(h(event, ...args));
  }
}

const ourContents = { id: 1 };
const foreignContents = { id: 2 };
const trusted: InvokeEventLike = { sender: ourContents, senderFrame: { url: 'app://copydesk/index.html' } };
const UNTRUSTED = { ok: false, error: { code: 'INVALID_INPUT', message: 'untrusted sender' } };

function fakeService(): ServiceLike & { call: Mock<ServiceLike['call']> } {
  return {
    call: vi.fn<ServiceLike['call']>(async () => ({ ok: true, value: 'called' })),
    onEvent: () => () => undefined,
  };
}

function setup(
  service: ServiceLike,
  pickImport: IpcDeps['pickImport'] = vi.fn(async () => null),
  saveDownload: IpcDeps['saveDownload'] = vi.fn(async () => ({ ok: true as const, value: { saved: false, path: null } })),
) {
  const ipcMain = new FakeIpcMain();
  const dispose = registerIpc({ ipcMain, service, isOurSender: (s) => s === ourContents, pickImport, saveDownload });
  return { ipcMain, dispose, pickImport, saveDownload };
}

describe('registerIpc', () => {
  it('registers one handler per contract method, plus pick-import and save-download, and nothing else', () => {
    const { ipcMain } = setup(fakeService());
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...METHOD_NAMES.map(channelFor), PICK_IMPORT_CHANNEL, SAVE_DOWNLOAD_CHANNEL].sort());
  });

  it('removes every handler it registered', () => {
    const { ipcMain, dispose } = setup(fakeService());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes a trusted call straight to the service', async () => {
    const service = fakeService();
    const { ipcMain } = setup(service);
    for (const m of METHOD_NAMES) {
      await expect(ipcMain.invoke(channelFor(m), trusted, { some: 'input' })).resolves.toEqual({ ok: true, value: 'called' });
      expect(service.call).toHaveBeenLastCalledWith(m, { some: 'input' });
    }
  });

  const untrustedEvents: [string, InvokeEventLike][] = [
    ['a foreign window on our page', { sender: foreignContents, senderFrame: { url: 'app://copydesk/index.html' } }],
    ['our window showing a web page', { sender: ourContents, senderFrame: { url: 'https://evil.example/?next=app://x' } }],
    ['our window, lookalike host', { sender: ourContents, senderFrame: { url: 'app://copydesk.evil/x' } }],
    ['our window, credentials trick', { sender: ourContents, senderFrame: { url: 'app://copydesk@evil/x' } }],
    ['our window, file page', { sender: ourContents, senderFrame: { url: 'file:///tmp/index.html' } }],
    ['our window, frame gone', { sender: ourContents, senderFrame: null }],
    ['no sender', { sender: undefined, senderFrame: { url: 'app://copydesk/index.html' } }],
  ];

  it.each(untrustedEvents)('refuses %s without touching the service', async (_name, event) => {
    const service = fakeService();
    const pickImport = vi.fn(async () => null);
    const { ipcMain } = setup(service, pickImport);
    for (const channel of ipcMain.handlers.keys()) {
      await expect(ipcMain.invoke(channel, event, { paths: ['/etc/passwd'] })).resolves.toEqual(UNTRUSTED);
    }
    expect(service.call).not.toHaveBeenCalled();
    expect(pickImport).not.toHaveBeenCalled();
  });

  it('validates the pick-import kind before opening any dialog', async () => {
    const pickImport = vi.fn(async () => null);
    const { ipcMain } = setup(fakeService(), pickImport);
    for (const bad of [undefined, 'file', 'FILES', { kind: 'files' }, ['folder'], '/etc']) {
      const r = (await ipcMain.invoke(PICK_IMPORT_CHANNEL, trusted, bad)) as { ok: boolean; error: { code: string } };
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('INVALID_INPUT');
    }
    expect(pickImport).not.toHaveBeenCalled();
    await expect(ipcMain.invoke(PICK_IMPORT_CHANNEL, trusted, 'folder')).resolves.toBeNull();
    expect(pickImport).toHaveBeenCalledWith('folder', ourContents);
  });

  it('takes only an export id for save-download, never a path, and checks the sender first', async () => {
    const saveDownload = vi.fn(async () => ({ ok: true as const, value: { saved: true, path: '/chosen' } }));
    const { ipcMain } = setup(fakeService(), undefined, saveDownload);
    for (const bad of [undefined, '/etc/passwd', '../x', 'ABCDEF0123456789abcdef01', '0123456789abcdef0123456', { id: 'x' }]) {
      const r = (await ipcMain.invoke(SAVE_DOWNLOAD_CHANNEL, trusted, bad)) as { ok: boolean; error: { code: string } };
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const foreign = { sender: foreignContents, senderFrame: { url: 'app://copydesk/index.html' } };
    await expect(ipcMain.invoke(SAVE_DOWNLOAD_CHANNEL, foreign, '0123456789abcdef01234567')).resolves.toEqual(UNTRUSTED);
    expect(saveDownload).not.toHaveBeenCalled();
    await expect(ipcMain.invoke(SAVE_DOWNLOAD_CHANNEL, trusted, '0123456789abcdef01234567')).resolves.toEqual({ ok: true, value: { saved: true, path: '/chosen' } });
    expect(saveDownload).toHaveBeenCalledWith('0123456789abcdef01234567', ourContents);
  });

  it('turns a throwing dialog into a Result instead of a rejected invoke', async () => {
    const { ipcMain } = setup(fakeService(), async () => {
      throw new Error('dialog exploded');
    });
    await expect(ipcMain.invoke(PICK_IMPORT_CHANNEL, trusted, 'files')).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'dialog exploded' },
    });
  });
});

describe('registerIpc over a real DeskService', () => {
  let dir: string;
  let desk: Desk;
  let ipcMain: FakeIpcMain;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copydesk-ipc-'));
    desk = await Desk.open(dir);
    ipcMain = setup(new DeskService(desk)).ipcMain;
  });
  afterEach(async () => {
    await desk.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['getArticle', undefined],
    ['getArticle', { id: 42 }],
    ['getArticle', { id: 'x', extra: true }],
    ['importPaths', { paths: [] }],
    ['importPaths', { paths: 'seeds' }],
    ['importPaths', 'seeds'],
  ] as const)('answers %s(%j) with INVALID_INPUT from the contract', async (method, input) => {
    const r = (await ipcMain.invoke(channelFor(method), trusted, input)) as { ok: boolean; error: { code: string; message: string } };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain(method);
  });

  it('answers a valid call', async () => {
    const r = (await ipcMain.invoke(channelFor('listArticles'), trusted, {})) as { ok: boolean };
    expect(r.ok).toBe(true);
    await expect(ipcMain.invoke(channelFor('getArticle'), trusted, { id: 'missing' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('event forwarding', () => {
  const sink = (destroyed = false) => ({ isDestroyed: () => destroyed, send: vi.fn() });

  it('sends every service event to every live window on the event channel', () => {
    let emit: (e: DeskEvent) => void = () => undefined;
    const service: ServiceLike = {
      call: vi.fn(),
      onEvent: (l) => {
        emit = l;
        return () => {
          emit = () => undefined;
        };
      },
    };
    const live = [sink(), sink()];
    const dead = sink(true);
    const stop = forwardServiceEvents(service, () => [...live, dead]);
    const e: DeskEvent = { type: 'articles-changed', ids: ['a'] };
    emit(e);
    for (const s of live) expect(s.send).toHaveBeenCalledWith(EVENT_CHANNEL, e);
    expect(dead.send).not.toHaveBeenCalled();
    stop();
    emit(e);
    for (const s of live) expect(s.send).toHaveBeenCalledTimes(1);
  });

  it('keeps broadcasting when one window throws', () => {
    const broken = { isDestroyed: () => false, send: vi.fn(() => { throw new Error('gone'); }) };
    const fine = sink();
    const e: DeskEvent = { type: 'import-finished', result: { ok: true, value: { imported: 1, updated: 0, unchanged: 0, failed: 0, files: [] } } };
    broadcast([broken, fine], e);
    expect(fine.send).toHaveBeenCalledWith(EVENT_CHANNEL, e);
  });
});
