import type { ArticleText, SegmentField } from './types.js';

/** A direct quotation: the marks (open..close) and the quoted words inside them (start..end). */
export interface QuoteSpan {
  open: number;
  close: number;
  start: number;
  end: number;
  field: SegmentField;
}

/**
 * Direct quotations, field by field (a quote never spans fields).
 *  - Curly marks pair unambiguously. A “ left open runs to the end of its paragraph: the newspaper convention for
 *    a quotation that continues into the next paragraph.
 *  - Straight " marks pair in order within a field; an odd one left over (an inch mark, a typo) is ignored.
 *  - Single quotation marks are not read: they cannot be told from apostrophes reliably.
 * The quoted words are trimmed, and a trailing comma is dropped (it belongs to the attribution: `“…,” she said`).
 */
export function quoteSpans(at: ArticleText): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const seg of at.segments) {
    if (seg.field === 'datelineText') continue;
    const found: { open: number; close: number }[] = [];
    let i = seg.start;
    while (i < seg.end) {
      const ch = at.text[i];
      if (ch === '“') {
        let j = i + 1;
        while (j < seg.end && at.text[j] !== '”' && at.text[j] !== '“') j++;
        if (j < seg.end && at.text[j] === '“') {
          i = j; // a new quote opened before this one closed: the first mark was stray
          continue;
        }
        found.push({ open: i, close: j < seg.end ? j + 1 : seg.end });
        i = j + 1;
      } else if (ch === '"') {
        const j = at.text.indexOf('"', i + 1);
        if (j === -1 || j >= seg.end) break;
        found.push({ open: i, close: j + 1 });
        i = j + 1;
      } else {
        i++;
      }
    }
    for (const q of found) {
      const closed = at.text[q.close - 1] === '”' || (at.text[q.close - 1] === '"' && q.close - 1 > q.open);
      let start = q.open + 1;
      let end = closed ? q.close - 1 : q.close;
      while (start < end && /\s/.test(at.text[start]!)) start++;
      while (end > start && /[\s,]/.test(at.text[end - 1]!)) end--;
      if (end > start) out.push({ open: q.open, close: q.close, start, end, field: seg.field });
    }
  }
  return out;
}

/** Same words, ignoring case, spacing, apostrophe style and final punctuation. */
export function sameWording(a: string, b: string): boolean {
  return wordingKey(a) === wordingKey(b);
}

export function wordingKey(s: string): string {
  return s.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').replace(/[\s.,;:!?…]+$/u, '').trim().toLowerCase();
}
