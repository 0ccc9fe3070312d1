import { CSP } from '../server/http-server.js';
import { readStatic } from '../server/static-files.js';
import { APP_HOST, APP_SCHEME } from './app-origin.js';

/**
 * The app:// protocol handler, free of electron so it is testable under plain Node. It shares the browser-mode
 * server's path-traversal guard and CSP, so both ways of loading the renderer are locked down identically.
 */
export function appRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: headers('text/plain') });
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return notFound();
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: headers(file.type) });
  };
}

function headers(type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
}
