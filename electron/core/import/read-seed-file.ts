import { open } from 'node:fs/promises';
import { decodeSeedBytes } from '../parse/decode.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** Size is checked before reading, so a 4 GB file is refused without being loaded. */
export async function readSeedFile(path: string, maxBytes: number): Promise<ReadResult> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    return { ok: false, error: `cannot import ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    const { size } = await fh.stat();
    if (size > maxBytes) {
      return { ok: false, error: `cannot import ${path}: file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit` };
    }
    return decodeSeed(path, await fh.readFile(), maxBytes);
  } catch (err) {
    return { ok: false, error: `cannot import ${path}: ${(err as Error).message}` };
  } finally {
    await fh.close();
  }
}

/** Bytes that arrived some other way (an upload in browser mode) get the same limit and the same checks. */
export function decodeSeed(name: string, bytes: Uint8Array, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) {
    return { ok: false, error: `cannot import ${name}: file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit` };
  }
  const decoded = decodeSeedBytes(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, error: `cannot import ${name}: ${decoded.reason}` };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
