import type { ArticleContent, ParseWarning } from '../model.js';
import { readDateline } from './dateline.js';
import { BULLET, continuesOnNextLine, type Line } from './lines.js';
import { CREDIT_AT_END, joinText, type Region } from './split-articles.js';
import { parseUpdatedLine } from './updated-line.js';

export interface Extracted {
  content: ArticleContent;
  warnings: ParseWarning[];
}

const BYLINE = /^by\s+(\S.{0,118})$/iu;

/** Reads the fields of one article region. Every content line lands in a field; only furniture is dropped. */
export function extractArticle(lines: Line[], region: Region): Extracted {
  const warnings: ParseWarning[] = [];
  const content: ArticleContent = {
    headline: '',
    caption: null,
    credit: null,
    updated: null,
    highlights: [],
    byline: null,
    dateline: null,
    datelineText: null,
    paragraphs: [],
  };
  const captionLines: string[] = [];
  let cursor: number;

  const a = region.anchor;
  if (a && a.headEnd > a.headStart) {
    content.headline = joinText(lines, a.headStart, a.headEnd);
    for (let i = a.headEnd; i < a.furnitureStart; i++) if (isText(lines[i]!)) captionLines.push(lines[i]!.text.trim());
    for (let i = a.furnitureStart; i < a.furnitureEnd; i++) takeUpdated(lines[i]!, content, warnings);
    // Lines between the region start and the headline (only when the headline follows the furniture).
    cursor = Math.max(a.headEnd, a.furnitureEnd, a.repeatEnd);
    if (a.furnitureEnd > a.furnitureStart && a.repeatEnd === a.furnitureEnd && a.headStart < a.furnitureStart) {
      warnings.push({ code: 'headline-not-repeated', message: 'headline is not repeated after the page furniture' });
    }
  } else {
    let i = region.from;
    if (a) for (; i < a.furnitureEnd; i++) takeUpdated(lines[i]!, content, warnings);
    while (i < region.to && !isText(lines[i]!) && lines[i]!.kind !== 'bullet') {
      takeUpdated(lines[i]!, content, warnings);
      i++;
    }
    if (i >= region.to) return { content, warnings: [...warnings, { code: 'no-headline', message: 'no headline found' }] };
    const head = [lines[i]!.text.trim().replace(BULLET, '')];
    i++;
    while (i < region.to && isText(lines[i]!) && continuesOnNextLine(head.at(-1)!, lines[i]!.text)) head.push(lines[i++]!.text.trim());
    content.headline = head.join(' ');
    cursor = i;
    if (!a) {
      const next = nextContentIndex(lines, cursor, region.to);
      const after = next === -1 ? -1 : nextContentIndex(lines, next + 1, region.to);
      // An unanchored caption is recognisable only by its credit, and only when a body follows it.
      if (next !== -1 && after !== -1 && isText(lines[next]!) && CREDIT_AT_END.test(lines[next]!.text) && !readDateline(lines[next]!.text) && !BYLINE.test(lines[next]!.text.trim())) {
        captionLines.push(lines[next]!.text.trim());
        cursor = next + 1;
      }
    }
  }

  if (captionLines.length > 0) setCaption(content, captionLines.join(' '));
  cursor = readPreBody(lines, cursor, region.to, content, warnings);
  readBody(lines, cursor, region.to, content, warnings);

  if (!a) warnings.push({ code: 'no-anchor', message: 'no page furniture or repeated headline; the first line was taken as the headline' });
  if (content.paragraphs.length === 0) warnings.push({ code: 'no-body', message: 'no body paragraphs' });
  else if (!content.dateline) warnings.push({ code: 'no-dateline', message: 'no dateline opens the body' });
  return { content, warnings };
}

const isText = (l: Line): boolean => l.kind === 'text';

function nextContentIndex(lines: Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i]!.kind !== 'blank' && lines[i]!.kind !== 'separator' && lines[i]!.kind !== 'furniture') return i;
  return -1;
}

function takeUpdated(line: Line, content: ArticleContent, warnings: ParseWarning[]): boolean {
  if (line.kind !== 'updated' || content.updated) return false;
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
function readPreBody(lines: Line[], from: number, to: number, content: ArticleContent, warnings: ParseWarning[]): number {
  let i = from;
  while (i < to) {
    const l = lines[i]!;
    if (l.kind === 'blank' || l.kind === 'furniture' || l.kind === 'separator') {
      i++;
    } else if (l.kind === 'bullet') {
      let text = l.text.replace(BULLET, '').trim();
      i++;
      while (i < to && isText(lines[i]!) && continuesOnNextLine(text, lines[i]!.text)) text += ' ' + lines[i++]!.text.trim();
      content.highlights.push(text);
    } else if (l.kind === 'updated' && !content.updated) {
      takeUpdated(l, content, warnings);
      i++;
    } else if (!content.byline && content.paragraphs.length === 0 && BYLINE.test(l.text.trim())) {
      content.byline = BYLINE.exec(l.text.trim())![1]!.trim();
      i++;
    } else {
      break;
    }
  }
  return i;
}

function readBody(lines: Line[], from: number, to: number, content: ArticleContent, warnings: ParseWarning[]): void {
  const paragraphs: string[] = [];
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank' || l.kind === 'separator' || l.kind === 'furniture') continue;
    if (l.kind === 'updated' && takeUpdated(l, content, warnings)) continue;
    const text = l.text.trim();
    const prev = paragraphs.at(-1);
    // Only a line directly below (no blank between) can be the tail of a hard-wrapped paragraph.
    if (prev !== undefined && lines[i - 1]!.kind === 'text' && continuesOnNextLine(prev, text)) {
      paragraphs[paragraphs.length - 1] = `${prev} ${text}`;
    } else {
      paragraphs.push(text);
    }
  }
  const first = paragraphs[0];
  const dateline = first === undefined ? null : readDateline(first);
  if (dateline) {
    content.dateline = dateline.place;
    content.datelineText = dateline.text;
    if (!content.credit && dateline.agency) content.credit = dateline.agency;
    paragraphs[0] = dateline.rest.trim();
  }
  content.paragraphs = paragraphs;
}
