import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METHOD_NAMES, type MethodName } from '../core/api.js';
import type { ErrorCode, Result } from '../core/result.js';
import type { DeskService } from '../core/service.js';
import { DOWNLOAD_ID } from '../core/export/export-handlers.js';
import { allowedHost, allowedOrigin, bearer, tokenMatches } from './http-guards.js';
import { readBoundedBody, restFitsDrain } from './request-body.js';
import { readStatic } from './static-files.js';

export interface HttpTransportOptions {
  service: DeskService;
  /** The built renderer; null serves the API alone. */
  staticDir: string | null;
  port?: number;
  token?: string;
  /** The largest body of an ordinary call. */
  maxBodyBytes?: number;
  /** The largest body of a call that carries whole files (UPLOAD_METHODS). */
  maxUploadBytes?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

/**
 * Body limits, per route. An ordinary call is small: the largest legitimate one is a bulk change naming every
 * article on a 100,000-article desk (about 2 MB of ids) or a 100,000-character correction written as \u escapes
 * (600 KB), so 8 MB leaves room and still stops a runaway client. An upload carries one seed file as base64:
 * the import limit is 50 MB of file, 67 MB of base64, so 100 MB.
 */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** Methods whose input carries file bytes, and so get the upload limit. */
export const UPLOAD_METHODS: ReadonlySet<string> = new Set<MethodName>(['importUploads']);
/**
 * Methods a page has no business calling: importPaths makes the server read whatever path it is given, which
 * a browser (unlike the Electron shell, which gets paths from the OS) can never legitimately name. Refusing it
 * here means a leaked token lets its holder edit the desk, but not read the editor's other files through it.
 */
export const NOT_OVER_HTTP: ReadonlyMap<string, string> = new Map<MethodName, string>([
  ['importPaths', 'importPaths is not available in browser mode: a page cannot name files on this computer; upload them (importUploads)'],
]);

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400, NOT_FOUND: 404, DESK_LOCKED: 409, DESK_CORRUPT: 500, DESK_TOO_NEW: 409, IO_ERROR: 500, INTERNAL: 500,
};

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

/**
 * Browser mode's transport for the API contract: `POST /api/<method>` with a JSON body, server-sent change
 * events on `GET /api/events`, and the built renderer as static files. Binds 127.0.0.1 only. Everything under
 * /api/ needs the token, checked before the route is even looked up, so a route added later cannot forget it;
 * only the static renderer, which holds no data, is public.
 */
export async function startHttpServer(opts: HttpTransportOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const methods = new Set<string>(METHOD_NAMES);
  const streams = new Set<ServerResponse>();
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxUpload = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  let port = 0;
  let closing = false;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) refuse(req, res, 500, 'INTERNAL', 'internal error');
      else res.end();
    });
  });

  /**
   * Answers with an error. One given before the body was read closes the connection unless the rest of the body
   * is small enough for Node to read out, as it does to keep a connection alive.
   */
  function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorCode, message: string, how: { allow?: string; close?: boolean } = {}): void {
    if (how.allow) res.setHeader('Allow', how.allow);
    if (how.close || !restFitsDrain(req, maxBody)) res.setHeader('Connection', 'close');
    sendJson(res, status, { ok: false, error: { code, message } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!allowedHost(req.headers.host, port) || !allowedOrigin(req.headers.origin, port)) {
      return refuse(req, res, 403, 'INVALID_INPUT', 'forbidden host or origin');
    }
    // The Host header was checked above, but the path is all that is needed, so the base stays fixed.
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'INVALID_INPUT', 'method not allowed', { allow: 'GET, HEAD' });
    const file = opts.staticDir ? await readStatic(opts.staticDir, url.pathname) : null;
    if (!file) return refuse(req, res, 404, 'NOT_FOUND', 'not found');
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // GET routes (the event stream, and any download) are opened by EventSource or a link, which cannot set
    // headers, so they alone may carry the token as a query parameter.
    const presented = bearer(req.headers.authorization) ?? (req.method === 'GET' ? url.searchParams.get('token') : null);
    if (!tokenMatches(presented, token)) return refuse(req, res, 401, 'INVALID_INPUT', 'missing or wrong token');

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return refuse(req, res, 405, 'INVALID_INPUT', 'use GET', { allow: 'GET' });
      return events(req, res);
    }
    if (url.pathname.startsWith('/api/downloads/')) {
      if (req.method !== 'GET') return refuse(req, res, 405, 'INVALID_INPUT', 'use GET', { allow: 'GET' });
      return download(req, res, url.pathname.slice('/api/downloads/'.length));
    }
    if (req.method !== 'POST') return refuse(req, res, 405, 'INVALID_INPUT', 'use POST', { allow: 'POST' });
    const name = url.pathname.slice('/api/'.length);
    if (!methods.has(name)) return refuse(req, res, 404, 'NOT_FOUND', `unknown method ${name.slice(0, 100)}`);
    const refused = NOT_OVER_HTTP.get(name);
    if (refused) return refuse(req, res, 403, 'INVALID_INPUT', refused);
    if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
      return refuse(req, res, 415, 'INVALID_INPUT', 'send Content-Type: application/json');
    }
    const limit = UPLOAD_METHODS.has(name) ? maxUpload : maxBody;
    const body = await readBoundedBody(req, limit);
    if (!body.ok) {
      if (body.reason === 'aborted') return void res.destroy();
      return refuse(req, res, 413, 'INVALID_INPUT', `request body over the ${limit} byte limit for ${name}`, { close: !body.drained });
    }
    let input: unknown;
    try {
      input = body.text.length === 0 ? {} : JSON.parse(body.text);
    } catch {
      return refuse(req, res, 400, 'INVALID_INPUT', 'request body is not valid JSON');
    }
    const result: Result<unknown> = await opts.service.call(name as MethodName, input);
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  /** A finished export (see exportFile), sent as an attachment so the browser saves it rather than shows it. */
  async function download(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const file = DOWNLOAD_ID.test(id) ? opts.service.download(id) : null;
    if (!file) return refuse(req, res, 404, 'NOT_FOUND', 'no such export (exports are kept while the desk is open)');
    const body = await readFile(file.path);
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': body.length,
      'Content-Disposition': contentDisposition(file.fileName),
      'Cache-Control': 'no-store',
    });
    res.end(body);
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    if (closing) return refuse(req, res, 503, 'IO_ERROR', 'the desk server is shutting down');
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

/** RFC 6266: an ASCII fallback name for old clients, and the real (UTF-8) name in filename*. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': json.length, 'Cache-Control': 'no-store' });
  res.end(json);
}
