import { basename, join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFileName, isSafeArticleId } from '../../../electron/core/export/file-names.js';
import { articleId } from '../../../electron/core/import/article-id.js';
import { DeskError } from '../../../electron/core/result.js';
import { allExportArticles } from './helpers.js';

describe('articleFileName', () => {
  it('names each format of an article', () => {
    expect(articleFileName('0cc203bab09ad23d', 'ninjs')).toBe('0cc203bab09ad23d.ninjs.json');
    expect(articleFileName('0cc203bab09ad23d', 'claimreview')).toBe('0cc203bab09ad23d.claimreview.json');
    expect(articleFileName('0cc203bab09ad23d', 'md')).toBe('0cc203bab09ad23d.md');
  });

  it('accepts every id the desk makes', () => {
    for (const a of allExportArticles()) expect(isSafeArticleId(a.id), a.id).toBe(true);
    expect(isSafeArticleId(articleId('any file.txt', 'Any headline', 3))).toBe(true);
    expect(isSafeArticleId('a0001')).toBe(true); // the store tests' ids
  });

  it.each([
    '', '.', '..', '../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'C:\\x', 'c:x', 'a/b', 'a\\b',
    '.hidden', '-rf', '_x', 'a.b', 'a ', ' a', 'a\u0000b', 'a\nb', 'ABC', 'Ａ', 'é', '%2e%2e%2f', 'a'.repeat(65),
    'con', 'NUL', 'com1', 'lpt9', 'aux', 'prn',
  ])('refuses the hostile id %j', (id) => {
    expect(isSafeArticleId(id)).toBe(false);
    let caught: unknown;
    try {
      articleFileName(id, 'md');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DeskError);
    expect((caught as DeskError).code).toBe('INVALID_INPUT');
    expect((caught as DeskError).message).toMatch(/cannot be used as a file name/);
  });

  it('never yields a name that leaves the output folder', () => {
    const out = resolve('/tmp/copydesk-export');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom('ninjs', 'claimreview', 'md' as const), (id, format) => {
      let name: string;
      try {
        name = articleFileName(id, format);
      } catch {
        return; // refused, which is safe
      }
      expect(basename(name)).toBe(name);
      expect(resolve(join(out, name)).startsWith(`${out}/`)).toBe(true);
      expect(name).toMatch(/^[a-z0-9][a-z0-9_-]*\.(?:ninjs\.json|claimreview\.json|md)$/);
    }), { numRuns: 3000 });
  });
});
