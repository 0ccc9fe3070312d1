import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METHOD_NAMES, type MethodName } from '../core/api.js';
import type { ErrorCode, Result } from '../core/result.js';
import type { DeskService } from '../core/service.js';
import { allowedHost, allowedOrigin, bearer, tokenMatches } from './http-guards.js';
import { readStatic } from './static-files.js';

export interface HttpTransportOptions {
  service: DeskService;
  /** The built renderer; null serves the API alone. */
  staticDir: string | null;
  port?: number;
  token?: string;
  /** Uploads carry whole seed files as base64: 50 MB of text is about 67 MB on the wire. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 72 * 1024 * 1024;
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400, NOT_FOUND: 404, DESK_LOCKED: 409, DESK_CORRUPT: 500, DESK_TOO_NEW: 409, IO_ERROR: 500, INTERNAL: 500,
};

/**
 * Browser mode's transport for the API contract: `POST /api/<method>` with a JSON body, server-sent change
 * events on `/api/events`, and the built renderer as static files. Binds 127.0.0.1 only.
 */
export async function startHttpServer(opts: HttpTransportOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const methods = new Set<string>(METHOD_NAMES);
  const streams = new Set<ServerResponse>();
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;
  let closing = false;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!allowedHost(req.headers.host, port) || !allowedOrigin(req.headers.origin, port)) {
      return send(res, 403, { ok: false, error: { code: 'INVALID_INPUT', message: 'forbidden host or origin' } });
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/api/events') return events(req, res, url);
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'method not allowed' } });
    const file = opts.staticDir ? await readStatic(opts.staticDir, url.pathname) : null;
    if (!file) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } });
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!tokenMatches(bearer(req.headers.authorization), token)) {
      return send(res, 401, { ok: false, error: { code: 'INVALID_INPUT', message: 'missing or wrong token' } });
    }
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'use POST' } });
    if (!methods.has(name)) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `unknown method ${name}` } });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return send(res, 415, { ok: false, error: { code: 'INVALID_INPUT', message: 'send Content-Type: application/json' } });
    }
    const body = await readBody(req, maxBody);
    if (body === null) return send(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: `request body over ${maxBody} bytes` } });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'request body is not valid JSON' } });
    }
    const result: Result<unknown> = await opts.service.call(name as MethodName, input);
    send(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  function events(req: IncomingMessage, res: ServerResponse, url: URL): void {
    // EventSource cannot set headers, so this one route takes the token as a query parameter.
    if (!tokenMatches(url.searchParams.get('token'), token)) {
      return send(res, 401, { ok: false, error: { code: 'INVALID_INPUT', message: 'missing or wrong token' } });
    }
    if (closing) return send(res, 503, { ok: false, error: { code: 'IO_ERROR', message: 'the desk server is shutting down' } });
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  const unsubscribe = opts.service.onEvent((e) => {
    const frame = `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
    for (const s of streams) s.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: opts.port ?? 0, host: '127.0.0.1' }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: async () => {
      closing = true;
      unsubscribe();
      for (const s of streams) s.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A page left open keeps idle keep-alive sockets (and may reopen its event stream); without this the
      // server would wait on them forever and `copydesk serve` would not exit on Ctrl+C.
      server.closeAllConnections();
      await closed;
    },
  };
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
