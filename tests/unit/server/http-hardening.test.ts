import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type IncomingHttpHeaders, request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../electron/core/api-methods.js';
import { DEFAULT_MAX_BYTES } from '../../../electron/core/import/read-seed-file.js';
import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import {
  DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES, type RunningServer, startHttpServer,
} from '../../../electron/server/http-server.js';

/**
 * The browser-mode server's perimeter, request by request: body limits per route, the token on every /api/
 * route, Host and Origin, no CORS grant, loopback only, and the methods each route accepts.
 */
const ORDINARY_LIMIT = 4096;
const UPLOAD_LIMIT = 64 * 1024;

let dir: string;
let desk: Desk;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-harden-'));
  const renderer = join(dir, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Copydesk</title><script type="module" src="./app.js"></script>');
  desk = await Desk.open(join(dir, 'desk'));
  server = await startHttpServer({
    service: new DeskService(desk), staticDir: renderer, port: 0, maxBodyBytes: ORDINARY_LIMIT, maxUploadBytes: UPLOAD_LIMIT,
  });
});
afterAll(async () => {
  await server.close();
  await desk.close();
  await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
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

/**
 * HTTP over a bare socket, so a test controls exactly which bytes go out and when: `send` writes, `answer`
 * waits for the first complete JSON response, `closed` resolves when the server drops the connection.
 */
function rawClient() {
  const socket = connect(server.port, '127.0.0.1');
  let received = '';
  let written = 0;
  let writtenAtAnswer = -1;
  let closedBy: 'server' | 'timeout' | null = null;
  const waiters: (() => void)[] = [];
  const wake = (): void => waiters.splice(0).forEach((w) => w());
  socket.on('data', (d: Buffer) => {
    if (writtenAtAnswer < 0) writtenAtAnswer = written;
    received += d.toString();
    wake();
  });
  // A reset while we are still sending is how an oversized upload ends; what matters is what was answered.
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => {
    closedBy ??= 'server';
    wake();
    resolve();
  }));
  const until = (done: () => boolean, ms = 5000): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        closedBy ??= 'timeout';
        socket.destroy();
        resolve();
      }, ms);
      const check = (): void => {
        if (done() || socket.destroyed) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });
  const responses = (): string[] => received.split(/(?=HTTP\/1\.1 \d{3} )/u).filter((r) => /\r\n\r\n\{.*\}$/su.test(r));
  return {
    send(chunk: string): boolean {
      if (socket.destroyed) return false;
      written += Buffer.byteLength(chunk);
      socket.write(chunk);
      return true;
    },
    get written() {
      return written;
    },
    /** How much had been written when the first byte of an answer arrived. */
    get writtenAtAnswer() {
      return writtenAtAnswer;
    },
    responses,
    answer: async (n = 1): Promise<string> => {
      await until(() => responses().length >= n);
      return responses()[n - 1] ?? '';
    },
    closed: async (ms = 5000): Promise<'server' | 'timeout' | null> => {
      await Promise.race([closed, until(() => false, ms)]);
      return closedBy;
    },
    end: () => socket.destroy(),
  };
}

