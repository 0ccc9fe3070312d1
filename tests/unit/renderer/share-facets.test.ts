import { describe, expect, it } from 'vitest';
import type { Facets } from '../../../electron/core/api.js';
import { sameStrings, shareFacets } from '../../../renderer/state/share-facets.js';

const facets = (over: Partial<Facets> = {}): Facets => ({
  statuses: { new: 3, 'in-review': 1, checked: 0, approved: 0, flagged: 0, spiked: 0 },
  tags: [{ name: 'asia', count: 2 }],
  files: Array.from({ length: 20_000 }, (_, i) => ({ name: `file-${i}.txt`, count: 5 })),
  withWarnings: 1,
  claims: { unchecked: 0, falseOrMisleading: 0 },
  ...over,
});

describe('keeping facets that did not change', () => {
  it('returns the facets already held when an answer brings the same counts as new objects', () => {
    const held = facets();
    expect(shareFacets(held, facets())).toBe(held);
  });

  it('takes the first facets as they come', () => {
    const first = facets();
    expect(shareFacets(null, first)).toBe(first);
  });

  it('replaces only the part that changed, so the file filter does not render for a status count', () => {
    const held = facets();
    const next = shareFacets(held, facets({ statuses: { ...held.statuses, new: 2, checked: 1 } }));
    expect(next).not.toBe(held);
    expect(next.statuses.checked).toBe(1);
    expect(next.files).toBe(held.files);
    expect(next.tags).toBe(held.tags);
    expect(next.claims).toBe(held.claims);
  });

  it('sees a changed count, a renamed file or one more tag', () => {
    const held = facets();
    const files = held.files.map((f, i) => (i === 19_999 ? { ...f, count: 6 } : { ...f }));
    expect(shareFacets(held, facets({ files })).files).toBe(files);
    const renamed = held.files.map((f, i) => (i === 0 ? { ...f, name: 'other.txt' } : f));
    expect(shareFacets(held, facets({ files: renamed })).files).toBe(renamed);
    const tags = [...held.tags, { name: 'europe', count: 1 }];
    expect(shareFacets(held, facets({ tags })).tags).toBe(tags);
    expect(shareFacets(held, facets({ withWarnings: 2 })).withWarnings).toBe(2);
  });

  it('compares matched terms by value', () => {
    expect(sameStrings(['budget', 'officials'], ['budget', 'officials'])).toBe(true);
    expect(sameStrings(['budget'], ['budget', 'officials'])).toBe(false);
    expect(sameStrings(['budget', 'officials'], ['officials', 'budget'])).toBe(false);
  });
});
