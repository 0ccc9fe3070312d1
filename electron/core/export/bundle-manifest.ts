import { z } from 'zod';
import { ArticleRecordSchema } from '../model.js';
import { DeskError } from '../result.js';

/**
 * The bundle archive's contract: the names it reserves, the manifest and history schemas, the rules for entry
 * names, the limits a reader enforces (the writer enforces the same ones, so Copydesk never writes a bundle it
 * would refuse to read), canonical JSON, and the README a person reads. Writer and reader both import this
 * file and nothing of each other.
 */

export const BUNDLE_FORMAT = 'copydesk-bundle';
export const BUNDLE_VERSION = 1;
export const HISTORY_FORMAT = 'copydesk-article-history';
export const HISTORY_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const README_PATH = 'README.txt';
export const BUNDLE_RECORD_PATH = 'bundle.json';
export const HISTORY_DIR = 'history';
export const historyPath = (id: string): string => `${HISTORY_DIR}/${id}.json`;

/**
 * Every entry is a regular file, at most 8 folders deep, each name part starting with a letter, digit or `_`
 * and holding only ASCII letters, digits, `.`, `_` and `-`. That is stricter than "no `..`": it also rules out
 * NUL, backslashes, drive letters, hidden files, Unicode look-alikes and names that differ only in
 * normalisation, so no unzip tool on any OS can be led outside the folder it extracts into.
 */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/u;
const MAX_PATH_LENGTH = 240;
const MAX_DEPTH = 8;

/** Why `path` is not a safe entry name, or null when it is. */
export function entryPathProblem(path: string): string | null {
  if (path.length === 0) return 'the name is empty';
  if (path.includes('\0')) return 'the name contains a NUL character';
  if (path.includes('\\')) return 'the name contains a backslash';
  if (path.startsWith('/')) return 'the name is an absolute path';
  if (/^[A-Za-z]:/u.test(path)) return 'the name starts with a drive letter';
  if (path.length > MAX_PATH_LENGTH) return `the name is longer than ${MAX_PATH_LENGTH} characters`;
  const segments = path.split('/');
  if (segments.includes('..') || segments.includes('.')) return 'the name has a "." or ".." part';
  if (segments.includes('')) return 'the name has an empty part (a doubled or trailing "/")';
  if (segments.length > MAX_DEPTH) return `the name is more than ${MAX_DEPTH} folders deep`;
  if (!segments.every((s) => SEGMENT.test(s))) return 'the name has characters other than A-Z, a-z, 0-9, ".", "_" and "-", or a part starting with "." or "-"';
  return null;
}

/** Names are compared case-folded: two entries one letter-case apart would overwrite each other on macOS and Windows. */
export const entryKey = (path: string): string => path.toLowerCase();

/** Article ids name history files, so they follow the same rule, without dots (`<id>.json` stays unambiguous). */
export const ArticleIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9_][A-Za-z0-9_-]*$/u, 'an article id is letters, digits, "_" and "-"');

/** A format's folder name and manifest label: `ninjs`, `md`, `claimreview`, `html`, `csv`, … */
export const FormatNameSchema = z.string().min(1).max(40).regex(/^[a-z0-9][a-z0-9-]*$/u, 'a format name is lowercase letters, digits and "-"');

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/u, 'a SHA-256 is 64 lowercase hex digits');

export const EntryPathSchema = z.string().superRefine((path, ctx) => {
  const problem = entryPathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: `unsafe name ${JSON.stringify(path)}: ${problem}` });
});

export const ManifestFileSchema = z.strictObject({
  path: EntryPathSchema,
  sha256: Sha256Schema,
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

export const ManifestArticleSchema = z.strictObject({
  id: ArticleIdSchema,
  /** The current headline (corrections applied), for a person reading the manifest; never used to restore. */
  headline: z.string(),
  /** The article's own rendered files (ninjs, md, claimreview…); its history file is listed in `files`. */
  files: z.array(ManifestFileSchema),
  /** The seed file's name and the SHA-256 of the article's text as it stood in that file (record.source.sha256). */
  source: z.strictObject({ file: z.string(), sha256: Sha256Schema }),
});
export type ManifestArticle = z.infer<typeof ManifestArticleSchema>;

export const BundleManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  bundle: z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(1000), description: z.string().max(100_000) }),
  created: z.iso.datetime({ offset: true }),
  app: z.strictObject({ name: z.literal('copydesk'), version: z.string().min(1).max(64) }),
  editor: z.string().max(1000),
  formats: z.array(FormatNameSchema),
  articles: z.array(ManifestArticleSchema),
  /** Every other entry but the manifest itself: README.txt, bundle.json, bundle-wide renders, history files. */
  files: z.array(ManifestFileSchema),
});
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

