import { describe, expect, it } from 'vitest';
import { fileIndex } from '../../../renderer/features/list/file-matches.js';

const files = ['alpha.txt', 'Beta-ALPHA.txt', 'gamma.txt', 'alphabet.txt', '\u202eevil.txt', 'مقالة.txt'].map((name, i) => ({ name, count: i + 1 }));

describe('finding source files for the file filter', () => {
  it('knows a file only by its exact name, as the list filters', () => {
    const index = fileIndex(files);
    expect(index.has('alpha.txt')).toBe(true);
    expect(index.has('ALPHA.txt')).toBe(false);
    expect(index.has('alpha')).toBe(false);
    expect(index.has('')).toBe(false);
  });

  it('suggests names starting with the text first, then names containing it, whatever the case', () => {
    const index = fileIndex(files);
    expect(index.match('ALPHA', 10).map((f) => f.name)).toEqual(['alpha.txt', 'alphabet.txt', 'Beta-ALPHA.txt']);
    expect(index.match('  gam ', 10).map((f) => f.name)).toEqual(['gamma.txt']);
    expect(index.match('مقا', 10).map((f) => f.name)).toEqual(['مقالة.txt']);
    expect(index.match('evil', 10).map((f) => f.name)).toEqual(['\u202eevil.txt']);
    expect(index.match('zeta', 10)).toEqual([]);
  });

  it('shows the first files with no text, and never more than asked for', () => {
    const many = fileIndex(Array.from({ length: 20_000 }, (_, i) => ({ name: `file-${String(i).padStart(5, '0')}.txt`, count: 1 })));
    expect(many.match('', 50)).toHaveLength(50);
    expect(many.match('file-', 50)).toHaveLength(50);
    expect(many.match('1', 50).map((f) => f.name).slice(0, 2)).toEqual(['file-00001.txt', 'file-00010.txt']);
  });
});
