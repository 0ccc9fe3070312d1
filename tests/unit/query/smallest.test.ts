import { describe, expect, it } from 'vitest';
import { smallest } from '../../../electron/core/query/smallest.js';
import { makeRng } from '../../support/seed-corpus.js';

describe('smallest', () => {
  it('gives the first k of a full sort, for any k, with and without repeated values', () => {
    const rng = makeRng(42);
    for (let trial = 0; trial < 400; trial++) {
      const n = rng.pick([0, 1, 2, 3, 10, 100, 1000]);
      const spread = rng.pick([3, 1000, 1e9]);
      const values = Array.from({ length: n }, () => rng.int(0, spread));
      const k = rng.pick([0, 1, 2, rng.int(0, n), n, n + 5]);
      const expected = [...values].sort((a, b) => a - b).slice(0, Math.max(0, k));
      expect([...smallest(Float64Array.from(values), k)]).toEqual(expected);
    }
  });
});
