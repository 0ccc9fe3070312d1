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
 * chunk's meta entries. Opening one article (the reader, an edit) then parses one line instead of the whole
 * chunk; the whole file is still checked against its SHA-256 first.
 */
export function bodyText(doc: BodyDoc): string {
  const lines = doc.articles.map((a) => JSON.stringify(a));
  return `{"chunk":${doc.chunk},"rev":${doc.rev},"articles":[\n${lines.join(',\n')}\n]}`;
}

const NEWLINE = 0x0a;

/**
 * Article `index` of a body file laid out by bodyText, or null when the file is not laid out that way (written
 * before it was, as a single line) or the line holds another article: the caller then parses the whole file.
 */
export function articleAt(bytes: Buffer, index: number, id: string): ArticleRecord | null {
  let start = bytes.indexOf(NEWLINE);
  for (let i = 0; i < index && start !== -1; i++) start = bytes.indexOf(NEWLINE, start + 1);
  if (start === -1) return null;
  let end = bytes.indexOf(NEWLINE, start + 1);
  if (end === -1) return null;
  if (bytes[end - 1] === 0x2c /* , */) end--;
  let rec: ArticleRecord;
  try {
    rec = JSON.parse(bytes.subarray(start + 1, end).toString('utf8')) as ArticleRecord;
  } catch {
    // The checksum matched, so these are the bytes the store wrote: not this layout, not damage.
    return null;
  }
  if (rec?.id !== id) return null;
  return rec;
}
