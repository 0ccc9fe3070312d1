import { describe, expect, it } from 'vitest';
import { analyseArticle, articleText, type Analysis, type DateMention, type Quote } from '../../../electron/core/factcheck/index.js';
import { parseFile, repoPath } from '../parse/helpers.js';

/** The real seed, through the real parser, through the whole fact-check pass. */
const { parse } = parseFile(repoPath('seeds/000_9aa4e691ff5375b9.txt'));
const first = parse.articles[0]!.content;
const second = parse.articles[1]!.content;
const one = analyseArticle(first);
const two = analyseArticle(second);

const quoteStarting = (a: Analysis, words: string, field?: string): Quote[] =>
  a.quotes.filter((q) => q.text.startsWith(words) && (field === undefined || q.field === field));
const dateNamed = (a: Analysis, text: string): DateMention[] => a.dates.filter((d) => d.text === text);
const entity = (a: Analysis, name: string) => a.entities.find((e) => e.name === name);

describe('quotes in the seed', () => {
  it('finds at least six direct quotes, every occurrence anchored to its own text', () => {
    expect(one.quotes.length + two.quotes.length).toBe(8);
    // Six distinct quotations; the two repeated in highlights point back at their first occurrence.
    expect([...one.quotes, ...two.quotes].filter((q) => q.repeatOf === null)).toHaveLength(6);
    for (const [a, content] of [[one, first], [two, second]] as const) {
      const { text } = articleText(content);
      for (const q of a.quotes) expect(text.slice(q.anchor.start, q.anchor.end)).toBe(q.text);
    }
  });

  it('lists the quotations of article 1 in reading order with their speakers', () => {
    expect(one.quotes.map((q) => [q.field, q.speaker, q.text.slice(0, 30)])).toEqual([
      ['highlight:1', 'KCNA', 'the self-sacrificing spirit di'],
      ['paragraph:2', 'Korean Central News Agency', 'warm comradely atmosphere'],
      ['paragraph:2', 'Korean Central News Agency', 'their will to strengthen coope'],
      ['paragraph:3', 'KCNA', 'the self-sacrificing spirit di'],
      ['paragraph:4', 'Kim', 'fully support all measures to '],
    ]);
    expect(one.quotes[3]!.repeatOf).toBe(0);
  });

  it('attributes “fully support all measures…” to Kim (Kim Jong Un)', () => {
    const [q] = quoteStarting(one, 'fully support all measures');
    expect(q!.text).toBe('fully support all measures to be taken by the Russian leadership in the future, too.');
    expect(q!.speaker).toBe('Kim');
    expect(q!.speakerEntity).toBe('Kim Jong Un');
  });

  it('attributes “the self-sacrificing spirit…” to KCNA, in the highlight and in the body', () => {
    const found = quoteStarting(one, 'the self-sacrificing spirit');
    expect(found.map((q) => q.field)).toEqual(['highlight:1', 'paragraph:3']);
    for (const q of found) {
      expect(q.speaker).toBe('KCNA');
      expect(q.speakerEntity).toBe('Korean Central News Agency');
      // The comma inside the closing mark belongs to the attribution.
      expect(q.text.endsWith('liberating Kursk')).toBe(true);
    }
  });

  it('attributes “Pakistan remains fully alert…” to Mosharraf Zaidi', () => {
    const [body] = quoteStarting(two, 'Pakistan remains fully alert', 'paragraph:4');
    expect(body!.speaker).toBe('Mosharraf Zaidi');
    const [highlight] = quoteStarting(two, 'Pakistan remains fully alert', 'highlight:2');
    expect(highlight!.speaker).toBe('Zaidi');
    expect(highlight!.speakerEntity).toBe('Mosharraf Zaidi');
  });

  it('leaves a quote attributed to an unnamed spokesman without a speaker rather than borrowing one', () => {
    const [q] = quoteStarting(two, 'unprovoked firing');
    expect(q!.speaker).toBeNull();
  });
});

describe('dates in article 1 (dated 13 August 2025, a Wednesday)', () => {
  it('resolves "last year" to 2024, in the highlight and in the body', () => {
    const found = dateNamed(one, 'last year');
    expect(found.map((d) => [d.field, d.resolved, d.precision])).toEqual([
      ['highlight:2', '2024', 'year'],
      ['paragraph:7', '2024', 'year'],
    ]);
  });

  it('resolves "on Tuesday" to 2025-08-12 (past tense: the last Tuesday)', () => {
    expect(dateNamed(one, 'on Tuesday').map((d) => d.resolved)).toEqual(['2025-08-12']);
  });

  it('resolves "on Friday" to 2025-08-15 (future tense: the coming Friday)', () => {
    const [d] = dateNamed(one, 'on Friday');
    expect(d!.resolved).toBe('2025-08-15');
    expect(d!.note).toContain('future-tense');
  });

  it('resolves "in April" to 2025-04, at month precision', () => {
    expect(dateNamed(one, 'in April').map((d) => [d.resolved, d.precision])).toEqual([['2025-04', 'month']]);
  });

  it('resolves "reported Wednesday" to the article’s own day', () => {
    expect(dateNamed(one, 'Wednesday').map((d) => d.resolved)).toEqual(['2025-08-13']);
  });

  it('lists exactly these expressions; "recent years" and "in the future" are not dates', () => {
    expect(one.dates.map((d) => [d.text, d.resolved])).toEqual([
      ['last year', '2024'],
      ['on August 13, 2025', '2025-08-13'],
      ['Wednesday', '2025-08-13'],
      ['on Tuesday', '2025-08-12'],
      ['on Friday', '2025-08-15'],
      ['last year', '2024'],
      ['in April', '2025-04'],
    ]);
  });
});

