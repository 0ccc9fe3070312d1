import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toExportArticle } from '../../../electron/core/export/build-article.js';
import { CSV_COLUMNS, neutralizeFormula, toCsv } from '../../../electron/core/export/csv.js';
import type { ExportArticle } from '../../../electron/core/export/types.js';
import { allExportArticles, CTX, hostileRecord, workedPakistan, workedPutin } from './helpers.js';

/** Parsed strictly: RFC 4180 quoting, CRLF records, and the same number of cells in every row. */
function read(csv: string, bom = false): Record<string, string>[] {
  return parse(csv, { columns: true, bom, record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false }) as Record<string, string>[];
}

describe('toCsv', () => {
  const putin = toExportArticle(workedPutin());
  const pakistan = toExportArticle(workedPakistan());

  it('writes one row per article with the documented columns', () => {
    const rows = read(toCsv([putin, pakistan], CTX));
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toEqual({
      id: putin.id,
      headline: 'Putin, North Korea’s Kim in phone call ahead of Alaska summit',
      dateline: 'SEOUL',
      updated: 'Updated 13 August 2025',
      updated_date: '2025-08-13',
      status: 'approved',
      tags: 'Russia; North Korea; no',
      byline: '',
      caption: putin.content.caption,
      credit: 'REUTERS',
      corrected: 'yes',
      correction_notice: 'An earlier version misstated when North Korea confirmed its deployment.',
      editor_note: 'Check KCNA wording against the Korean original.',
      claims_ruled: '3',
      false_or_misleading: '1',
      source_file: '000_9aa4e691ff5375b9.txt',
      source_sha256: putin.source.sha256,
      highlights: putin.content.highlights.join('\n'),
      body: putin.content.paragraphs.join('\n\n'),
    });
    expect(rows[1]).toMatchObject({ updated: 'Updated 7 sec ago', updated_date: '', status: 'in-review', claims_ruled: '1', false_or_misleading: '1' });
  });

  it('quotes every field, doubles quotes, and ends every record with CRLF', () => {
    const csv = toCsv([pakistan], CTX);
    const records = csv.split('\r\n');
    expect(records.at(-1)).toBe(''); // the last record is terminated too
    expect(records[0]).toBe(CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/\r/);
    const quoted = toCsv([{ ...pakistan, content: { ...pakistan.content, headline: 'He said "no", twice' } }], CTX);
    expect(quoted).toContain('"He said ""no"", twice"');
    expect(read(quoted)[0]!.headline).toBe('He said "no", twice');
  });

  it('round-trips every seed article through a real CSV parser', () => {
    const articles = allExportArticles();
    const rows = read(toCsv(articles, CTX));
    expect(rows.map((r) => r.id)).toEqual(articles.map((a) => a.id));
    rows.forEach((row, i) => {
      const a = articles[i]!;
      expect(row.headline).toBe(neutralizeFormula(a.content.headline));
      expect(row.body).toBe(neutralizeFormula(a.content.paragraphs.join('\n\n')));
      expect(row.source_sha256).toBe(a.source.sha256);
    });
    // The Arabic fixture comes back byte for byte.
    expect(rows.some((r) => r.headline === 'السعودية تطلق برنامجاً جديداً لدعم الشركات الناشئة')).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as formulas, and only those', () => {
    const hostile = toExportArticle(hostileRecord());
    const payloads = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1', '\n=1', '=HYPERLINK("https://evil.example")'];
    const articles: ExportArticle[] = payloads.map((p, i) => ({ ...hostile, id: `x${i}`, content: { ...hostile.content, headline: p, byline: p }, tags: [p] }));
    const rows = read(toCsv(articles, CTX));
    rows.forEach((row, i) => {
      expect(row.headline).toBe(`'${payloads[i]}`);
      expect(row.byline).toBe(`'${payloads[i]}`);
      expect(row.tags).toBe(`'${payloads[i]}`);
    });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    expect(['a=1', ' =1', '1-2', "'=1", 'Plain', ''].map(neutralizeFormula)).toEqual(['a=1', ' =1', '1-2', "'=1", 'Plain', '']);
  });

  it('never lets any cell start a formula, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const out = neutralizeFormula(s);
      expect(out).not.toMatch(/^[=+\-@\t\r\n]/);
      expect(out === s || out === `'${s}`).toBe(true);
    }), { numRuns: 2000 });
  });

  it('writes a UTF-8 BOM only when asked', () => {
    const plain = toCsv([putin], CTX);
    const withBom = toCsv([putin], CTX, { bom: true });
    expect(plain.startsWith('"id"')).toBe(true);
    expect(withBom.startsWith('\uFEFF"id"')).toBe(true);
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.slice(1)).toBe(plain);
    expect(read(withBom, true)).toEqual(read(plain));
  });

  it('writes the header alone for no articles, and the same bytes every time', () => {
    expect(toCsv([], CTX)).toBe(`${CSV_COLUMNS.map((c) => `"${c}"`).join(',')}\r\n`);
    const articles = allExportArticles();
    expect(toCsv(articles, CTX)).toBe(toCsv(structuredClone(articles), CTX));
  });
});
