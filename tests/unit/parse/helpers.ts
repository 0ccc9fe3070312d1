import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeSeedBytes } from '../../../electron/core/parse/decode.js';
import { parseSeedText, type SeedParse } from '../../../electron/core/parse/seed-text.js';

export const repoPath = (rel: string): string => fileURLToPath(new URL(`../../../${rel}`, import.meta.url));
export const fixturePath = (name: string): string => repoPath(`tests/fixtures/seed/${name}`);

/** Reads a file the way an import does: bytes, then decode, then parse. */
export function parseFile(path: string): { text: string; encoding: string; parse: SeedParse } {
  const decoded = decodeSeedBytes(new Uint8Array(readFileSync(path)));
  if (!decoded.ok) throw new Error(`${path} did not decode: ${decoded.reason}`);
  return { text: decoded.text, encoding: decoded.encoding, parse: parseSeedText(decoded.text) };
}

export const codes = (warnings: { code: string }[]): string[] => warnings.map((w) => w.code);
