import { stringify } from 'csv-stringify/sync';
import type { ExportArticle, ExportContext } from './types.js';
import { isFalseOrMisleading, rulings } from './verdicts.js';

/**
 * One row per article, for a spreadsheet. Columns, in order:
 *
 *   id                   the desk's article id
 *   headline, dateline   as corrected; dateline is the place (SEOUL), as in the list
 *   updated              the Updated line as printed ("Updated 13 August 2025", "Updated 7 sec ago")
 *   updated_date         its day as YYYY-MM-DD when the page gave an absolute one, else empty
 *   status               new, in-review, checked, approved, flagged or spiked
 *   tags                 joined with "; " (for reading: a tag may itself hold a ";")
 *   byline, caption, credit
 *   corrected            "yes" when the text differs from the original parse, else "no"
 *   correction_notice    the public correction, if any
 *   editor_note          the internal editor's note (a spreadsheet is a working document, unlike HTML or Markdown)
 *   claims_ruled         claims with a ruling (see `rulings`), orphaned ones included
 *   false_or_misleading  of those, the ones rated 2 or lower on the 1–5 scale
 *   source_file, source_sha256   the seed file and the SHA-256 of the article's text in it
 *   highlights           one per line
 *   body                 the paragraphs, separated by a blank line
 *
 * Quoting follows RFC 4180: every field in double quotes, quotes doubled, records ended by CRLF (line breaks
 * inside a field are kept as they are, inside its quotes). The header row is always written.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and a leading
 * tab, CR or LF can hide one), so such a cell gets a leading apostrophe, as OWASP advises. Excel and LibreOffice
 * hide that apostrophe and show the text; other readers show it. A body starting "-5 degrees" reads "'-5 degrees":
 * the price of a file that can be opened safely.
 */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read UTF-8 (other tools may show it). */
  bom?: boolean;
}

export const CSV_COLUMNS = [
  'id', 'headline', 'dateline', 'updated', 'updated_date', 'status', 'tags', 'byline', 'caption', 'credit', 'corrected',
  'correction_notice', 'editor_note', 'claims_ruled', 'false_or_misleading', 'source_file', 'source_sha256', 'highlights', 'body',
] as const;

export function toCsv(articles: readonly ExportArticle[], ctx: ExportContext, opts: CsvOptions = {}): string {
  const rows = articles.map((a) => row(a, ctx).map(neutralizeFormula));
  return stringify([[...CSV_COLUMNS], ...rows], { bom: opts.bom === true, quoted: true, quoted_empty: true, record_delimiter: 'windows', eof: true });
}

function row(a: ExportArticle, ctx: ExportContext): string[] {
  const c = a.content;
  const ruled = rulings(a, ctx);
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: a.id,
    headline: c.headline,
    dateline: c.dateline ?? '',
    updated: c.updated?.raw ?? '',
    updated_date: c.updated && !c.updated.relative ? (c.updated.date ?? '') : '',
    status: a.status,
    tags: a.tags.join('; '),
    byline: c.byline ?? '',
    caption: c.caption ?? '',
    credit: c.credit ?? '',
    corrected: a.corrected ? 'yes' : 'no',
    correction_notice: a.correctionNotice ?? '',
    editor_note: a.notes ?? '',
    claims_ruled: String(ruled.length),
    false_or_misleading: String(ruled.filter((r) => isFalseOrMisleading(r.verdict)).length),
    source_file: a.source.file,
    source_sha256: a.source.sha256,
    highlights: c.highlights.join('\n'),
    body: c.paragraphs.join('\n\n'),
  };
  return CSV_COLUMNS.map((k) => cells[k]);
}

const FORMULA_START = /^[=+\-@\t\r\n]/u;

/** A cell a spreadsheet could run as a formula, made inert with a leading apostrophe. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
