import { parseUpdatedLine } from './updated-line.js';

/** One physical line of the decoded file. Offsets point into the decoded text, so provenance survives CRLF. */
export interface Line {
  /** NFC-normalised, trailing whitespace removed. */
  text: string;
  start: number;
  end: number;
  kind: LineKind;
}

export type LineKind = 'blank' | 'separator' | 'furniture' | 'updated' | 'bullet' | 'text';

const BLANK = /^(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)*$/u;
const SEPARATOR = /^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$/u;
const FURNITURE = /^(?:short\s*url|follow)$/iu;
const UPDATED = /^(?:last\s+)?updated\b/iu;
export const BULLET = /^\s*[•●▪◦‣∙*-]\s+(?=\S)/u;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    const raw = text.slice(start, end).normalize('NFC').trimEnd();
    lines.push({ text: raw, start, end, kind: classify(raw) });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return lines;
}

function classify(text: string): LineKind {
  if (BLANK.test(text)) return 'blank';
  if (SEPARATOR.test(text)) return 'separator';
  const t = text.trim();
  if (FURNITURE.test(t)) return 'furniture';
  // "Updated figures show…" is prose; only a line whose remainder reads as a date or an age is furniture.
  if (UPDATED.test(t) && t.length <= 80 && parseUpdatedLine(t).recognised) return 'updated';
  if (BULLET.test(text)) return 'bullet';
  return 'text';
}

/** A wrapped line ends without closing punctuation and the next one carries on in lower case. */
export function continuesOnNextLine(current: string, next: string): boolean {
  return !/[.!?:;…"”’)\]»]$/u.test(current.trimEnd()) && /^\s*\p{Ll}/u.test(next);
}

export const isContent = (l: Line): boolean => l.kind !== 'blank' && l.kind !== 'separator';
