import { describe, expect, it } from 'vitest';
import { articleText, fieldAt, FIELD_SEPARATOR, segmentAt, sentencesOf, splitSentences } from '../../../electron/core/factcheck/index.js';
import { emptyContent, type ArticleContent } from '../../../electron/core/model.js';
import { parseFile, repoPath } from '../parse/helpers.js';

const { parse } = parseFile(repoPath('seeds/000_9aa4e691ff5375b9.txt'));
const seed = parse.articles[0]!.content;

const content: ArticleContent = {
  ...emptyContent('Headline here'),
  highlights: ['First highlight', 'Second highlight'],
  caption: 'A caption.',
  credit: 'AFP',
  byline: 'By Someone',
  dateline: 'SEOUL',
  datelineText: 'SEOUL:',
  paragraphs: ['Body one.', 'Body two.'],
  updated: { raw: 'Updated 1 May 2024', date: '2024-05-01', relative: false },
};

describe('articleText', () => {
  it('joins headline, highlights, caption and body in that order, one block per field', () => {
    const at = articleText(content);
    expect(at.text).toBe('Headline here\n\nFirst highlight\n\nSecond highlight\n\nA caption.\n\nSEOUL: Body one.\n\nBody two.');
    expect(at.segments.map((s) => s.field)).toEqual(['headline', 'highlight:1', 'highlight:2', 'caption', 'datelineText', 'paragraph:1', 'paragraph:2']);
  });

  it('maps every segment back to its field’s exact value', () => {
    for (const c of [content, seed, parse.articles[1]!.content]) {
      const at = articleText(c);
      for (const s of at.segments) {
        const value = s.field === 'headline' ? c.headline
          : s.field === 'caption' ? c.caption
            : s.field === 'datelineText' ? c.datelineText
              : s.field.startsWith('highlight:') ? c.highlights[Number(s.field.split(':')[1]) - 1]
                : c.paragraphs[Number(s.field.split(':')[1]) - 1];
        expect(at.text.slice(s.start, s.end)).toBe(value);
      }
    }
  });

  it('leaves out credit, byline and the Updated line, and skips empty fields without renumbering', () => {
    const at = articleText({ ...content, caption: null, highlights: ['', 'Only the second'], datelineText: null });
    expect(at.text).not.toMatch(/AFP|Someone|Updated/);
    expect(at.segments.map((s) => s.field)).toEqual(['headline', 'highlight:2', 'paragraph:1', 'paragraph:2']);
    expect(at.text.split(FIELD_SEPARATOR)).toEqual(['Headline here', 'Only the second', 'Body one.', 'Body two.']);
  });

  it('keeps a dateline with no paragraphs', () => {
    const at = articleText({ ...content, paragraphs: [] });
    expect(at.segments.map((s) => s.field)).toEqual(['headline', 'highlight:1', 'highlight:2', 'caption', 'datelineText']);
  });

  it('locates offsets in fields', () => {
    const at = articleText(content);
    const i = at.text.indexOf('two');
    expect(fieldAt(at.segments, i, i + 3)).toEqual({ field: 'paragraph:2', start: 5, end: 8 });
    expect(fieldAt(at.segments, at.text.indexOf('here'), at.text.indexOf('First'))).toBeNull(); // crosses fields
    expect(segmentAt(at.segments, at.text.indexOf('Body one'))!.field).toBe('paragraph:1');
  });
});

describe('splitSentences', () => {
  const split = (s: string): string[] => splitSentences(s).map((x) => s.slice(x.start, x.end));

  it('splits at full stops, question and exclamation marks', () => {
    expect(split('One thing. Another thing! A third? Yes.')).toEqual(['One thing.', 'Another thing!', 'A third?', 'Yes.']);
  });

  it('keeps abbreviations, initials, dotted acronyms and decimals inside the sentence', () => {
    expect(split('Dr. Smith met U.S. President Joe Biden at 9 a.m. on Tuesday. Growth was 3.5 percent. J. K. Rowling agreed.')).toEqual([
      'Dr. Smith met U.S. President Joe Biden at 9 a.m. on Tuesday.',
      'Growth was 3.5 percent.',
      'J. K. Rowling agreed.',
    ]);
  });

  it('ends a sentence after closing quotation marks, but not before a lowercase attribution', () => {
    expect(split('He said, “We will win.” Then he left. “Why?” she asked. “Go,” he said.')).toEqual([
      'He said, “We will win.”',
      'Then he left.',
      '“Why?” she asked.',
      '“Go,” he said.',
    ]);
  });

  it('ends at a line break and keeps a sentence without a final stop', () => {
    expect(split('A headline without a stop\nA second line')).toEqual(['A headline without a stop', 'A second line']);
  });
});

describe('sentencesOf', () => {
  it('never crosses a field and skips the dateline label', () => {
    const s = sentencesOf(articleText(seed));
    expect(s[0]).toMatchObject({ field: 'headline', text: 'Putin, North Korea’s Kim in phone call ahead of Alaska summit' });
    const body = s.filter((x) => x.field === 'paragraph:1');
    expect(body).toHaveLength(1);
    expect(body[0]!.text.startsWith('Russian President Vladimir Putin')).toBe(true);
    expect(s.filter((x) => x.field === 'paragraph:7').map((x) => x.text)).toEqual([
      'The two countries signed a mutual defense pact last year, when Putin visited the reclusive state.',
    ]);
    expect(s).toHaveLength(1 + 2 + 1 + 8);
  });
});
