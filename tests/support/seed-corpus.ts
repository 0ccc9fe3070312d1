import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A deterministic synthetic corpus in the seed-file layout: the same seed gives the same bytes on every machine,
 * so tests and benchmarks can regenerate it instead of shipping it.
 *
 *   <headline>
 *
 *   [<caption> (REUTERS)|(AFP)]
 *   Short Url
 *   Updated <d Month yyyy> | Updated 3 hours ago
 *   Follow
 *
 *   <headline again>
 *
 *     • <0–3 bullets>
 *
 *   CITY: <first paragraph>
 *   <2–14 more paragraphs>
 *
 *
 *
 *   <next article…>
 */

/** mulberry32: tiny, fast and good enough to make text; never Math.random, so runs are reproducible. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
}

export interface GeneratedArticle {
  headline: string;
  caption: string | null;
  credit: 'REUTERS' | 'AFP' | null;
  updated: string;
  highlights: string[];
  dateline: string;
  paragraphs: string[];
}

export interface GeneratedFile {
  name: string;
  path: string;
  text: string;
  articles: GeneratedArticle[];
}

export interface Corpus {
  dir: string;
  files: GeneratedFile[];
  articleCount: number;
}

export interface CorpusOptions {
  files: number;
  seed?: number;
  /** Articles per file, inclusive; default 1–5. */
  minArticles?: number;
  maxArticles?: number;
  /** Paragraphs per article, inclusive; default 3–15. */
  minParagraphs?: number;
  maxParagraphs?: number;
}

export const DEFAULT_CORPUS_SEED = 0x5eed;

const SUBJECTS = ['Minister', 'Council', 'Court', 'Union', 'Central bank', 'Coalition', 'Regulator', 'Army', 'Opposition', 'Mayor', 'Airline', 'Port authority', 'Parliament', 'Police', 'Farmers'];
const VERBS = ['approves', 'rejects', 'delays', 'backs', 'questions', 'extends', 'suspends', 'unveils', 'defends', 'reviews', 'expands', 'cuts'];
const OBJECTS = ['budget', 'rail link', 'water plan', 'tax deal', 'border talks', 'wage offer', 'school reform', 'power tariffs', 'flood defences', 'mining permits', 'fishing quotas', 'housing bill', 'trade pact', 'rate path'];
const TAILS = ['after long debate', 'amid protests', 'as talks stall', 'despite warnings', 'before election', 'under pressure', 'for second year', 'ahead of summit', 'as costs rise', 'after storm'];
const CITIES = ['LONDON', 'PARIS', 'SEOUL', 'KABUL', 'NAIROBI', 'LIMA', 'OSLO', 'CAIRO', 'NEW DELHI', 'RIO DE JANEIRO', 'JAKARTA', 'ANKARA'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = (
  'officials said the plan would take effect next month while critics argued that costs had been understated and ' +
  'residents in several districts waited for details on how the measures would be funded over the coming years ' +
  'analysts expected a vote within weeks although talks between the main parties remained fragile and a spokesman ' +
  'declined to comment on the timing of further announcements or on reports of a revised draft circulating among members'
).split(' ');

function sentence(rng: Rng, minWords: number, maxWords: number): string {
  const n = rng.int(minWords, maxWords);
  const words = Array.from({ length: n }, () => rng.pick(WORDS));
  const first = words[0]!;
  words[0] = first[0]!.toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

function headline(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const h = `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(TAILS)}`;
    const unique = taken.has(h) ? `${h} ${rng.int(2, 999)}` : h;
    if (!taken.has(unique)) {
      taken.add(unique);
      return unique;
    }
  }
}

export function generateArticle(rng: Rng, taken: Set<string>, opts: Pick<CorpusOptions, 'minParagraphs' | 'maxParagraphs'> = {}): GeneratedArticle {
  const credit = rng.next() < 0.6 ? rng.pick(['REUTERS', 'AFP'] as const) : null;
  const updated = rng.next() < 0.8 ? `Updated ${rng.int(1, 28)} ${rng.pick(MONTHS)} ${rng.int(2019, 2026)}` : 'Updated 3 hours ago';
  return {
    headline: headline(rng, taken),
    caption: credit ? sentence(rng, 8, 20).replace(/\.$/, '') : null,
    credit,
    updated,
    highlights: Array.from({ length: rng.int(0, 3) }, () => sentence(rng, 6, 16).replace(/\.$/, '')),
    dateline: rng.pick(CITIES),
    paragraphs: Array.from({ length: rng.int(opts.minParagraphs ?? 3, opts.maxParagraphs ?? 15) }, () => sentence(rng, 10, 40)),
  };
}

export function renderArticle(a: GeneratedArticle): string {
  const lines = [a.headline, ''];
  if (a.caption !== null) lines.push(`${a.caption} (${a.credit})`);
  lines.push('Short Url', a.updated, 'Follow', '', a.headline, '');
  for (const h of a.highlights) lines.push(`  • ${h}`);
  lines.push('');
  lines.push(`${a.dateline}: ${a.paragraphs[0]}`, ...a.paragraphs.slice(1));
  return lines.join('\n');
}

/** Articles separated by three blank lines, as the scraper writes them. */
export const renderSeedFile = (articles: readonly GeneratedArticle[]): string => `${articles.map(renderArticle).join('\n\n\n\n')}\n`;

const hex16 = (rng: Rng): string => Array.from({ length: 16 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');

/** Generates the corpus in memory; `dir` only decides the paths. */
export function generateCorpus(dir: string, opts: CorpusOptions): Corpus {
  const rng = makeRng(opts.seed ?? DEFAULT_CORPUS_SEED);
  const taken = new Set<string>();
  const files: GeneratedFile[] = [];
  for (let i = 0; i < opts.files; i++) {
    const articles = Array.from({ length: rng.int(opts.minArticles ?? 1, opts.maxArticles ?? 5) }, () => generateArticle(rng, taken, opts));
    const name = `${String(i).padStart(3, '0')}_${hex16(rng)}.txt`;
    files.push({ name, path: join(dir, name), text: renderSeedFile(articles), articles });
  }
  return { dir, files, articleCount: files.reduce((n, f) => n + f.articles.length, 0) };
}

/** Generates the corpus and writes it to `dir` (created if needed). */
export async function writeSeedCorpus(dir: string, opts: CorpusOptions): Promise<Corpus> {
  const corpus = generateCorpus(dir, opts);
  await mkdir(dir, { recursive: true });
  await Promise.all(corpus.files.map((f) => writeFile(f.path, f.text, 'utf8')));
  return corpus;
}

/** The same file with one paragraph of one article rewritten; headlines (and so article ids) stay put. */
export function editOneParagraph(file: GeneratedFile, rng: Rng): GeneratedFile {
  const k = rng.int(0, file.articles.length - 1);
  const articles = file.articles.map((a, i) => {
    if (i !== k) return a;
    const p = rng.int(0, a.paragraphs.length - 1);
    const paragraphs = a.paragraphs.map((t, j) => (j === p ? `${t.replace(/\.$/, '')} and the figures were revised on ${rng.pick(MONTHS)} ${rng.int(1, 28)}.` : t));
    return { ...a, paragraphs };
  });
  return { ...file, articles, text: renderSeedFile(articles) };
}
