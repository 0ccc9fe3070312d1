import { DeskError } from '../result.js';
import type { Status } from '../statuses.js';
import { jsonText } from './json-text.js';
import { validateNinjs } from './ninjs-validator.js';
import type { ExportArticle, ExportContext } from './types.js';
import { quoteOf, rulings } from './verdicts.js';

/**
 * IPTC ninjs 3.1, one document per article, corrections applied. Only what the article says is mapped; nothing
 * is guessed to fill a field (no language, no time of day, no picture file). Every document is validated against
 * the published schema before it leaves here, and an invalid one is refused, never written.
 *
 *   uri               urn:copydesk:article:<id>            (the only required property; `format: uri`)
 *   type              "text"; representationType "full"
 *   versionCreated    the Updated day, only when the page gave an absolute one (see below)
 *   pubStatus         approved → usable, spiked → canceled, anything else → withheld (not cleared for use yet)
 *   headlines         the headline                          role "main", text/plain
 *   by, located       the byline, the dateline place
 *   descriptions      each highlight (role "highlight") and the public correction notice (role "correction")
 *   bodies            the paragraphs, blank-line separated   role "main", text/plain, with char and word counts
 *   subjects          one { name } per tag (3.x has no `keywords`)
 *   infoSources       the credit (an agency such as REUTERS), whose role the parser cannot tell: picture or story
 *   edNote            correction notice, editor's note and the desk's rulings, for the receiving editors
 *   altIds            the SHA-256 of the seed text the article came from (provenance)
 *   associations      a picture named by its caption, when there is one: type "picture", representationType
 *                     "partial" because the desk holds the caption, not the image, so it has no renditions
 *
 * `language` is left out: the desk does not record it and guessing from the script would be inventing it.
 */
export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '3.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
} as const;

export interface NinjsText {
  role?: string;
  contentType?: string;
  value: string;
}

export interface NinjsBody extends NinjsText {
  charCount: number;
  wordCount: number;
}

export interface NinjsAssociation {
  name: string;
  uri: string;
  type: 'picture';
  representationType: 'partial';
  descriptions: NinjsText[];
}

/** The subset of ninjs 3.1 Copydesk writes, in the order its keys are written. */
export interface NinjsDocument {
  standard: typeof NINJS_STANDARD;
  uri: string;
  type: 'text';
  representationType: 'full';
  versionCreated?: string;
  pubStatus: 'usable' | 'withheld' | 'canceled';
  headlines?: NinjsText[];
  by?: string;
  located?: string;
  descriptions?: NinjsText[];
  bodies?: NinjsBody[];
  subjects?: { name: string }[];
  infoSources?: { name: string }[];
  edNote?: string;
  altIds: { role: string; value: string }[];
  associations?: NinjsAssociation[];
}

export const articleUri = (id: string): string => `urn:copydesk:article:${id}`;

const PUB_STATUS: Record<Status, NinjsDocument['pubStatus']> = {
  new: 'withheld',
  'in-review': 'withheld',
  checked: 'withheld',
  flagged: 'withheld',
  approved: 'usable',
  spiked: 'canceled',
};

/** The ninjs document for one article; throws INTERNAL rather than return one the schema rejects. */
export function toNinjs(a: ExportArticle, ctx: ExportContext): NinjsDocument {
  const c = a.content;
  const descriptions = [
    ...c.highlights.filter(present).map((value) => plain('highlight', value)),
    ...(present(a.correctionNotice) ? [plain('correction', a.correctionNotice)] : []),
  ];
  const paragraphs = c.paragraphs.filter(present);
  const edNote = editorsNote(a, ctx);
  const doc: NinjsDocument = {
    standard: NINJS_STANDARD,
    uri: articleUri(a.id),
    type: 'text',
    representationType: 'full',
    ...(c.updated?.date && !c.updated.relative ? { versionCreated: dayAsDateTime(c.updated.date) } : {}),
    pubStatus: PUB_STATUS[a.status],
    ...(present(c.headline) ? { headlines: [plain('main', c.headline)] } : {}),
    ...(present(c.byline) ? { by: c.byline } : {}),
    ...(present(c.dateline) ? { located: c.dateline } : {}),
    ...(descriptions.length > 0 ? { descriptions } : {}),
    ...(paragraphs.length > 0 ? { bodies: [body(paragraphs.join('\n\n'))] } : {}),
    ...(a.tags.length > 0 ? { subjects: a.tags.map((name) => ({ name })) } : {}),
    ...(present(c.credit) ? { infoSources: [{ name: c.credit }] } : {}),
    ...(edNote ? { edNote } : {}),
    altIds: [{ role: 'source-sha256', value: a.source.sha256 }],
    ...(present(c.caption) ? { associations: [picture(a.id, c.caption)] } : {}),
  };
  const problems = validateNinjs(doc);
  if (problems.length > 0) {
    throw new DeskError('INTERNAL', `the ninjs for article ${a.id} does not validate against ninjs 3.1, so it was not written: ${problems.join('; ')}`);
  }
  return doc;
}

/** The file's text: two-space indented JSON with a trailing newline. */
export function ninjsText(a: ExportArticle, ctx: ExportContext): string {
  return jsonText(toNinjs(a, ctx));
}

/**
 * `versionCreated` must be a full date-time, but the page gives a day (a time, where printed, has no zone). The
 * day is written as its start in UTC, which is the day as printed; no hour or zone is made up beyond that.
 */
function dayAsDateTime(day: string): string {
  return `${day}T00:00:00Z`;
}

/**
 * What receiving editors should know and readers should not see as such: the public correction (also in
 * `descriptions`, where a CMS can publish it), the internal note, and each ruling with its verdict label.
 */
function editorsNote(a: ExportArticle, ctx: ExportContext): string | null {
  const lines: string[] = [];
  if (present(a.correctionNotice)) lines.push(`Correction: ${a.correctionNotice}`);
  if (present(a.notes)) lines.push(`Editor's note: ${a.notes}`);
  for (const { claim, verdict } of rulings(a, ctx)) {
    lines.push(`Fact-check: “${quoteOf(claim)}” — ${verdict.label}${claim.orphaned ? ' (no longer in the text)' : ''}`);
  }
  return lines.length > 0 ? lines.join('\n') : null;
}

function picture(id: string, caption: string): NinjsAssociation {
  return {
    name: 'picture',
    uri: `${articleUri(id)}:picture`,
    type: 'picture',
    representationType: 'partial',
    descriptions: [plain('caption', caption)],
  };
}

function body(value: string): NinjsBody {
  return { role: 'main', contentType: 'text/plain', charCount: codePoints(value), wordCount: countWords(value), value };
}

/** A character outside the Basic Multilingual Plane: two UTF-16 code units, one character. */
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;
const WORD = /[\p{L}\p{N}]\S*/gu;

/** Characters as `[...text].length` counts them (a lone surrogate is one), without making that array. */
function codePoints(text: string): number {
  return text.length - (text.match(ASTRAL)?.length ?? 0);
}

const plain = (role: string, value: string): NinjsText => ({ role, contentType: 'text/plain', value });

function present(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim() !== '';
}

/**
 * Whitespace-separated words with at least one letter or digit. Each match starts at a word's first letter or
 * digit and runs to its end, so there is one per such word: the count `split(/\s+/)` and a filter would give,
 * in one linear pass and without an array of every word.
 */
function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
