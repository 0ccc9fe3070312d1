import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonDepth } from '../../../electron/core/export/bundle-manifest.js';

const nest = (d: number, leaf: unknown, arr: boolean): unknown => (d === 0 ? leaf : arr ? [nest(d - 1, leaf, !arr)] : { k: nest(d - 1, leaf, !arr) });

describe('canonicalJson', () => {
  it('sorts keys by code unit at every level, keeps a "__proto__" key as data and writes holes as null', () => {
    const value = JSON.parse('{"b": 1, "__proto__": {"z": 1, "a": 2}, "a": [3, {"y": 1, "x": null}], "é": true, "Z": "z"}') as Record<string, unknown>;
    // eslint-disable-next-line no-sparse-arrays -- a hole is the case
    value.holes = [1, , 3];
    expect(canonicalJson(value)).toBe(
      [
        '{',
        '  "Z": "z",',
        '  "__proto__": {',
        '    "a": 2,',
        '    "z": 1',
        '  },',
        '  "a": [',
        '    3,',
        '    {',
        '      "x": null,',
        '      "y": 1',
        '    }',
        '  ],',
        '  "b": 1,',
        '  "holes": [',
        '    1,',
        '    null,',
        '    3',
        '  ],',
        '  "é": true',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('names where a value that is not JSON sits', () => {
    expect(() => canonicalJson({ a: [{ b: Number.NaN }] })).toThrow(/\$\.a\[0\]\.b: NaN is not a JSON number/u);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/\$\.when: only plain objects/u);
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\]: a undefined is not JSON/u);
  });

  it('refuses nesting past a depth exactly where the reader, counting brackets in the text, would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 80 }), fc.boolean(), fc.constantFrom(1, 'x', [], {}, null), (d, max, arr, leaf) => {
        const value = { a: nest(d, leaf, arr), b: [1, { c: 2 }] };
        const refused = (() => {
          try {
            canonicalJson(value, { max, refuse: () => new Error('too deep') });
            return false;
          } catch {
            return true;
          }
        })();
        expect(refused).toBe(jsonDepth(canonicalJson(value)) > max);
      }),
      { numRuns: 3000 },
    );
  });
});
