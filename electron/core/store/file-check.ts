import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * What a store file must be, recorded by the file that names it (the root names meta, body and bundles files).
 * A file that still parses after damage (a flipped bit in an article, a meta file from another chunk) is caught
 * by its hash; a truncated or replaced file is caught by its size alone, which opening checks without reading.
 */
export const FileCheckSchema = z.object({
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileCheck = z.infer<typeof FileCheckSchema>;

export function checkOf(bytes: Buffer): FileCheck {
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Why `bytes` is not the file `expected` describes, or null when it is. */
export function checkFault(bytes: Buffer, expected: FileCheck): string | null {
  if (bytes.length !== expected.size) return `is ${bytes.length} bytes; desk.json says ${expected.size}`;
  const actual = createHash('sha256').update(bytes).digest('hex');
  return actual === expected.sha256 ? null : `does not match its checksum in desk.json (the file changed after it was written)`;
}

export function sizeFault(actualSize: number, expected: FileCheck): string | null {
  return actualSize === expected.size ? null : `is ${actualSize} bytes; desk.json says ${expected.size}`;
}
