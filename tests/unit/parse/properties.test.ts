import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../electron/core/model.js';
import { parseSeedText, sha256, type SeedParse } from '../../../electron/core/parse/seed-text.js';

/**
 * Properties of the whole parser: it never throws, its offsets are sound, and it never loses text. "Text" is
 * measured in whitespace tokens (NFC, surrounding brackets trimmed, bullet markers ignored) so that joining wrapped
 * lines or splitting a dateline off a paragraph does not count as loss, while dropping a word does.
 */

// FC_SEED replays or explores other runs; the default keeps CI deterministic.
const SEED = Number(process.env.FC_SEED ?? 20250813);
const BULLETS = new Set(['•', '●', '▪', '◦', '‣', '∙', '*', '-']);

function tokens(s: string): string[] {
  return s
    .normalize('NFC')
    .split(/\s+/u)
    .map((t) => t.replace(/^[([{]+|[)\]}]+$/gu, ''))
    .filter((t) => t !== '' && !BULLETS.has(t));
}

/** Every token the parse kept, in any field. A byline drops its "By", so each byline gives one back. */
function outputTokens(parse: SeedParse): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (s: string | null | undefined): void => {
    if (s) for (const t of tokens(s)) bag.set(t, (bag.get(t) ?? 0) + 1);
  };
  for (const { content: c } of parse.articles) {
    add(c.headline);
    add(c.caption);
    add(c.credit);
    add(c.updated?.raw);
    c.highlights.forEach(add);
    if (c.byline !== null) add(`${c.byline} By BY by`);
    add(c.datelineText);
    c.paragraphs.forEach(add);
  }
  return bag;
}

/** The tokens of `wanted` that the parse does not hold (as a multiset), so a failure shows what was lost. */
function missing(wanted: string[], parse: SeedParse): string[] {
  const bag = outputTokens(parse);
  const lost: string[] = [];
  for (const t of wanted) {
    const n = bag.get(t) ?? 0;
    if (n === 0) lost.push(t);
    else bag.set(t, n - 1);
  }
  return lost;
}

