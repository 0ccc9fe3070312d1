import { type ArticleContent, type FieldSpan, type ParseWarning, emptyContent } from '../model.js';
import { readByline } from './byline.js';
import { readDateline } from './dateline.js';
import { BULLET, continuesOnNextLine, type Line } from './lines.js';
import { CREDIT_AT_END, joinText, type Region } from './split-articles.js';
import { parseUpdatedLine } from './updated-line.js';

export interface Extracted {
  content: ArticleContent;
  warnings: ParseWarning[];
  /** Where each field stands in the file (absolute offsets), so a reader can show it in the source. */
  spans: FieldSpan[];
}

/** Absolute span [first line's first character, last line's end) of a field made of whole lines. */
export function spanOf(field: FieldSpan['field'], index: number | null, first: Line, last: Line = first): FieldSpan {
  return { field, index, start: first.start + leadingSpace(first), end: last.end };
}

const leadingSpace = (l: Line): number => /^\s*/u.exec(l.text)![0].length;

/** A wrapped headline is short; past this the "headline" is really running text. */
const MAX_HEADLINE_LINES = 4;
const MAX_HEADLINE_CHARS = 200;

/** Reads the fields of one article region. Every content line lands in a field; only furniture is dropped. */
export function extractArticle(lines: Line[], region: Region): Extracted {
  const warnings: ParseWarning[] = [];
  const content = emptyContent();
  const captionLines: string[] = [];
  const captionAt: Line[] = [];
  const spans: FieldSpan[] = [];
  let cursor: number;

  const a = region.anchor;
  if (a && a.headEnd > a.headStart) {
    content.headline = joinText(lines, a.headStart, a.headEnd);
    spans.push(spanOf('headline', null, lines[a.headStart]!, lines[a.headEnd - 1]!));
    for (let i = a.headEnd; i < a.furnitureStart; i++) {
      const l = lines[i]!;
      if (isText(l)) {
        captionLines.push(l.text.trim());
        captionAt.push(l);
      } else if (l.kind === 'bullet') {
        // Highlights printed above the furniture are still highlights, not lost lines.
        spans.push(spanOf('highlights', content.highlights.length, l));
        content.highlights.push(l.text.replace(BULLET, '').trim());
      }
    }
    for (let i = a.furnitureStart; i < a.furnitureEnd; i++) takeUpdated(lines[i]!, content, warnings, spans);
    // Lines between the region start and the headline (only when the headline follows the furniture).
    cursor = Math.max(a.headEnd, a.furnitureEnd, a.repeatEnd);
    if (a.furnitureEnd > a.furnitureStart && a.repeatEnd === a.furnitureEnd && a.headStart < a.furnitureStart) {
      warnings.push({ code: 'headline-not-repeated', message: 'headline is not repeated after the page furniture' });
    }
  } else {
    let i = region.from;
    if (a) for (; i < a.furnitureEnd; i++) takeUpdated(lines[i]!, content, warnings, spans);
    while (i < region.to && !isText(lines[i]!) && lines[i]!.kind !== 'bullet') {
      takeUpdated(lines[i]!, content, warnings, spans);
      i++;
    }
    if (i >= region.to) return { content, spans, warnings: [...warnings, { code: 'no-headline', message: 'no headline found' }] };
    const head = [lines[i]!.text.trim().replace(BULLET, '')];
    let j = i + 1;
    while (j < region.to && isText(lines[j]!) && continuesOnNextLine(head.at(-1)!, lines[j]!.text)) head.push(lines[j++]!.text.trim());
    // Unpunctuated lower-case notes also "continue"; only a short run is a wrapped headline, else the first line is.
    const wrapped = head.length <= MAX_HEADLINE_LINES && head.join(' ').length <= MAX_HEADLINE_CHARS;
    content.headline = wrapped ? head.join(' ') : head[0]!;
    cursor = wrapped ? j : i + 1;
    spans.push(spanOf('headline', null, lines[i]!, lines[cursor - 1]!));
    if (!a) {
      const next = nextContentIndex(lines, cursor, region.to);
      const after = next === -1 ? -1 : nextContentIndex(lines, next + 1, region.to);
      // An unanchored caption is recognisable only by its credit, and only when a body follows it.
      if (next !== -1 && after !== -1 && isText(lines[next]!) && CREDIT_AT_END.test(lines[next]!.text) && !readDateline(lines[next]!.text) && readByline(lines[next]!.text) === null) {
        captionLines.push(lines[next]!.text.trim());
        captionAt.push(lines[next]!);
        cursor = next + 1;
      }
    }
  }

  if (captionLines.length > 0) {
    setCaption(content, captionLines.join(' '));
    spans.push(spanOf('caption', null, captionAt[0]!, captionAt.at(-1)!));
  }
  cursor = readPreBody(lines, cursor, region.to, content, warnings, spans);
  readBody(lines, cursor, region.to, content, warnings, spans);

  if (!a) warnings.push({ code: 'no-anchor', message: 'no page furniture or repeated headline; the first line was taken as the headline' });
  if (content.paragraphs.length === 0) warnings.push({ code: 'no-body', message: 'no body paragraphs' });
  else if (!content.dateline) warnings.push({ code: 'no-dateline', message: 'no dateline opens the body' });
  return { content, warnings, spans };
}