/** What a history file restores: the whole stored record but its desk-local sequence number. */
export const ArticleHistoryRecordSchema = ArticleRecordSchema.omit({ seq: true });
export type ArticleHistoryRecord = z.infer<typeof ArticleHistoryRecordSchema>;

export const ArticleHistorySchema = z.strictObject({
  format: z.literal(HISTORY_FORMAT),
  version: z.literal(HISTORY_VERSION),
  record: ArticleHistoryRecordSchema,
});

/**
 * How much an archive may hold. The reader refuses anything beyond these before (declared sizes) and while
 * (actual inflated bytes) unpacking; the writer refuses to make such an archive.
 *
 * - `maxEntries` 250,000: a bundle has 4 + (per-article formats + 1) × articles entries, so with every
 *   per-article format (ninjs, md, claimreview) that is 62,000 articles, far beyond a curated bundle, while
 *   250,000 small metadata records stay a few tens of MB.
 * - `maxTotalBytes` 2 GiB and `maxEntryBytes` 512 MiB: the reader returns every file in memory.
 * - `maxCompressionRatio` 200:1 for entries over `ratioFloorBytes` (1 MiB): Copydesk's JSON and text compress
 *   10-20:1; deflate's own ceiling is about 1,000:1, which only a bomb approaches. Small entries are exempt
 *   because a short, repetitive file can legitimately compress very well and cannot hurt.
 * - `maxJsonDepth` 64: records nest about 6 deep; deep nesting would only exhaust the stack of later code.
 */
export interface ArchiveLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  maxJsonDepth: number;
}

export const DEFAULT_ARCHIVE_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxEntries: 250_000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 ** 2,
  maxJsonDepth: 64,
});

const PositiveInt = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const LimitsSchema = z.strictObject({
  maxEntries: PositiveInt,
  maxTotalBytes: PositiveInt,
  maxEntryBytes: PositiveInt,
  maxCompressionRatio: z.number().positive(),
  ratioFloorBytes: z.number().int().nonnegative(),
  maxJsonDepth: PositiveInt,
});

