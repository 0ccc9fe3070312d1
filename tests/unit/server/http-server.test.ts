import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../electron/core/api.js';
import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { type RunningServer, startHttpServer } from '../../../electron/server/http-server.js';

let dir: string;
let desk: Desk;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-http-'));
  desk = await Desk.open(join(dir, 'desk'));
  server = await startHttpServer({ service: new DeskService(desk), staticDir: null, port: 0, maxBodyBytes: 4096, maxUploadBytes: 1024 * 1024 });
});
afterAll(async () => {
  await server.close();
  await desk.close();
  await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' });

describe('browser-mode HTTP transport', () => {
  it('prints a URL carrying a fresh random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
  });

  it('answers a call that carries the token', async () => {
    const r = await raw('/api/listArticles', { headers: auth(), body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { total: 0, items: [] } });
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses a call without the token with 401', async () => {
    const r = await raw('/api/listArticles', { headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'missing or wrong token' } });
  });

  it('refuses a wrong token with 401', async () => {
    const r = await raw('/api/listArticles', { headers: { ...auth(), Authorization: `Bearer ${'x'.repeat(43)}` }, body: '{}' });
    expect(r.status).toBe(401);
  });

  it('refuses a foreign Origin with 403, token or not', async () => {
    const r = await raw('/api/listArticles', { headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' });
    expect(r.status).toBe(403);
  });

  it('refuses a foreign Host with 403 (DNS rebinding)', async () => {
    const r = await raw('/api/listArticles', { headers: { ...auth(), Host: 'evil.example' }, body: '{}' });
    expect(r.status).toBe(403);
    const page = await raw('/', { method: 'GET', headers: { Host: `evil.example:${server.port}` } });
    expect(page.status).toBe(403);
  });

  it('validates input at the boundary', async () => {
    const bad = await raw('/api/getArticle', { headers: auth(), body: '{"id": 5}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('INVALID_INPUT');
    const extra = await raw('/api/listArticles', { headers: auth(), body: '{"__proto__": {"x": 1}, "sneaky": true}' });
    expect(extra.status).toBe(400);
    const notJson = await raw('/api/listArticles', { headers: auth(), body: '{' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toBe('request body is not valid JSON');
  });

  it('answers 404, 405, 413 and 415 for the wrong shape of request', async () => {
    expect((await raw('/api/dropDatabase', { headers: auth(), body: '{}' })).status).toBe(404);
    expect((await raw('/api/constructor', { headers: auth(), body: '{}' })).status).toBe(404);
    expect((await raw('/api/listArticles', { method: 'GET', headers: auth() })).status).toBe(405);
    expect((await raw('/api/listArticles', { headers: auth(), body: JSON.stringify({ query: 'x'.repeat(5000) }) })).status).toBe(413);
    expect((await raw('/api/listArticles', { headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
  });

  it('streams change events to a client holding the token', async () => {
    expect((await raw('/api/events?token=wrong', { method: 'GET' })).status).toBe(401);
    const events: DeskEvent[] = [];
    const req = request({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, method: 'GET' });
    const opened = new Promise<void>((resolve) => {
      req.on('response', (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buf = '';
        res.on('data', (d: Buffer) => {
          buf += d.toString();
          for (const m of buf.matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(m[1]!));
          buf = buf.slice(buf.lastIndexOf('\n\n') + 2);
        });
        resolve();
      });
    });
    req.end();
    await opened;
    const seed = await readFile('seeds/000_9aa4e691ff5375b9.txt');
    const imported = await raw('/api/importUploads', { headers: auth(), body: JSON.stringify({ files: [{ name: 'seed.txt', base64: seed.toString('base64') }] }) });
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { imported: 2 } });
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ type: 'articles-changed' });
    expect((events[0] as { ids: string[] }).ids).toHaveLength(2);
    req.destroy();
  });
});
