import { crc32 } from 'node:zlib';
import type { ArticleRecord } from '../model.js';
import type { BodyDoc } from './layout.js';

/**
 * A body file is one JSON document, written one article to a line:
 *
 *   {"chunk":3,"rev":7,"articles":[
 *   {…article 0…},
 *   {…article 1…}
 *   ]}
 *
 * JSON.stringify escapes every newline inside a string, so article i is exactly line i + 1, in the order of the
 * chunk's meta entries. The meta file records where each line is and its CRC-32 (`lineIndex`), so opening one
 * article (the reader, an edit) reads and checks just its line; without that, the whole file is read and checked
 * against its SHA-256, and one line parsed (`articleAt`).
 */
export function bodyText(doc: BodyDoc): string {
  const lines = doc.articles.map((a) => JSON.stringify(a));
  return `{"chunk":${doc.chunk},"rev":${doc.rev},"articles":[\n${lines.join(',\n')}\n]}`;
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;

/** Where line `index` (0-based, after the opening line) starts, or -1. */
function lineStart(bytes: Buffer, index: number): number {
  let at = bytes.indexOf(NEWLINE);
  for (let i = 0; i < index && at !== -1; i++) at = bytes.indexOf(NEWLINE, at + 1);
  return at === -1 ? -1 : at + 1;
}

/** The article's JSON on a line, without the comma that separates it from the next. */
function lineEnd(bytes: Buffer, start: number): number {
  const end = bytes.indexOf(NEWLINE, start);
  if (end === -1) return -1;
  return bytes[end - 1] === COMMA ? end - 1 : end;
}

/**
 * Article `index` of a body file laid out by bodyText, or null when the file is not laid out that way (written
 * before it was, as a single line) or the line holds another article: the caller then parses the whole file.
 */
export function articleAt(bytes: Buffer, index: number, id: string): ArticleRecord | null {
  const start = lineStart(bytes, index);
  const end = start === -1 ? -1 : lineEnd(bytes, start);
  return end === -1 ? null : parseLine(bytes.subarray(start, end), id);
}

/** One article's line parsed, or null when it does not hold that article. */
export function parseLine(line: Buffer, id: string): ArticleRecord | null {
  let rec: ArticleRecord;
  try {
    rec = JSON.parse(line.toString('utf8')) as ArticleRecord;
  } catch {
    // The line passed its check, so these are the bytes the store wrote: not this layout, not damage.
    return null;
  }
  return rec?.id === id ? rec : null;
}

export interface LineSpan {
  offset: number;
  length: number;
  crc: number;
}

/**
 * Each article line of a body file laid out by bodyText: "<offset>.<length>.<crc32>" in base 36, space-separated,
 * in article order. One string rather than an array of numbers because every meta file is parsed at open, and
 * a string is the cheapest JSON value to skip over; it is split only for the chunk being read.
 */
export function lineIndex(bytes: Buffer, count: number): string {
  const spans: string[] = [];
  let start = lineStart(bytes, 0);
  for (let i = 0; i < count && start !== -1; i++) {
    const end = lineEnd(bytes, start);
    if (end === -1) break;
    spans.push(`${start.toString(36)}.${(end - start).toString(36)}.${crc32(bytes.subarray(start, end)).toString(36)}`);
    start = end + (bytes[end] === COMMA ? 2 : 1);
  }
  return spans.join(' ');
}

/** Article `index`'s line in an index lineIndex wrote, or null when the index has no such entry. */
export function lineSpan(index: string, at: number): LineSpan | null {
  const entry = index.split(' ', at + 1)[at];
  const parts = entry?.split('.');
  if (parts?.length !== 3) return null;
  const [offset, length, crc] = parts.map((p) => parseInt(p, 36)) as [number, number, number];
  return Number.isSafeInteger(offset) && Number.isSafeInteger(length) && Number.isSafeInteger(crc) ? { offset, length, crc } : null;
}

/** Whether a line read from disk is the one lineIndex described. */
export function lineIntact(line: Buffer, span: LineSpan): boolean {
  return line.length === span.length && crc32(line) === span.crc;
}