function checkProvenance(text: string, parse: SeedParse): void {
  let previousEnd = 0;
  parse.articles.forEach((a, i) => {
    expect(a.index).toBe(i);
    expect(a.start).toBeGreaterThanOrEqual(previousEnd);
    expect(a.start).toBeLessThanOrEqual(a.end);
    expect(a.end).toBeLessThanOrEqual(text.length);
    expect(a.sha256).toBe(sha256(text.slice(a.start, a.end)));
    previousEnd = a.end;
  });
  if (parse.articles.length === 0) expect(parse.warnings.map((w) => w.code)).toEqual(['no-articles']);
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks shared by the generators.

const LOWER = ['the', 'council', 'said', 'on', 'talks', 'would', 'resume', 'after', 'a', 'vote', 'in', 'late', 'border', 'officials',
  'follow', 'updated', 'by', 'ago', 'short', 'url', 'según', 'café', 'naïve', 'über', 'ministry', 'figures', 'show', 'rise'];
const CAPITAL = ['Council', 'Talks', 'Officials', 'Ministers', 'Farmers', 'Rescuers', 'Markets', 'Pakistan', 'Kabul', 'Zoë', 'Ngữ',
  'Putin', 'Follow', 'Updated', 'Short', 'Korea’s', 'Şişli', 'Đà'];
const ARABIC = ['مرحبا', 'الرياض', 'وزارة', 'الاستثمار'];
const PLACES = ['SEOUL', 'KABUL', 'WASHINGTON', 'LONDON', 'NEW YORK', 'SÃO PAULO', 'ST. LOUIS', 'PORT-AU-PRINCE', 'GAZA CITY'];
const FIRST = ['Jane', 'Maria', 'Devin', 'Aisha', 'Tomás', 'Kate'];
const LAST = ['Doe', 'Okafor', 'Hale', 'Rahman', 'Ferreira', 'Holton'];
const CREDITS = ['REUTERS', 'AFP', 'AP Photo/Luis Ortega', 'Getty Images', 'SPA'];
const SEPARATORS = ['* * *', '---', '___', '===', '*****', '- - -', '======'];
const UPDATED_ABSOLUTE: [string, string][] = [
  ['Updated 13 August 2025', '2025-08-13'],
  ['Updated 27 November 2026 14:05', '2026-11-27'],
  ['Updated: Nov. 27, 2026 2:05 p.m. ET', '2026-11-27'],
  ['Last updated 1 March 2024', '2024-03-01'],
  ['Updated 2026-11-27T14:05:00Z', '2026-11-27'],
];
const UPDATED_RELATIVE = ['Updated 7 sec ago', 'Updated 2 hours ago', 'Updated yesterday', 'Updated 3d ago', 'Updated just now'];

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const lowerWords = (min: number, max: number): fc.Arbitrary<string[]> => fc.array(pick(LOWER), { minLength: min, maxLength: max });

/** A headline: capitalised, no closing punctuation, so it never reads as a sentence or a dateline. */
const headlineArb = fc
  .tuple(pick(CAPITAL), lowerWords(2, 8), fc.integer({ min: 0, max: 99_999 }))
  .map(([cap, rest, n]) => [cap, ...rest, `h${n}`].join(' '));

/** A body sentence: capitalised, ends with a full stop. */
const sentenceArb = fc
  .tuple(pick([...CAPITAL, ...ARABIC]), lowerWords(3, 16), pick(['.', '?', '!', '.”']))
  .map(([cap, rest, end]) => `${cap} ${rest.join(' ')}${end}`);

// ---------------------------------------------------------------------------------------------------------------
// (a) Never throws, offsets stay sound.

describe('parseSeedText never throws', () => {
  it('on arbitrary Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkProvenance(text, parseSeedText(text));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('on arbitrary UTF-16 code units, lone surrogates included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), (text) => {
        checkProvenance(text, parseSeedText(text));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (b) Well-formed articles: right count, right fields, nothing lost.

interface GenArticle {
  headline: string;
  headLines: string[];
  caption: { text: string; credit: string; tight: boolean } | null;
  furniture: { shortUrl: boolean; updated: string; date: string | null; relative: boolean; follow: boolean };
  repeat: boolean;
  bullets: { marker: string; text: string; wrapAt: number | null }[];
  byline: string | null;
  dateline: { place: string; form: number };
  paragraphs: { text: string; wrapAt: number | null }[];
  blankRun: number;
  /** What a "blank" line holds: scraped pages leave no-break spaces and tabs behind. */
  blankText: string;
  /** Trailing whitespace on text lines, which must not reach any field. */
  pad: string;
}

const updatedArb = fc.oneof(
  pick(UPDATED_ABSOLUTE).map(([raw, date]) => ({ updated: raw, date, relative: false })),
  pick(UPDATED_RELATIVE).map((raw) => ({ updated: raw, date: null, relative: true })),
);

const articleArb: fc.Arbitrary<GenArticle> = fc
  .record({
    headline: headlineArb,
    wrapHeadline: fc.boolean(),
    caption: fc.option(
      fc.record({ text: sentenceArb, credit: pick(CREDITS), tight: fc.boolean() }),
      { nil: null },
    ),
    updated: updatedArb,
    shortUrl: fc.boolean(),
    follow: fc.boolean(),
    repeat: fc.boolean(),
    bullets: fc.array(
      fc.record({ marker: pick(['•', '-', '*', '  •']), text: headlineArb, wrap: fc.boolean() }),
      { maxLength: 4 },
    ),
    byline: fc.option(
      fc.oneof(
        fc.tuple(pick(FIRST), pick(LAST)).map(([f, l]) => `${f} ${l}`),
        fc.tuple(pick(FIRST), pick(LAST)).map(([f, l]) => `${f.toUpperCase()} ${l.toUpperCase()} Associated Press`),
      ),
      { nil: null },
    ),
    place: pick(PLACES),
    form: fc.integer({ min: 0, max: 3 }),
    paragraphs: fc.array(fc.record({ text: sentenceArb, wrap: fc.boolean() }), { minLength: 1, maxLength: 12 }),
    blankRun: fc.integer({ min: 1, max: 2 }),
    blankText: pick(['', '', ' ', '\u00a0', '\t', '\u00a0\u00a0']),
    pad: pick(['', '', ' ', '\t', '\u00a0']),
  })
  .map((r) => {
    const words = r.headline.split(' ');
    // At least three words before the wrap, so the first line can never be furniture such as "Short url".
    const cut = Math.max(3, Math.floor(words.length / 2));
    return {
      headline: r.headline,
      headLines: r.wrapHeadline && words.length > cut ? [words.slice(0, cut).join(' '), words.slice(cut).join(' ')] : [r.headline],
      caption: r.caption,
      furniture: { shortUrl: r.shortUrl, updated: r.updated.updated, date: r.updated.date, relative: r.updated.relative, follow: r.follow },
      repeat: r.repeat,
      bullets: r.bullets.map((b) => ({ marker: b.marker, text: b.text, wrapAt: b.wrap ? 2 : null })),
      byline: r.byline,
      dateline: { place: r.place, form: r.form },
      paragraphs: r.paragraphs.map((p) => ({ text: p.text, wrapAt: p.wrap ? 3 : null })),
      blankRun: r.blankRun,
      blankText: r.blankText,
      pad: r.pad,
    };
  });

const DATELINE_FORMS = [
  (p: string) => ({ text: `${p}:`, agency: null }),
  (p: string) => ({ text: `${p} (AP) —`, agency: 'AP' }),
  (p: string) => ({ text: `${p}, Nov 27 (Reuters) -`, agency: 'Reuters' }),
  (p: string) => ({ text: `${p} —`, agency: null }),
];

/** Wraps after `at` words only where the next word is lower case, as a hard wrap in running text would look. */
function wrap(text: string, at: number | null): string[] {
  if (at === null) return [text];
  const words = text.split(' ');
  for (let k = at; k < words.length - 1; k++) {
    if (/^\p{Ll}/u.test(words[k]!) && !/[.!?:;…"”’)\]»]$/u.test(words[k - 1]!)) return [words.slice(0, k).join(' '), words.slice(k).join(' ')];
  }
  return [text];
}

/** Lines of one article, plus the lines that carry text the parse must keep (the repeat is the headline again). */
function renderArticle(a: GenArticle): { lines: string[]; kept: string[] } {
  const lines: string[] = [];
  const kept: string[] = [];
  const blank = (): void => {
    for (let k = 0; k < a.blankRun; k++) lines.push(a.blankText);
  };
  const keep = (...ls: string[]): void => {
    lines.push(...ls.map((l) => l + a.pad));
    kept.push(...ls);
  };
  keep(...a.headLines);
  if (a.caption) {
    if (!a.caption.tight) blank();
    keep(`${a.caption.text} (${a.caption.credit})`);
  } else {
    blank();
  }
  if (a.furniture.shortUrl) lines.push('Short Url');
  lines.push(a.furniture.updated);
  if (a.furniture.follow) lines.push('Follow');
  blank();
  if (a.repeat) {
    lines.push(...a.headLines);
    blank();
  }
  if (a.bullets.length > 0) {
    for (const b of a.bullets) {
      const [first, ...rest] = wrap(b.text, b.wrapAt);
      keep(`${b.marker} ${first}`, ...rest.map((r) => `  ${r}`));
    }
    blank();
  }
  if (a.byline) {
    keep(`By ${a.byline}`);
    blank();
  }
  const dl = DATELINE_FORMS[a.dateline.form]!(a.dateline.place);
  a.paragraphs.forEach((p, i) => keep(...wrap(i === 0 ? `${dl.text} ${p.text}` : p.text, p.wrapAt)));
  return { lines, kept };
}

const fileArb = fc.record({
  articles: fc.array(articleArb, { minLength: 1, maxLength: 5 }),
  separators: fc.array(fc.oneof(pick(SEPARATORS), fc.integer({ min: 3, max: 5 }).map((n) => n)), { minLength: 4, maxLength: 4 }),
  eol: pick(['\n', '\r\n', '\r']),
  bom: fc.boolean(),
  trailing: pick(['', '\n', '\n\n\n']),
});

type GenFile = typeof fileArb extends fc.Arbitrary<infer F> ? F : never;

function renderFile(f: GenFile): { text: string; kept: string[] } {
  const lines: string[] = [];
  const kept: string[] = [];
  f.articles.forEach((a, i) => {
    if (i > 0) {
      const sep = f.separators[(i - 1) % f.separators.length]!;
      if (typeof sep === 'number') lines.push(...Array<string>(sep).fill(a.blankText));
      else lines.push('', sep, '');
    }
    const r = renderArticle(a);
    lines.push(...r.lines);
    kept.push(...r.kept);
  });
  return { text: (f.bom ? '\ufeff' : '') + lines.join(f.eol) + f.trailing, kept };
}

function expectArticle(got: ArticleContent, warnings: string[], a: GenArticle): void {
  const dl = DATELINE_FORMS[a.dateline.form]!(a.dateline.place);
  expect(got.headline).toBe(a.headline);
  expect(got.caption).toBe(a.caption ? a.caption.text : null);
  expect(got.credit).toBe(a.caption ? a.caption.credit : dl.agency);
  expect(got.updated).toEqual({ raw: a.furniture.updated, date: a.furniture.date, relative: a.furniture.relative });
  expect(warnings.includes('relative-date')).toBe(a.furniture.relative);
  expect(got.highlights).toEqual(a.bullets.map((b) => b.text));
  expect(got.byline).toBe(a.byline);
  expect(got.dateline).toBe(a.dateline.place);
  expect(got.datelineText).toBe(dl.text);
  expect(got.paragraphs).toEqual(a.paragraphs.map((p) => p.text));
  expect(warnings.includes('headline-not-repeated')).toBe(!a.repeat);
}

describe('well-formed generated articles', () => {
  it('come back one for one, field by field, with no text lost', () => {
    fc.assert(
      fc.property(fileArb, (f) => {
        const { text, kept } = renderFile(f);
        const parse = parseSeedText(text);
        checkProvenance(text, parse);
        expect(parse.articles).toHaveLength(f.articles.length);
        parse.articles.forEach((got, i) => {
          expectArticle(got.content, got.warnings.map((w) => w.code), f.articles[i]!);
          expect(text.slice(got.start, got.end).startsWith(f.articles[i]!.headLines[0]!)).toBe(true);
        });
        expect(missing(kept.flatMap(tokens), parse)).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (c) Arbitrary line soups: whatever the structure, no text line loses a word.

type SoupLine = { kind: 'text' | 'bullet' | 'furniture' | 'separator' | 'blank' | 'repeat'; text: string };

const soupLineArb: fc.Arbitrary<SoupLine> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.oneof(lowerWords(1, 10), fc.array(pick([...CAPITAL, ...LOWER, ...ARABIC]), { minLength: 1, maxLength: 10 })), pick(['', '.', ':', ',', ' (REUTERS)', ' —'])).map(([w, end]) => ({ kind: 'text' as const, text: w.join(' ') + end })) },
  { weight: 1, arbitrary: headlineArb.map((t) => ({ kind: 'text' as const, text: t })) },
  { weight: 1, arbitrary: sentenceArb.map((t) => ({ kind: 'text' as const, text: t })) },
  { weight: 1, arbitrary: fc.tuple(pick(PLACES), fc.integer({ min: 0, max: 3 }), sentenceArb).map(([p, f, s]) => ({ kind: 'text' as const, text: `${DATELINE_FORMS[f]!(p).text} ${s}` })) },
  { weight: 1, arbitrary: fc.tuple(pick(FIRST), pick(LAST)).map(([a, b]) => ({ kind: 'text' as const, text: `By ${a} ${b}` })) },
  { weight: 1, arbitrary: pick(['Updated figures show a rise.', 'Updated today the council voted', 'Follow the money', 'By Tuesday, officials had counted 40 dead.', 'UPDATE: story updated.', 'Short Url here']).map((t) => ({ kind: 'text' as const, text: t })) },
  { weight: 2, arbitrary: fc.tuple(pick(['•', '-', '*', '  •', '●']), headlineArb).map(([m, t]) => ({ kind: 'bullet' as const, text: `${m} ${t}` })) },
  { weight: 3, arbitrary: pick(['Short Url', 'Follow', 'short url', ...UPDATED_RELATIVE, ...UPDATED_ABSOLUTE.map(([r]) => r), 'Updated 31 February 2025', 'Updated 07/08/2025']).map((t) => ({ kind: 'furniture' as const, text: t })) },
  { weight: 1, arbitrary: pick(SEPARATORS).map((t) => ({ kind: 'separator' as const, text: t })) },
  { weight: 4, arbitrary: pick(['', '', '   ', '\u00a0', '\t']).map((t) => ({ kind: 'blank' as const, text: t })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'repeat' as const, text: '' }) },
);

/** Gives every text line a unique word so a lost line cannot hide behind a twin; "repeat" copies an earlier line. */
function renderSoup(soup: SoupLine[]): { lines: string[]; kept: string[] } {
  const lines: string[] = [];
  const kept: string[] = [];
  const texts: string[] = [];
  soup.forEach((l, i) => {
    if (l.kind === 'text' || l.kind === 'bullet') {
      const t = `${l.text} w${i}`;
      lines.push(t);
      kept.push(t);
      texts.push(t);
    } else if (l.kind === 'repeat') {
      // A repeated line may be read as the headline's repeat and dropped; its first printing is still kept.
      lines.push(texts.at(-1) ?? '');
    } else {
      lines.push(l.text);
    }
  });
  return { lines, kept };
}

describe('arbitrary line soups', () => {
  it('never throw, keep offsets sound and lose no word of any text or bullet line', () => {
    fc.assert(
      fc.property(fc.array(soupLineArb, { maxLength: 40 }), pick(['\n', '\r\n', '\r']), (soup, eol) => {
        const { lines, kept } = renderSoup(soup);
        const text = lines.join(eol);
        const parse = parseSeedText(text);
        checkProvenance(text, parse);
        expect(missing(kept.flatMap(tokens), parse)).toEqual([]);
        if (kept.length > 0) expect(parse.articles.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
