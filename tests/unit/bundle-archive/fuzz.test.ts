import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeBundleArchive } from '../../../electron/core/export/bundle-archive.js';
import { type VerifiedBundle, readBundleArchive } from '../../../electron/core/import/bundle-archive-reader.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import { bundleInput, deskRecords } from './fixtures.js';

let records: ArticleRecord[];
let cleanup: () => Promise<void>;
let zip: Buffer;
let original: VerifiedBundle;
beforeAll(async () => {
  ({ records, cleanup } = await deskRecords());
  zip = await writeBundleArchive(bundleInput(records.slice(0, 3)));
  original = await readBundleArchive(zip);
});
afterAll(() => cleanup?.());

/**
 * The reader's promise for any bytes at all: a DeskError, or exactly the original contents (a change that
 * touched nothing read, such as a timestamp or a local header's copy of the sizes). Never a crash, another
 * kind of error, or different content accepted.
 */
async function refusedOrIntact(bytes: Buffer): Promise<'refused' | 'intact'> {
  let result: VerifiedBundle;
  try {
    result = await readBundleArchive(bytes);
  } catch (err) {
    if (!(err instanceof DeskError)) throw err;
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/^(bundle refused|not a Copydesk bundle): ./u);
    return 'refused';
  }
  expect(result).toEqual(original);
  return 'intact';
}

const mutation = (length: number, from = 0) =>
  fc.array(fc.record({ at: fc.integer({ min: from, max: length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 4 });

function mutate(bytes: Buffer, changes: readonly { at: number; xor: number }[]): Buffer {
  const out = Buffer.from(bytes);
  for (const { at, xor } of changes) out[at]! ^= xor;
  return out;
}

it('refuses or reads intact an archive with random bytes changed anywhere', async () => {
  const outcomes = { refused: 0, intact: 0 };
  await fc.assert(
    fc.asyncProperty(mutation(zip.length), async (changes) => {
      outcomes[await refusedOrIntact(mutate(zip, changes))]++;
    }),
    { numRuns: 300, seed: 20260301 },
  );
  expect(outcomes.refused).toBeGreaterThan(200);
});

it('refuses or reads intact an archive with bytes changed in its directory and end records', async () => {
  const directoryStart = zip.readUInt32LE(zip.length - 22 + 16);
  const outcomes = { refused: 0, intact: 0 };
  await fc.assert(
    fc.asyncProperty(mutation(zip.length, directoryStart), async (changes) => {
      outcomes[await refusedOrIntact(mutate(zip, changes))]++;
    }),
    { numRuns: 300, seed: 20260302 },
  );
  // Some directory bytes (times, the version made by, attribute bits) are rightly ignored; most are not.
  expect(outcomes.refused).toBeGreaterThan(75);
  expect(outcomes.intact).toBeGreaterThan(0);
});

it('refuses an archive cut short anywhere', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: zip.length - 1 }), async (cut) => {
      expect(await refusedOrIntact(zip.subarray(0, cut))).toBe('refused');
    }),
    { numRuns: 150, seed: 20260303 },
  );
});

it('refuses arbitrary bytes, including ones that start like a zip', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, zipLike) => {
      const data = Buffer.concat([zipLike ? Buffer.from('PK\x03\x04', 'latin1') : Buffer.alloc(0), Buffer.from(bytes)]);
      expect(await refusedOrIntact(data)).toBe('refused');
    }),
    { numRuns: 200, seed: 20260304 },
  );
});
