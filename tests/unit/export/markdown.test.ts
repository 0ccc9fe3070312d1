import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { toExportArticle } from '../../../electron/core/export/build-article.js';
import { escapeMarkdown, toMarkdown } from '../../../electron/core/export/markdown.js';
import { allExportArticles, CTX, hostileRecord, PAYLOADS, workedPakistan, workedPutin } from './helpers.js';

/** Splits a file into its front matter (YAML text) and body, requiring the fence on the first line. */
function split(md: string): { yaml: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(md);
  if (!m) throw new Error(`no front matter in:\n${md.slice(0, 200)}`);
  return { yaml: m[1]!, body: m[2]! };
}

const SPECIAL = new Set('\\`*_[]<>&|~{}');

/**
 * Reads escaped text back as a CommonMark renderer would, failing if any markup character stands unescaped, so
 * a string that passes renders as plain text.
 */
function readBack(escaped: string): string {
  let out = '';
  for (let i = 0; i < escaped.length; i++) {
    const ch = escaped[i]!;
    if (ch === '\\') {
      const next = escaped[i + 1];
      if (next === undefined || !/[!-/:-@[-`{-~]/.test(next)) throw new Error(`dangling backslash at ${i} in ${escaped}`);
      out += next;
      i++;
    } else if (SPECIAL.has(ch)) {
      throw new Error(`unescaped ${ch} at ${i} in ${escaped}`);
    } else {
      out += ch;
    }
  }
  return out;
}

describe('toMarkdown', () => {
  it('writes front matter a YAML reader gets the article facts back from, even a YAML 1.1 one', () => {
    const a = toExportArticle(workedPutin());
    const { yaml } = split(toMarkdown(a, CTX));
    const expected = {
      id: a.id,
      headline: 'Putin, North Korea’s Kim in phone call ahead of Alaska summit',
      dateline: 'SEOUL',
      updated: { raw: 'Updated 13 August 2025', date: '2025-08-13' },
      status: 'approved',
      tags: ['Russia', 'North Korea', 'no'],
      source: { file: '000_9aa4e691ff5375b9.txt', sha256: a.source.sha256 },
      corrected: true,
    };
    expect(parse(yaml)).toEqual(expected);
    // YAML 1.1 reads an unquoted no as false and a bare day as a date.
    expect(parse(yaml, { version: '1.1' })).toEqual(expected);
    const relative = split(toMarkdown(toExportArticle(workedPakistan()), CTX));
    expect(parse(relative.yaml)).toMatchObject({ updated: { raw: 'Updated 7 sec ago', date: null }, status: 'in-review', corrected: true });
    expect(relative.body).not.toContain('7 sec ago'); // an age is data, not copy
  });

  it('writes the front matter byte for byte as the yaml library does, whatever the strings hold', () => {
    const base = toExportArticle(workedPutin());
    // Line breaks and other control characters (which yaml escapes its own way), quotes, backslashes, YAML
    // indicators, document markers, unpaired surrogates, astral characters and long lines.
    const tricky = fc.constantFrom('\n', '\r\n', '\t', '\u0000', '\u0007', '\u001b', '\u0085', '\u00a0', '\u2028', '"', '\\', ': ', '- ', '#', '---', '...', '&a', '*a', '!tag', '%', '@', '`', "'", '\ud800', '\udfff', '😀', 'ü', 'null', 'no', '2024-01-01', ' ', '\u007f');
    const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 12 }), fc.constant('x'.repeat(120))), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.option(text), fc.option(fc.record({ raw: text, date: fc.option(text) })), fc.array(text, { maxLength: 4 }), text, fc.boolean(), (headline, dateline, updated, tags, file, corrected) => {
        const a = {
          ...base,
          content: { ...base.content, headline, dateline, updated: updated ? { ...updated, relative: false } : null },
          tags,
          source: { ...base.source, file },
          corrected,
        };
        const data = { id: a.id, headline, dateline, updated: updated ? { raw: updated.raw, date: updated.date } : null, status: a.status, tags, source: { file, sha256: a.source.sha256 }, corrected };
        const expected = `---\n${stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, minContentWidth: 0 })}---\n\n`;
        expect(toMarkdown(a, CTX).startsWith(expected)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('lays the article out as printed, rulings after the body and the correction notice last', () => {
    const a = toExportArticle(workedPutin());
    const { body } = split(toMarkdown(a, CTX));
    const blocks = body.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('# Putin, North Korea’s Kim in phone call ahead of Alaska summit');
    expect(blocks[1]).toBe(`*${a.content.caption}* (REUTERS)`);
    expect(blocks[2]).toBe(a.content.highlights.map((h) => `- ${h}`).join('\n'));
    expect(blocks[3]).toBe('*Updated 13 August 2025*');
    expect(blocks[4]).toBe(`SEOUL: ${a.content.paragraphs[0]}`);
    expect(blocks.slice(5, 11)).toEqual(a.content.paragraphs.slice(1).map(escapeMarkdown));
    expect(blocks.slice(11)).toEqual([
      '## Fact-checks',
      [
        '- “The two countries signed a mutual defense pact last year” — **True**',
        '- “US President Trump is expected to press Russia to end the Ukraine war” — **Unproven**',
        '- “North Korea confirmed for the first time in April” — **False** (no longer in the text)',
      ].join('\n'),
      '---',
      '**Correction:** An earlier version misstated when North Korea confirmed its deployment.',
    ]);
    expect(body).not.toContain('Check KCNA wording'); // the internal note is not copy
  });

  it('renders hostile text inert: no HTML, links, code, headings, lists, breaks or fences of its own', () => {
    const a = toExportArticle(hostileRecord());
    const md = toMarkdown(a, CTX);
    const { yaml, body } = split(md);
    expect(parse(yaml)).toMatchObject({ headline: a.content.headline, dateline: a.content.dateline, tags: a.tags });
    const lines = body.trimEnd().split('\n');
    // The only structure is the one toMarkdown writes.
    const structural = lines.filter((l) => /^(?:#|[-+*] |\d+[.)]|>|---|===|```|~~~| {4}|\t)/.test(l));
    expect(structural).toEqual([
      expect.stringMatching(/^# Headline /),
      expect.stringMatching(/^- /),
      expect.stringMatching(/^- /),
      '## Fact-checks',
      expect.stringMatching(/^- “Headline /),
      '---',
    ]);
    expect(md.split('\n').filter((l) => l === '---')).toHaveLength(3); // open and close the front matter; the notice
    for (const payload of PAYLOADS) {
      const escaped = escapeMarkdown(payload);
      expect(body).toContain(escaped);
      expect(readBack(escaped)).toBe(payload);
    }
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('[x](javascript:alert(5))')).toBe('\\[x\\](javascript:alert(5))');
  });

  it.each([
    ['---', '\\---'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['> not a quote', '\\> not a quote'],
    ['=== not a heading', '\\=== not a heading'],
    ['```js', '\\`\\`\\`js'],
    ['    indented, not code', 'indented, not code'],
    ['line one\n---\nline two', 'line one --- line two'],
    ['{: onclick="alert(1)"}', '\\{: onclick="alert(1)"\\}'],
    ['Tom &amp; Jerry', 'Tom \\&amp; Jerry'],
    ['a | b ~~c~~ *d* _e_', 'a \\| b \\~\\~c\\~\\~ \\*d\\* \\_e\\_'],
  ])('escapes %j as %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  it('escapes any text into one line that reads back as the text itself', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const escaped = escapeMarkdown(s);
      expect(escaped).not.toMatch(/[\n\r\u2028\u2029]/);
      expect(escaped).not.toMatch(/^(?:[#+\-=:>]|\d+[.)])/);
      expect(readBack(escaped)).toBe(s.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ').trim());
    }), { numRuns: 2000 });
  });

  it('is deterministic, ending in one newline, for every seed article', () => {
    for (const a of allExportArticles()) {
      const md = toMarkdown(a, CTX);
      expect(md).toBe(toMarkdown(structuredClone(a), CTX));
      expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
      expect(parse(split(md).yaml)).toMatchObject({ id: a.id, status: a.status });
    }
  });
});
