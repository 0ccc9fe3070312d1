import type { ArticleContent } from '../model.js';
import type { ArticleText, Segment, SegmentField } from './types.js';

/**
 * Fields are joined by a blank line, so no sentence, quote or name can run from one field into the next, and a
 * reader of the raw text sees the same blocks an editor does.
 */
export const FIELD_SEPARATOR = '\n\n';

/**
 * The single text every fact-check analysis and anchor refers to, built the same way every time from the
 * article's current content: headline, highlights, caption, then the body (dateline label and first paragraph
 * on one line, as printed). Credit, byline and the Updated line are page furniture, not claims, and are left out.
 *
 * Each field's value is copied verbatim into its segment, so an offset inside a segment is the same offset inside
 * the field — a correction to `paragraph:3` can be mapped straight onto anchors and back.
 */
export function articleText(content: ArticleContent): ArticleText {
  let text = '';
  const segments: Segment[] = [];
  const block = (pieces: [SegmentField, string | null | undefined][]): void => {
    const present = pieces.filter((p): p is [SegmentField, string] => typeof p[1] === 'string' && p[1].trim() !== '');
    if (present.length === 0) return;
    if (text !== '') text += FIELD_SEPARATOR;
    present.forEach(([field, value], i) => {
      if (i > 0) text += ' ';
      segments.push({ field, start: text.length, end: text.length + value.length });
      text += value;
    });
  };

  block([['headline', content.headline]]);
  content.highlights.forEach((h, i) => block([[`highlight:${i + 1}`, h]]));
  block([['caption', content.caption]]);
  // The dateline label shares the first paragraph's line but keeps its own segment: it is a separate field.
  content.paragraphs.forEach((p, i) => block(i === 0 ? [['datelineText', content.datelineText], ['paragraph:1', p]] : [[`paragraph:${i + 1}`, p]]));
  if (content.paragraphs.length === 0) block([['datelineText', content.datelineText]]);
  return { text, segments };
}

/** The field holding start..end and the offsets within that field's value; null when the span crosses fields. */
export function fieldAt(segments: readonly Segment[], start: number, end = start): { field: SegmentField; start: number; end: number } | null {
  for (const s of segments) {
    if (start >= s.start && end <= s.end && start <= end) return { field: s.field, start: start - s.start, end: end - s.start };
  }
  return null;
}

/** The segment a position falls in (the one before a separator when it falls between fields). */
export function segmentAt(segments: readonly Segment[], offset: number): Segment | null {
  let found: Segment | null = null;
  for (const s of segments) {
    if (s.start > offset) break;
    found = s;
  }
  return found;
}
