import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ArticleContent, emptyContent } from '../../../electron/core/model.js';
import { decodeIndex, encodeIndex } from '../../../electron/core/search/index-file.js';
import { SearchIndex } from '../../../electron/core/search/search-index.js';
import { TermDictionary } from '../../../electron/core/search/term-dictionary.js';
import { TermScanner, plainTerms } from '../../../electron/core/search/term-scanner.js';
import { generateVariedArticle, makeRng } from '../../support/seed-corpus.js';

const article = (headline: string, paragraphs: string[], extra: Partial<ArticleContent> = {}): ArticleContent => ({ ...emptyContent(headline), paragraphs, ...extra });
const ids = (index: SearchIndex, q: string): string[] => index.search(q).map((h) => h.id);

function sample(): SearchIndex {
  const index = new SearchIndex();
  index.upsert('a', article('Türkiye raises rates', ['The central bank surprised markets.'], { highlights: ['Inflation remains high'] }));
  index.upsert('b', article('Port strike ends', ['Officials said the central bank would comment on Türkiye later.'], { caption: 'Dockers march', credit: 'REUTERS' }));
  index.upsert('c', article('Harvest delayed by rain', ['Farmers in the south said the harvest was late.'], { byline: 'Jane Doe', datelineText: 'NAIROBI:' }));
  return index;
}

describe('SearchIndex', () => {
  it('finds every word of the query, folding case and accents, in headlines, highlights, captions and bodies', () => {
    const index = sample();
    expect(ids(index, 'turkiye').sort()).toEqual(['a', 'b']);
    expect(ids(index, 'TÜRKIYE bank').sort()).toEqual(['a', 'b']);
    expect(ids(index, 'türkiye harvest')).toEqual([]);
    expect(ids(index, 'inflation')).toEqual(['a']);
    expect(ids(index, 'dockers reuters')).toEqual(['b']);
    expect(ids(index, 'jane nairobi')).toEqual(['c']);
    expect(ids(index, '  ')).toEqual([]);
  });

  it('matches a word of four letters or more as a prefix, a shorter one only whole', () => {
    const index = sample();
    expect(ids(index, 'harv')).toEqual(['c']);
    expect(ids(index, 'offic')).toEqual(['b']);
    expect(ids(index, 'ban')).toEqual([]);
    expect(ids(index, 'bank')).not.toEqual([]);
  });

  it('ranks a headline match above a body match and reports the terms that matched', () => {
    const index = sample();
    const hits = index.search('türkiye');
    expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.terms).toEqual(['turkiye']);
    expect(index.search('offic')[0]!.terms).toEqual(['officials']);
  });

  it('replaces an article on upsert, skips an upsert that changes no text, and forgets a removed one', () => {
    const index = sample();
    expect(index.upsert('c', article('Harvest delayed by frost', ['Farmers said so.']))).toBe(true);
    expect(ids(index, 'rain')).toEqual([]);
    expect(ids(index, 'frost')).toEqual(['c']);
    expect(index.upsert('c', article('Harvest delayed by frost', ['Farmers said so.']))).toBe(false);
    expect(index.docs.dead).toBe(1);
    index.remove('a');
    expect(ids(index, 'inflation')).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('reads the same terms as the plain WORD + normalizeTerm definition, for any text', () => {
    const dictionary = TermDictionary.empty();
    const scanner = new TermScanner(dictionary);
    const scan = (s: string): string[] => Array.from(scanner.ids.subarray(0, scanner.scan(s)), (id) => dictionary.terms[id]!);
    const units = [...'aZ_\'’ é.,İß政\u0301-1', 'ǅ', '𝐀', '😀', 'x', 'Q'];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...units) }), (s) => {
      expect(scan(s)).toEqual(plainTerms(s));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(scan(s)).toEqual(plainTerms(s));
    }), { numRuns: 2000 });
    expect(scan("Don't __stop__ a'_ Ivory Coast’s ÉLAN")).toEqual(["don't", 'stop', 'a', 'ivory', 'coast’s', 'elan']);
  });
});

describe('the index file', () => {
  function corpus(n: number): SearchIndex {
    const rng = makeRng(11);
    const taken = new Set<string>();
    const index = new SearchIndex();
    for (let i = 0; i < n; i++) {
      const a = generateVariedArticle(rng, taken);
      index.upsert(`id${i}`, article(a.headline, a.paragraphs, { highlights: a.highlights, caption: a.caption, credit: a.credit, byline: a.byline }));
    }
    return index;
  }
  const queries = ['officials said', 'border', 'budget vote', 'الحكومة', 'percent', 'minister appro'];
  const results = (index: SearchIndex) => queries.map((q) => index.search(q));

  it('loads back an index that answers exactly as the one saved, and takes changes after loading', () => {
    const index = corpus(300);
    const file = Buffer.concat(encodeIndex(index, { epoch: 'e1', desk: 'd', generation: 7, chunks: [[0, '3:1:2'], [1, '1:']] }));
    const loaded = decodeIndex(file)!;
    expect(loaded.stamp).toEqual({ epoch: 'e1', desk: 'd', generation: 7, chunks: [[0, '3:1:2'], [1, '1:']] });
    expect(results(loaded.index)).toEqual(results(index));
    for (const i of [0, 1, 299]) loaded.index.upsert(`id${i}`, article('Quokka census', ['A quokkalike tally.']));
    loaded.index.upsert('new', article('Quokka again', []));
    expect(ids(loaded.index, 'quokka').sort()).toEqual(['id0', 'id1', 'id299', 'new']);
    const again = decodeIndex(Buffer.concat(encodeIndex(loaded.index, { epoch: 'e2', desk: 'd', generation: 8, chunks: [] })))!;
    expect(results(again.index)).toEqual(results(loaded.index));
    expect(ids(again.index, 'quokk').sort()).toEqual(['id0', 'id1', 'id299', 'new']);
  });

  it('drops replaced articles and renumbers when many are dead, finding the same articles', () => {
    const index = corpus(200);
    for (let i = 0; i < 100; i++) index.upsert(`id${i}`, article(`Rewritten ${i}`, ['Officials said nothing new about the budget.']));
    expect(index.docs.dead).toBe(100);
    const loaded = decodeIndex(Buffer.concat(encodeIndex(index, { epoch: 'e', desk: 'd', generation: 1, chunks: [] })))!;
    expect(loaded.index.docs.dead).toBe(0);
    expect(loaded.index.size).toBe(200);
    // Scores move a little (the dead articles no longer count in document frequencies); what matches does not.
    const found = (hits: ReturnType<SearchIndex['search']>[]) => hits.map((h) => h.map(({ id, terms }) => `${id}:${terms.join()}`).sort());
    expect(found(results(loaded.index))).toEqual(found(results(index)));
  });

  it('refuses a damaged or truncated file rather than answering from it', () => {
    const file = Buffer.concat(encodeIndex(corpus(50), { epoch: 'e', desk: 'd', generation: 1, chunks: [] }));
    expect(decodeIndex(file)).not.toBeNull();
    for (const at of [3, 30, Math.floor(file.length / 2), file.length - 1]) {
      const bad = Buffer.from(file);
      bad[at]! ^= 0x41;
      expect(decodeIndex(bad), `byte ${at}`).toBeNull();
    }
    expect(decodeIndex(file.subarray(0, file.length - 7))).toBeNull();
    expect(decodeIndex(Buffer.alloc(0))).toBeNull();
  });
});
