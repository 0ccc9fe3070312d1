import { timingSafeEqual } from 'node:crypto';

/**
 * The checks that make a loopback server safe to leave running next to a browser:
 *  - Host must name the loopback interface at our port, or a DNS-rebinding page could reach us by name;
 *  - Origin, when sent, must be our own page, or any website could post to us;
 *  - the per-run token must match, compared in constant time.
 */
export function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function allowedOrigin(origin: string | undefined, port: number): boolean {
  // Same-origin GETs and non-browser clients send no Origin; Host and the token still guard them.
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(presented: string | undefined | null, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearer(authorization: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(authorization ?? '');
  return m ? m[1]! : null;
}