describe('dates in article 2 ("Updated 7 sec ago")', () => {
  it('resolves nothing relative, and says why', () => {
    const relative = two.dates.filter((d) => d.text !== 'in 2021');
    expect(relative.map((d) => d.text)).toEqual(['on Friday', 'this week', 'two days after', 'last weekend', 'in October', 'in October']);
    for (const d of relative) {
      expect(d.resolved).toBeNull();
      expect(d.precision).toBeNull();
      expect(d.note).toBe('cannot be resolved: the article’s date is relative (“Updated 7 sec ago”)');
    }
  });

  it('still reads a year written out in full, which needs no reference date', () => {
    expect(dateNamed(two, 'in 2021').map((d) => d.resolved)).toEqual(['2021']);
  });
});

describe('entities in the seed', () => {
  it('finds the people, organisations and places of article 1 with their types', () => {
    expect(entity(one, 'Vladimir Putin')).toMatchObject({ type: 'person', count: 9, aliases: ['Putin'] });
    expect(entity(one, 'Kim Jong Un')).toMatchObject({ type: 'person', count: 5, aliases: ['Kim'] });
    expect(entity(one, 'Korean Central News Agency')).toMatchObject({ type: 'organization', count: 5, aliases: ['KCNA'] });
    expect(entity(one, 'Pyongyang')).toMatchObject({ type: 'place', count: 3 });
    expect(entity(one, 'Kursk')).toMatchObject({ type: 'place', count: 2 });
    expect(entity(one, 'North Korea')).toMatchObject({ type: 'place', count: 8 });
    // The short forms are folded into the full names, not listed twice.
    expect(entity(one, 'Putin')).toBeUndefined();
    expect(entity(one, 'KCNA')).toBeUndefined();
    expect(entity(one, 'North Korea’s')).toBeUndefined();
  });

  it('finds Kabul (dateline and body) and the untagged names of article 2', () => {
    expect(entity(two, 'Kabul')).toMatchObject({ type: 'place', count: 2 });
    expect(entity(two, 'Mosharraf Zaidi')).toMatchObject({ type: 'person', count: 2 });
    expect(entity(two, 'Zabihullah Mujahid')).toMatchObject({ type: 'person', count: 2 });
    expect(entity(two, 'Taliban')).toMatchObject({ type: 'organization' });
    expect(entity(two, 'Turkiye')).toMatchObject({ type: 'place' });
    expect(entity(one, 'Kabul')).toBeUndefined();
  });

  it('anchors every mention on the text it counts', () => {
    const { text } = articleText(first);
    const putin = entity(one, 'Vladimir Putin')!;
    expect(putin.anchors.map((a) => text.slice(a.start, a.end))).toEqual([
      'Putin', 'Putin', 'Putin', 'Vladimir Putin', 'Vladimir Putin', 'Putin', 'Putin', 'Putin', 'Putin',
    ]);
  });
});

describe('claims in the seed', () => {
  it('proposes the defense-pact sentence from the body with its reasons', () => {
    const body = one.claims.find((c) => c.field === 'paragraph:7' && c.text.endsWith('reclusive state.'));
    // The body sentence runs on after "last year" (", when Putin visited the reclusive state."), so that is its text.
    expect(body!.text).toBe('The two countries signed a mutual defense pact last year, when Putin visited the reclusive state.');
    expect(body!.reasons).toEqual(['number: two', 'date: last year', 'named entity: Vladimir Putin', 'statement of fact: signed']);
    expect(body!.score).toBe(6);
    // The highlight says the same without the full stop: proposed too, and the body points back to it.
    const highlight = one.claims.find((c) => c.field === 'highlight:2' && c.text.endsWith('reclusive state'));
    expect(highlight!.text).toBe('The two countries signed a mutual defense pact last year, when Putin visited the reclusive state');
    expect(body!.repeatOf).toBe(one.claims.indexOf(highlight!));
  });

  it('proposes the main clause on its own: "The two countries signed a mutual defense pact last year."', () => {
    const clause = one.claims.find((c) => c.field === 'paragraph:7' && c.text === 'The two countries signed a mutual defense pact last year.');
    expect(clause).toBeDefined();
    const { text } = articleText(first);
    expect(text.slice(clause!.anchor.start, clause!.anchor.end)).toBe('The two countries signed a mutual defense pact last year');
    expect(clause!.reasons).toEqual(['number: two', 'date: last year']);
    expect(clause!.score).toBe(4);
  });

  it('scores transparently: each score is the sum of its reasons’ weights', () => {
    for (const c of [...one.claims, ...two.claims]) {
      expect(c.score).toBe(c.features.reduce((s, f) => s + f.weight, 0));
      expect(c.reasons).toEqual(c.features.map((f) => `${f.kind}: ${f.value}`));
    }
  });

  it('ranks the claims of article 2, a superlative and a year on top', () => {
    const top = two.claims[0]!;
    expect(top.text).toBe('Dozens were killed in October’s clashes, the worst violence on the border since the Taliban took power in Afghanistan in 2021.');
    expect(top.reasons).toEqual(expect.arrayContaining(['number: 2021', 'superlative: worst', 'date: in 2021', 'named entity: Taliban']));
    // A sentence with no figure, date, source or name is not proposed.
    expect(two.claims.some((c) => c.text === 'There were no immediate reports of casualties.')).toBe(false);
  });

  it('is deterministic', () => {
    expect(analyseArticle(first)).toEqual(one);
    expect(analyseArticle(second)).toEqual(two);
  });
});