const statusOf = (response: string): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);
const head = (lines: string[]): string => [...lines, '', ''].join('\r\n');
const apiHead = (method: string, extra: string[]): string =>
  head([`POST /api/${method} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `Authorization: Bearer ${server.token}`, 'Content-Type: application/json', ...extra]);

describe('request body limits', () => {
  it('fit the import limit: a largest seed file, as base64 in JSON, is under the upload limit', () => {
    const base64 = Math.ceil(DEFAULT_MAX_BYTES / 3) * 4;
    expect(base64 + 1024).toBeLessThan(DEFAULT_MAX_UPLOAD_BYTES);
    expect(DEFAULT_MAX_BODY_BYTES).toBeLessThan(DEFAULT_MAX_UPLOAD_BYTES);
  });

  it('refuses a declared Content-Length far over the limit with 413 before any of the body is sent, and hangs up', async () => {
    const client = rawClient();
    client.send(apiHead('listArticles', ['Content-Length: 1000000000']));
    const answer = await client.answer();
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain('over the 4096 byte limit for listArticles');
    expect(answer).toMatch(/\r\nConnection: close\r\n/iu);
    expect(client.written).toBe(Buffer.byteLength(apiHead('listArticles', ['Content-Length: 1000000000'])));
    expect(await client.closed()).toBe('server');
  });

  it('stops a chunked body the moment it passes the limit, answering 413, and hangs up on an endless one', async () => {
    const client = rawClient();
    client.send(apiHead('listArticles', ['Transfer-Encoding: chunked']));
    const chunk = 'x'.repeat(1024);
    // An endless upload: a chunk every few milliseconds for as long as the server will take them.
    while (client.send(`${chunk.length.toString(16)}\r\n${chunk}\r\n`) && client.written < 1024 * 1024) {
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(statusOf(client.responses()[0] ?? '')).toBe(413);
    // Read out (and dropped) to twice the limit, then answered and cut off: never the megabyte the client had.
    expect(client.writtenAtAnswer).toBeGreaterThan(2 * ORDINARY_LIMIT);
    expect(client.writtenAtAnswer).toBeLessThan(ORDINARY_LIMIT * 4);
    expect(client.written).toBeLessThan(ORDINARY_LIMIT * 8);
    expect(await client.closed()).toBe('server');
  });

  it('reads out a body up to twice the limit, so the client gets its 413 and a connection it can reuse', async () => {
    const client = rawClient();
    const body = `{"query":"${'x'.repeat(ORDINARY_LIMIT)}"}`;
    client.send(apiHead('listArticles', [`Content-Length: ${body.length}`]) + body);
    expect(statusOf(await client.answer(1))).toBe(413);
    client.send(apiHead('listArticles', ['Content-Length: 2']) + '{}');
    expect(statusOf(await client.answer(2))).toBe(200);
    client.end();
  });

  it('gives importUploads its own, larger limit, and refuses it too past that', async () => {
    const file = Buffer.from('Headline of an uploaded seed\n\nLONDON: A paragraph.\n'.repeat(200));
    const body = JSON.stringify({ files: [{ name: 'upload.txt', base64: file.toString('base64') }] });
    expect(body.length).toBeGreaterThan(ORDINARY_LIMIT);
    expect(body.length).toBeLessThan(UPLOAD_LIMIT);
    const accepted = await call('/api/importUploads', { headers: auth(), body });
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body)).toMatchObject({ ok: true, value: { failed: 0 } });
    // The same size is too much for an ordinary call.
    const ordinary = await call('/api/listArticles', { headers: auth(), body: JSON.stringify({ query: 'x'.repeat(body.length) }) });
    expect(ordinary.status).toBe(413);
    const huge = JSON.stringify({ files: [{ name: 'big.txt', base64: 'A'.repeat(UPLOAD_LIMIT) }] });
    expect((await call('/api/importUploads', { headers: auth(), body: huge })).status).toBe(413);
  });

  it('keeps the connection alive for a request it read whole', async () => {
    const r = await call('/api/listArticles', { headers: auth(), body: '{}' });
    expect(r.status).toBe(200);
    expect(r.headers.connection).not.toBe('close');
  });
});

describe('the token', () => {
  it('is required by every contract method', async () => {
    for (const method of METHOD_NAMES) {
      const r = await call(`/api/${method}`, { headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(r.status, method).toBe(401);
    }
  });

  it('is required by the event stream, downloads and any other /api/ route, before the route is looked up', async () => {
    const exportId = 'a'.repeat(24);
    for (const path of ['/api/events', `/api/downloads/${exportId}`, '/api', '/api/anything/else']) {
      expect((await call(path, { method: 'GET' })).status, path).toBe(401);
      expect((await call(`${path}?token=${server.token.slice(1)}`, { method: 'GET' })).status, path).toBe(401);
    }
    // An unknown route does not reveal itself as 404 to a caller without the token.
    expect((await call('/api/no-such-method', { headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    // With it, a download is a GET of an export this desk made, and nothing else.
    expect((await call(`/api/downloads/${exportId}?token=${server.token}`, { method: 'GET' })).status).toBe(404);
    expect((await call(`/api/downloads/..%2F..%2Fetc%2Fpasswd?token=${server.token}`, { method: 'GET' })).status).toBe(404);
    expect((await call(`/api/downloads/${exportId}`, { method: 'POST', headers: auth(), body: '{}' })).status).toBe(405);
  });

  it('is taken from the query only on GET routes, never for a call', async () => {
    const r = await call(`/api/listArticles?token=${server.token}`, { headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
    const stream = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, method: 'GET' }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.end();
    });
    expect(stream).toBe(200);
  });

  it('never appears in a response: not in the page, not in a refusal', async () => {
    const page = await call('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['set-cookie']).toBeUndefined();
    const refusals = [
      await call('/api/listArticles', { headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}x` }, body: '{}' }),
      await call(`/api/events?token=${server.token}x`, { method: 'GET' }),
      await call('/api/listArticles', { headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' }),
    ];
    for (const r of [page, ...refusals]) {
      expect(r.body).not.toContain(server.token);
      expect(JSON.stringify(r.headers)).not.toContain(server.token);
    }
  });
});

