import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
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
 */
export async function readSeedFile(path: string, maxBytes: number): Promise<ReadResult> {
  let fh: FileHandle;
  try {
    fh = await open(path, OPEN_FLAGS);
  } catch (err) {
    return { ok: false, error: `cannot import ${path}: ${openError(err as NodeJS.ErrnoException)}` };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, error: `cannot import ${path}: not a regular file` };
    if (st.size > maxBytes) {
      return { ok: false, error: `cannot import ${path}: file is ${formatBytes(st.size)}, over the ${formatBytes(maxBytes)} limit` };
    }
    const bytes = await readAtMost(fh, maxBytes + 1);
    return decodeSeed(path, bytes, maxBytes);
  } catch (err) {
    return { ok: false, error: `cannot import ${path}: ${(err as Error).message}` };
  } finally {
    await fh.close();
  }
}

async function readAtMost(fh: FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, limit - total));
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
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