export function resolveLimits(overrides: Partial<ArchiveLimits> = {}): ArchiveLimits {
  const parsed = LimitsSchema.safeParse({ ...DEFAULT_ARCHIVE_LIMITS, ...overrides });
  if (!parsed.success) throw new DeskError('INVALID_INPUT', `invalid archive limits: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/** One zod issue as "where: what", for messages a person reads. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * The deepest nesting of `[` and `{` in JSON text, found without parsing, so hostile input is measured before
 * JSON.parse or any recursive code walks it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, which may be a quote
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * JSON with object keys sorted (by UTF-16 code unit, never by locale), two-space indents and a final newline.
 * Key order therefore never depends on how an object was built, which byte-identical archives need. Only plain
 * JSON is accepted: a Date, a function, undefined in an array or a non-finite number is refused rather than
 * silently changed the way JSON.stringify would.
 *
 * With `depth`, a value nesting arrays and objects deeper than `depth.max` is refused with `depth.refuse()` as
 * soon as the walk gets there: the same count `jsonDepth` makes of the text, without a second pass over it.
 */
export function canonicalJson(value: unknown, depth?: { max: number; refuse: () => Error }): string {
  const walk = new CanonicalWalk(depth?.max ?? Infinity, depth?.refuse);
  return `${JSON.stringify(walk.value(value, 0), null, 2)}\n`;
}

/**
 * The sorted copy JSON.stringify then writes. Where a refused value sits (`$.a[0].b`) is spelt out only when
 * one is refused: building that string for every value would cost more than the copy itself.
 */
class CanonicalWalk {
  private readonly path: (string | number)[] = [];

  constructor(
    private readonly maxDepth: number,
    private readonly refuseDepth: (() => Error) | undefined,
  ) {}

  value(value: unknown, depth: number): unknown {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw this.notJson(`${value} is not a JSON number`);
      return value;
    }
    if (typeof value !== 'object') throw this.notJson(`a ${typeof value} is not JSON`);
    if (depth >= this.maxDepth) throw this.refuseDepth!();
    if (Array.isArray(value)) {
      // map, like JSON.stringify's own walk, leaves a sparse array's holes alone (they are written as null).
      return value.map((v: unknown, i) => {
        this.path.push(i);
        const copy = this.value(v, depth + 1);
        this.path.pop();
        return copy;
      });
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw this.notJson('only plain objects can be written');
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(source).sort(byCodeUnit)) {
      const v = source[k];
      if (v === undefined) continue;
      this.path.push(k);
      const copy = this.value(v, depth + 1);
      this.path.pop();
      // Defined, not assigned, so a "__proto__" key stays data instead of becoming a prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: copy, enumerable: true, writable: true, configurable: true });
      else out[k] = copy;
    }
    return out;
  }

  private notJson(why: string): DeskError {
    const where = this.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    return new DeskError('INVALID_INPUT', `cannot write the bundle: $${where}: ${why}`);
  }
}

/** Code-unit order, the same on every machine and locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const FOLDER_NOTES: Record<string, string> = {
  ninjs: 'one IPTC ninjs 3.1 JSON document per article, corrections applied',
  md: 'one Markdown file per article, with YAML front matter and any correction notice',
  claimreview: "schema.org ClaimReview JSON-LD for each article's checked claims",
  html: 'the whole bundle as one self-contained, printable web page',
  csv: 'one row per article, for a spreadsheet',
};

export interface ReadmeFacts {
  name: string;
  articleCount: number;
  formats: readonly string[];
  /** Every entry path but README.txt and manifest.json, to list the folders actually present. */
  paths: readonly string[];
}

/**
 * The archive's README, for a person who unzips it without Copydesk. It names no time: the created time lives
 * only in the manifest, so a README never differs between two exports of the same desk state.
 */
export function readmeText(facts: ReadmeFacts): string {
  const folders = [...new Set(facts.paths.filter((p) => p.includes('/')).map((p) => p.slice(0, p.indexOf('/'))))]
    .filter((f) => f !== HISTORY_DIR)
    .sort(byCodeUnit);
  const row = (name: string, note: string): string => `  ${name.padEnd(22)} ${note}`;
  const lines = [
    'COPYDESK BUNDLE',
    '',
    `Bundle:   ${facts.name.replace(/[\r\n]+/gu, ' ')}`,
    `Articles: ${facts.articleCount}`,
    `Formats:  ${facts.formats.length > 0 ? facts.formats.join(', ') : '(none; history only)'}`,
    '',
    'This zip archive is a curated set of news articles exported from Copydesk, with everything',
    'another Copydesk desk needs to restore them: the text as imported, every correction, status',
    'and tag change, and every fact-check verdict. Import it with "copydesk import <this file>" or',
    'from the Import menu. Every file inside is plain UTF-8 text; JSON files have their keys sorted.',
    '',
    'WHAT IS INSIDE',
    '',
    row(README_PATH, 'this file'),
    row(MANIFEST_PATH, 'what the bundle holds: its name and description, when and by whom it was'),
    row('', 'made, the formats chosen, and every other file with its size and SHA-256'),
    row(BUNDLE_RECORD_PATH, 'the bundle as Copydesk stores it (name, description, article order)'),
    row(`${HISTORY_DIR}/<id>.json`, "one per article: the whole stored article - the original text, earlier"),
    row('', 'versions of it, every revision, claims and verdicts, and where it came from'),
    ...folders.map((f) => row(`${f}/`, FOLDER_NOTES[f] ?? `files in the ${f} format`)),
    '',
    '<id> is the article id Copydesk gave the article; manifest.json maps each id to its headline.',
    '',
    'CHECKING THE FILES BY HAND',
    '',
    'manifest.json lists every other file with its size in bytes ("size") and its SHA-256',
    'checksum ("sha256"); article files are under "articles", the rest under "files". Unzip the',
    'archive into an empty folder and, in that folder, compute a checksum:',
    '',
    '  sha256sum bundle.json                    (Linux)',
    '  shasum -a 256 bundle.json                (macOS)',
    '  certutil -hashfile bundle.json SHA256    (Windows)',
    '',
    'and compare it with the manifest. With jq installed, one line checks them all:',
    '',
    '  jq -r \'(.files[], .articles[].files[]) | "\\(.sha256)  \\(.path)"\' manifest.json | sha256sum -c',
    '',
    'Copydesk does the same before it imports anything, and refuses the whole bundle if any file',
    'is missing, extra, damaged or changed.',
    '',
    'For each article the manifest also gives "source": "file" is the seed text file it was imported',
    'from, and "sha256" is the SHA-256 of the article\'s text as it stood in that file (the article\'s',
    'own passage, not the whole file), so two desks can tell whether they started from the same text.',
    '',
    'The checksums reveal damage and a file changed on its own. They are not a signature: the',
    'manifest is not signed, so someone who rewrites the manifest along with the files can pass',
    'any content off as this bundle. Check where a bundle came from before you trust it.',
    '',
  ];
  return lines.join('\n');
}