describe('Host and Origin', () => {
  it('refuses a missing Host (HTTP/1.0) and a foreign one on every kind of route', async () => {
    for (const path of ['/', '/api/events', '/api/listArticles']) {
      const client = rawClient();
      client.send(`GET ${path} HTTP/1.0\r\n\r\n`);
      await client.closed();
      expect(statusOf(client.responses()[0] ?? ''), path).toBe(403);
      const foreign = await call(path, { method: 'GET', headers: { Host: `copydesk.evil.example:${server.port}` } });
      expect(foreign.status, path).toBe(403);
    }
  });

  it('refuses an opaque or foreign Origin even with the token, and accepts our own under either name', async () => {
    for (const origin of ['null', 'http://evil.example', `http://127.0.0.1:${server.port}.evil.example`, `https://127.0.0.1:${server.port}`]) {
      expect((await call('/api/listArticles', { headers: { ...auth(), Origin: origin }, body: '{}' })).status, origin).toBe(403);
    }
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      expect((await call('/api/listArticles', { headers: { ...auth(), Origin: origin }, body: '{}' })).status, origin).toBe(200);
    }
  });
});

describe('methods that read the server\'s disk', () => {
  it('are refused over HTTP, so a leaked token cannot read the editor\'s files through the desk', async () => {
    const r = await call('/api/importPaths', { headers: auth(), body: JSON.stringify({ paths: ['/etc/passwd'] }) });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('upload them (importUploads)') } });
    expect(desk.list().some((a) => a.source.file === 'passwd')).toBe(false);
  });
});

describe('no CORS', () => {
  it('grants nothing to a preflight or to any response, from any origin', async () => {
    const replies = [
      await call('/api/listArticles', {
        method: 'OPTIONS',
        headers: { Origin: `http://127.0.0.1:${server.port}`, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      }),
      await call('/api/listArticles', { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } }),
      await call('/api/listArticles', { headers: { ...auth(), Origin: `http://localhost:${server.port}` }, body: '{}' }),
      await call('/', { method: 'GET', headers: { Origin: `http://127.0.0.1:${server.port}` } }),
      await call('/missing.js', { method: 'GET' }),
    ];
    for (const r of replies) expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(replies[0]!.status).toBe(401);
    expect(replies[1]!.status).toBe(403);
  });
});

/** Tries a TCP connection; resolves with the error code, or 'connected'. */
function reach(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host, port, timeout: 2000 });
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('timeout', () => {
      s.destroy();
      resolve('ETIMEDOUT');
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

describe('loopback only', () => {
  it('is bound to 127.0.0.1, IPv4, and to nothing else', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: server.port });
  });

  it('cannot be reached on any other address of this machine', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal)
      .map((a) => a!.address.split('%')[0]!);
    // 127.0.0.2 is loopback too on Linux, so a server bound to 0.0.0.0 or all of lo would answer there.
    const candidates = [...others, ...(process.platform === 'linux' ? ['127.0.0.2'] : []), '::1'];
    expect(await reach('127.0.0.1', server.port)).toBe('connected');
    for (const host of candidates) expect(await reach(host, server.port), host).not.toBe('connected');
  });
});

describe('methods', () => {
  it.each([
    ['/', 'POST', 405, 'GET, HEAD'],
    ['/', 'PUT', 405, 'GET, HEAD'],
    ['/index.html', 'DELETE', 405, 'GET, HEAD'],
    ['/api/listArticles', 'GET', 405, 'POST'],
    ['/api/listArticles', 'PUT', 405, 'POST'],
    ['/api/events', 'POST', 405, 'GET'],
  ])('%s %s → %d, Allow: %s', async (path, method, status, allow) => {
    const r = await call(path, { method, headers: auth(), body: method === 'GET' ? undefined : '{}' });
    expect(r.status).toBe(status);
    expect(r.headers.allow).toBe(allow);
  });

  it('serves the page to GET and HEAD', async () => {
    expect((await call('/', { method: 'GET' })).body).toContain('<title>Copydesk</title>');
    const head = await call('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('wants JSON, exactly', async () => {
    for (const type of ['text/plain', 'application/jsonp', 'application/json-patch+json', 'multipart/form-data; boundary=x', '']) {
      const r = await call('/api/listArticles', { headers: { ...auth(), 'Content-Type': type }, body: '{}' });
      expect(r.status, type).toBe(415);
    }
    expect((await call('/api/listArticles', { headers: { ...auth(), 'Content-Type': 'application/json; charset=utf-8' }, body: '{}' })).status).toBe(200);
  });
});
