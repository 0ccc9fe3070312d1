import { describe, expect, it } from 'vitest';
import { continuesOnNextLine, splitLines } from '../../../electron/core/parse/lines.js';
import { parseSeedText } from '../../../electron/core/parse/seed-text.js';

describe('splitLines', () => {
  it.each([
    ['LF', 'a\nb\n\nc'],
    ['CRLF', 'a\r\nb\r\n\r\nc'],
    ['CR', 'a\rb\r\rc'],
    ['mixed', 'a\r\nb\n\rc'],
  ])('splits %s line endings and keeps offsets into the text', (_, text) => {
    const lines = splitLines(text);
    expect(lines.map((l) => l.text)).toEqual(['a', 'b', '', 'c']);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
  });

  it('normalises each line to NFC but keeps offsets into the raw text', () => {
    const text = 'Cafe\u0301 reopens\nZoe\u0308';
    const lines = splitLines(text);
    expect(lines.map((l) => l.text)).toEqual(['Café reopens', 'Zoë']);
    expect(text.slice(lines[1]!.start, lines[1]!.end)).toBe('Zoe\u0308');
  });

  it('skips a BOM left at the start of the text', () => {
    const lines = splitLines('\ufeffHeadline\nBody.');
    expect(lines[0]).toMatchObject({ text: 'Headline', start: 1 });
  });

  it.each([
    ['* * *', 'separator'],
    ['***', 'separator'],
    ['---', 'separator'],
    ['- - -', 'separator'],
    ['___', 'separator'],
    ['=====', 'separator'],
    ['  * * *  ', 'separator'],
    ['--', 'text'],
    ['Short Url', 'furniture'],
    ['short url', 'furniture'],
    ['ShortUrl', 'furniture'],
    ['Follow', 'furniture'],
    ['Follow us on social media', 'text'],
    ['Updated 13 August 2025', 'updated'],
    ['Updated figures show a rise.', 'text'],
    ['• A highlight', 'bullet'],
    ['  • A highlight', 'bullet'],
    ['- A highlight', 'bullet'],
    ['* A highlight', 'bullet'],
    ['-5 degrees overnight', 'text'],
    ['\u00a0', 'blank'],
    ['\u200b \t', 'blank'],
    ['', 'blank'],
  ])('classifies %j as %s', (line, kind) => {
    expect(splitLines(line)[0]!.kind).toBe(kind);
  });
});

describe('continuesOnNextLine', () => {
  it.each([
    ['talks between the South Asian neighbors', 'ended without a breakthrough', true],
    ['talks between the neighbors.', 'ended without a breakthrough', false],
    ['talks between the neighbors', 'Ended without a breakthrough', false],
    ['he said:', 'the talks', false],
    ['“We are ready,”', 'he said', false],
    ['the report', '  released on Thursday', true],
  ])('%j + %j → %s', (current, next, expected) => {
    expect(continuesOnNextLine(current, next)).toBe(expected);
  });
});

describe('parseSeedText on edge inputs', () => {
  it.each([
    ['empty', ''],
    ['blank lines', '\n\n\n'],
    ['separators only', '* * *\n---\n___\n===\n'],
    ['furniture only', 'Short Url\nUpdated 7 sec ago\nFollow\n'],
    ['a lone Updated line', 'Updated 13 August 2025'],
  ])('%s → no articles and a file-level warning', (_, text) => {
    const parse = parseSeedText(text);
    expect(parse.articles).toEqual([]);
    expect(parse.warnings.map((w) => w.code)).toEqual(['no-articles']);
  });

  it('a single line is an article with only a headline', () => {
    const parse = parseSeedText('Just a headline');
    expect(parse.articles).toHaveLength(1);
    expect(parse.articles[0]!.content.headline).toBe('Just a headline');
    expect(parse.articles[0]!.content.paragraphs).toEqual([]);
    expect(parse.articles[0]!.warnings.map((w) => w.code)).toEqual(['no-anchor', 'no-body']);
    expect(parse.warnings).toEqual([]);
  });

  it('keeps highlights printed above the furniture', () => {
    const parse = parseSeedText('Headline\n• A highlight\nShort Url\nUpdated 1 May 2025\nFollow\n\nHeadline\n\nPARIS: Body.\n');
    expect(parse.articles[0]!.content).toMatchObject({ headline: 'Headline', highlights: ['A highlight'], dateline: 'PARIS', paragraphs: ['Body.'] });
  });

  it('does not take a body sentence that opens with "By" for a byline', () => {
    const parse = parseSeedText('Death toll rises\n\nBy Tuesday, officials had counted 40 dead.\nRescuers kept digging.\n');
    expect(parse.articles[0]!.content.byline).toBeNull();
    expect(parse.articles[0]!.content.paragraphs).toEqual(['By Tuesday, officials had counted 40 dead.', 'Rescuers kept digging.']);
  });

  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['BY JANE DOE', 'JANE DOE'],
    ['By JANE DOE Associated Press', 'JANE DOE Associated Press'],
    ['By Maria de la Cruz and Ali bin Saleh', 'Maria de la Cruz and Ali bin Saleh'],
    ['By J. Doe', 'J. Doe'],
    ['By Jane Doe | Reuters', 'Jane Doe | Reuters'],
  ])('reads the byline %j', (line, byline) => {
    const parse = parseSeedText(`Death toll rises\n\n${line}\n\nLONDON: Rescuers kept digging.\n`);
    expect(parse.articles[0]!.content.byline).toBe(byline);
    expect(parse.articles[0]!.content.paragraphs).toEqual(['Rescuers kept digging.']);
  });

  it('a second headline-once article takes its own headline, not the previous body', () => {
    const text = [
      'A first headline', '', 'Short Url', 'Updated 1 May 2025', 'Follow', '', 'A first headline', '', 'PARIS: Body one.', 'More one.', '',
      'Second headline', 'Caption of a photo. (AFP)', 'Short Url', 'Updated 2 May 2025', 'Follow', '', 'ROME: Body two.', 'More two.',
    ].join('\n');
    const parse = parseSeedText(text);
    expect(parse.articles.map((a) => a.content.headline)).toEqual(['A first headline', 'Second headline']);
    expect(parse.articles[0]!.content.paragraphs).toEqual(['Body one.', 'More one.']);
    expect(parse.articles[1]!.content).toMatchObject({ caption: 'Caption of a photo.', credit: 'AFP', dateline: 'ROME', paragraphs: ['Body two.', 'More two.'] });
  });

  it('reads a story scraped twice as two identical articles', () => {
    const story = 'Council freezes rents\n\nUpdated 7 sec ago\n\nLEEDS: The council froze rents for a year.';
    const parse = parseSeedText(`${story}\n\n\n\n${story}`);
    expect(parse.articles).toHaveLength(2);
    for (const a of parse.articles) {
      expect(a.content).toMatchObject({ headline: 'Council freezes rents', dateline: 'LEEDS', paragraphs: ['The council froze rents for a year.'] });
    }
    expect(parse.articles[0]!.sha256).toBe(parse.articles[1]!.sha256);
  });
});
