import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeSeedBytes } from '../parse/decode.js';
import { replaceControlCharacters } from './control-characters.js';
import { binarySignature, utf16WithoutBom } from './file-signature.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever. It changes nothing for a
// regular file, and anything else is refused once opened. Windows has no such flag, and no FIFOs to trip on.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a seed file, refusing what is not one before reading it: anything but a regular file, or a file over
 * the size limit. At most maxBytes + 1 bytes are ever read, so a file that grows while it is read (a log, a
 * download in progress) cannot blow past the limit either.
 *
 * Synchronous on purpose: seed files are small, and read one after another anyway. Through the thread pool
 * each costs five round trips (open, stat, read, read, close: each a promise, a hop and a wake-up): 5 s for the
 * 20,000 files of a 100,000-article import, where the reads themselves take 0.15 s in a loop. Nothing here
 * waits for long: the open does not block (see OPEN_FLAGS), and only a regular file, of a bounded size, is read.
 */
export function readSeedFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    return { ok: false, error: `cannot import ${path}: ${openError(err as NodeJS.ErrnoException)}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, error: `cannot import ${path}: not a regular file` };
    if (st.size > maxBytes) {
      return { ok: false, error: `cannot import ${path}: file is ${formatBytes(st.size)}, over the ${formatBytes(maxBytes)} limit` };
    }
    const bytes = readAtMost(fd, st.size, maxBytes + 1);
    return decodeSeed(path, bytes, maxBytes);
  } catch (err) {
    return { ok: false, error: `cannot import ${path}: ${(err as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, or to `limit`; sized for the file as it was, so one read usually takes it all. */
function readAtMost(fd: number, expected: number, limit: number): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.min(limit, expected + 1));
  let total = 0;
  while (total < limit) {
    if (total === buf.length) {
      // It grew while being read: make room, still never past the limit.
      const more = Buffer.allocUnsafe(Math.min(limit, buf.length + 1024 * 1024));
      buf.copy(more, 0, 0, total);
      buf = more;
    }
    const n = readSync(fd, buf, total, buf.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return buf.subarray(0, total);
}

function openError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'no such file (it was moved or deleted before it could be read)';
    case 'ELOOP':
      return 'a symbolic link that leads round in a loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return err.code ?? err.message;
  }
}

/** Bytes that arrived some other way (an upload in browser mode) get the same limit and the same checks. */
export function decodeSeed(name: string, bytes: Uint8Array, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) {
    return { ok: false, error: `cannot import ${name}: file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit` };
  }
  const notText = binarySignature(bytes);
  if (notText) return { ok: false, error: `cannot import ${name}: ${notText}` };
  const decoded = decodeSeedBytes(bytes);
  if (!decoded.ok) {
    const order = decoded.reason.startsWith('binary file') ? utf16WithoutBom(bytes) : null;
    const reason = order
      ? `UTF-16 ${order} text without a byte-order mark; save it as UTF-8, or as UTF-16 with a BOM, and import it again`
      : decoded.reason;
    return { ok: false, error: `cannot import ${name}: ${reason}` };
  }
  return { ok: true, text: replaceControlCharacters(decoded.text) };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
