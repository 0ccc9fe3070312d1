/**
 * Turns a seed file's bytes into text, or says precisely why it cannot. Seed files come from scrapers, editors on
 * three OSes and the odd Windows tool, so BOMs and UTF-16 are normal; binary and broken UTF-8 are rejected with the
 * byte offset so the person can find the damage.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSeedBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };

  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;

  const nul = body.indexOf(0);
  if (nul !== -1) {
    return { ok: false, reason: `binary file: NUL byte at offset ${nul + (hasBom ? 3 : 0)}` };
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    const at = firstInvalidUtf8Offset(body) + (hasBom ? 3 : 0);
    return { ok: false, reason: `invalid UTF-8 at byte offset ${at}` };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  if (body.length % 2 !== 0) return { ok: false, reason: `invalid ${encoding.toUpperCase()}: odd number of bytes` };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return { ok: false, reason: `invalid ${encoding.toUpperCase()}: unpaired surrogate` };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'binary file: NUL character in UTF-16 text' };
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text, encoding };
}

/** TextDecoder says only "invalid"; this walks the bytes to say where, following RFC 3629's well-formed table. */
export function firstInvalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (cc < min || cc > max) return i;
    }
    i += need + 1;
  }
  return -1;
}
