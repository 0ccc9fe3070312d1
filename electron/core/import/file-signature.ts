/**
 * Names the kind of a file that is plainly not a seed, from its first bytes, so the editor is told "a zip
 * archive" rather than "NUL byte at offset 6". Some of these (PDF, GIF) are ASCII and would otherwise be read
 * as text, which is the other reason to look. Only signatures that no text file starts with are listed.
 */
interface Signature {
  what: string;
  bytes: readonly (number | null)[]; // null matches any byte
  /** The signature alone is ordinary text ("MZ…"), so it counts only if the file is binary as well. */
  needsBinary?: boolean;
  /** Text after all, in an encoding Copydesk does not read: `what` is the whole explanation. */
  text?: boolean;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { what: 'UTF-32 text, which Copydesk does not read; save it as UTF-8 and import it again', bytes: [0xff, 0xfe, 0x00, 0x00], text: true },
  { what: 'UTF-32 text, which Copydesk does not read; save it as UTF-8 and import it again', bytes: [0x00, 0x00, 0xfe, 0xff], text: true },
  { what: 'a PNG image', bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a] },
  { what: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { what: 'a GIF image', bytes: ascii('GIF87a') },
  { what: 'a GIF image', bytes: ascii('GIF89a') },
  { what: 'a WebP image', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { what: 'a PDF document', bytes: ascii('%PDF-') },
  { what: 'a zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { what: 'a zip archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { what: 'a zip archive', bytes: [0x50, 0x4b, 0x07, 0x08] },
  { what: 'a gzip-compressed file', bytes: [0x1f, 0x8b, 0x08] },
  { what: 'an xz-compressed file', bytes: [0xfd, ...ascii('7zXZ'), 0x00] },
  { what: 'a bzip2-compressed file', bytes: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { what: 'a zstd-compressed file', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { what: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { what: 'a RAR archive', bytes: [...ascii('Rar!'), 0x1a, 0x07] },
  { what: 'an old Microsoft Office document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { what: 'an SQLite database', bytes: [...ascii('SQLite format 3'), 0x00] },
  { what: 'an ELF executable', bytes: [0x7f, ...ascii('ELF')] },
  { what: 'a Mach-O executable', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { what: 'a Mach-O executable', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { what: 'a Mach-O executable', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { what: 'a Mach-O executable', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { what: 'a Mach-O executable', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { what: 'a WebAssembly module', bytes: [0x00, ...ascii('asm')] },
  { what: 'a Windows executable', bytes: ascii('MZ'), needsBinary: true },
];

/** Why the file cannot be a seed, when its first bytes say so; null when they do not. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) {
    if (bytes.length < sig.bytes.length) continue;
    if (!sig.bytes.every((b, i) => b === null || bytes[i] === b)) continue;
    if (sig.needsBinary && bytes.subarray(0, 1024).indexOf(0) === -1) continue;
    return sig.text ? sig.what : `${sig.what}, not a text file`;
  }
  return null;
}

/**
 * UTF-16 without a byte-order mark: mostly Latin text puts a zero in every other byte, on the odd offsets for
 * little-endian and the even ones for big-endian. Decoding it would be a guess at the byte order, so it is named
 * and refused instead of being reported as a binary file.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'LE';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'BE';
  return null;
}