const isText = (l: Line): boolean => l.kind === 'text';

function nextContentIndex(lines: Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i]!.kind !== 'blank' && lines[i]!.kind !== 'separator' && lines[i]!.kind !== 'furniture') return i;
  return -1;
}

function takeUpdated(line: Line, content: ArticleContent, warnings: ParseWarning[], spans: FieldSpan[]): boolean {
  if (line.kind !== 'updated' || content.updated) return false;
  spans.push(spanOf('updated', null, line));
  const parsed = parseUpdatedLine(line.text);
  content.updated = parsed.value;
  if (parsed.problem) warnings.push({ code: parsed.value.relative ? 'relative-date' : 'unparsed-date', message: parsed.problem });
  return true;
}

function setCaption(content: ArticleContent, caption: string): void {
  const m = CREDIT_AT_END.exec(caption);
  if (m) {
    content.credit = m[1]!.trim();
    const rest = caption.slice(0, m.index).trim();
    content.caption = rest === '' ? null : rest;
  } else {
    content.caption = caption;
  }
}

/** Highlights, a late Updated line and the byline sit between the headline and the body, in any order. */
function readPreBody(lines: Line[], from: number, to: number, content: ArticleContent, warnings: ParseWarning[], spans: FieldSpan[]): number {
  let i = from;
  while (i < to) {
    const l = lines[i]!;
    if (l.kind === 'blank' || l.kind === 'furniture' || l.kind === 'separator') {
      i++;
    } else if (l.kind === 'bullet') {
      let text = l.text.replace(BULLET, '').trim();
      i++;
      while (i < to && isText(lines[i]!) && continuesOnNextLine(text, lines[i]!.text)) text += ' ' + lines[i++]!.text.trim();
      spans.push(spanOf('highlights', content.highlights.length, l, lines[i - 1]!));
      content.highlights.push(text);
    } else if (l.kind === 'updated' && !content.updated) {
      takeUpdated(l, content, warnings, spans);
      i++;
    } else if (!content.byline && content.paragraphs.length === 0 && readByline(l.text) !== null) {
      content.byline = readByline(l.text);
      spans.push(spanOf('byline', null, l));
      i++;
    } else {
      break;
    }
  }
  return i;
}

function readBody(lines: Line[], from: number, to: number, content: ArticleContent, warnings: ParseWarning[], spans: FieldSpan[]): void {
  const paragraphs: string[] = [];
  const at: FieldSpan[] = [];
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank' || l.kind === 'separator' || l.kind === 'furniture') continue;
    if (l.kind === 'updated' && takeUpdated(l, content, warnings, spans)) continue;
    const text = l.text.trim();
    const prev = paragraphs.at(-1);
    // Only a line directly below (no blank between) can be the tail of a hard-wrapped paragraph.
    if (prev !== undefined && lines[i - 1]!.kind === 'text' && continuesOnNextLine(prev, text)) {
      paragraphs[paragraphs.length - 1] = `${prev} ${text}`;
      at[at.length - 1]!.end = l.end;
    } else {
      at.push(spanOf('paragraphs', paragraphs.length, l));
      paragraphs.push(text);
    }
  }
  const first = paragraphs[0];
  const dateline = first === undefined ? null : readDateline(first);
  if (dateline) {
    content.dateline = dateline.place;
    content.datelineText = dateline.text;
    if (!content.credit && dateline.agency) content.credit = dateline.agency;
    const rest = dateline.rest.trim();
    const prefix = first!.length - rest.length;
    spans.push({ field: 'dateline', index: null, start: at[0]!.start, end: at[0]!.start + dateline.text.length });
    at[0]!.start += prefix;
    paragraphs[0] = rest;
  }
  spans.push(...at);
  content.paragraphs = paragraphs;
}
