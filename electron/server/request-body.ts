import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { ok: true; text: string }
  /** `drained`: the whole body was read out, so the connection can carry the next request. */
  | { ok: false; reason: 'too-large'; drained: boolean }
  | { ok: false; reason: 'aborted' };

/**
 * Reads a request body of at most `limit` bytes; nothing beyond the limit is ever held.
 *
 * An oversized body is still read out (and dropped) up to twice the limit, and only then refused: a server that
 * answers and hangs up while the client is still sending resets the connection, and the reset destroys the
 * answer before the client reads it. Past twice the limit, or when Content-Length already declares more than
 * that, the body is refused at once and the connection closed: no client can keep the server reading for ever.
 */
export function readBoundedBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const allowance = 2 * limit;
  const declared = declaredLength(req);
  if (declared !== null && declared > allowance) return Promise.resolve({ ok: false, reason: 'too-large', drained: false });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      resolve(result);
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else chunks.length = 0;
      if (size > allowance) {
        req.pause();
        finish({ ok: false, reason: 'too-large', drained: false });
      }
    };
    const onEnd = (): void =>
      finish(size > limit ? { ok: false, reason: 'too-large', drained: true } : { ok: true, text: Buffer.concat(chunks, size).toString('utf8') });
    const onAbort = (): void => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
  });
}

/**
 * May an answer given without reading the body leave the connection open? Node then reads out the rest of the
 * body itself, however long, so only when the body is already read or is declared no larger than `allowance`.
 */
export function restFitsDrain(req: IncomingMessage, allowance: number): boolean {
  if (req.complete) return true;
  const declared = declaredLength(req);
  return declared !== null && declared <= allowance;
}

function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  return header === undefined ? null : Number(header);
}
