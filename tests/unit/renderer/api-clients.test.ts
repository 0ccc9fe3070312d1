import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../electron/core/api.js';
import { METHOD_NAMES } from '../../../electron/core/api-methods.js';
import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { type RunningServer, startHttpServer } from '../../../electron/server/http-server.js';
import type { DeskApi } from '../../../renderer/api/desk-api.js';
import { httpApi, takeToken } from '../../../renderer/api/http-api.js';
import { type CopydeskBridge, ipcApi } from '../../../renderer/api/ipc-api.js';

/** The renderer's one client interface, driven through both real transports with the same expectations. */
let dir: string;
let desk: Desk;
let service: DeskService;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-client-'));
  desk = await Desk.open(join(dir, 'desk'));
  service = new DeskService(desk);
  await service.call('importPaths', { paths: ['seeds'] });
  server = await startHttpServer({ service, staticDir: null, port: 0 });
});
afterAll(async () => {
  await server.close();
  await desk.close();
  await rm(dir, { recursive: true, force: true });
});

/** Stands in for the preload: every value crosses a structured-clone boundary, as over real IPC. */
function fakeBridge(): CopydeskBridge {
  const methods = Object.fromEntries(
    METHOD_NAMES.map((m) => [m, async (input: unknown) => structuredClone(await service.call(m, structuredClone(input)))]),
  );
  return {
    ...methods,
    onEvent: (listener: (e: DeskEvent) => void) => service.onEvent(listener),
    pickImport: async () => null,
    pathForFile: () => '',
  } as unknown as CopydeskBridge;
}

const transports: [string, () => DeskApi][] = [
  ['http', () => httpApi(server.token, (url, init) => fetch(`http://127.0.0.1:${server.port}${String(url)}`, init))],
  ['ipc', () => ipcApi(fakeBridge())],
];

describe.each(transports)('api client over %s', (name, make) => {
  it('exposes exactly the contract', () => {
    expect(Object.keys(make().client).sort()).toEqual([...METHOD_NAMES].sort());
    expect(make().transport).toBe(name);
  });

  it('lists, searches and opens articles', async () => {
    const api = make();
    const page = await api.client.listArticles({});
    expect(page.ok && page.value.total).toBe(2);
    const hits = await api.client.listArticles({ query: 'Kursk' });
    expect(hits.ok && hits.value.items.map((i) => i.dateline)).toEqual(['SEOUL']);
    const id = page.ok ? page.value.items[0]!.id : '';
    const article = await api.client.getArticle({ id });
    expect(article.ok && article.value.paragraphs.length).toBe(8);
  });

  it('returns errors as values, never throwing', async () => {
    const api = make();
    expect(await api.client.getArticle({ id: 'ffffffffffffffff' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no article with id ffffffffffffffff' } });
    const bad = await api.client.getArticle({ id: 42 } as never);
    expect(bad.ok === false && bad.error.code).toBe('INVALID_INPUT');
  });
});

describe('http client failure', () => {
  it('turns an unreachable server into an IO_ERROR result', async () => {
    const api = httpApi('t'.repeat(32), () => Promise.reject(new TypeError('fetch failed')));
    const r = await api.client.listArticles({});
    expect(r).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
  });
});

describe('takeToken', () => {
  it('reads the token from the fragment, keeps it for the tab and clears the address bar', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    let replaced = '';
    const history = { replaceState: (_s: unknown, _t: string, url: string) => void (replaced = url) } as History;
    const token = 'A'.repeat(43);
    expect(takeToken({ hash: `#token=${token}`, pathname: '/', search: '' } as Location, storage, history)).toBe(token);
    expect(replaced).toBe('/');
    expect(takeToken({ hash: '', pathname: '/', search: '' } as Location, storage, history)).toBe(token);
    expect(takeToken({ hash: '#token=short', pathname: '/', search: '' } as Location, { getItem: () => null, setItem: () => undefined } as unknown as Storage, history)).toBeNull();
  });
});
