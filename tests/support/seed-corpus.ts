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

// ---------------------------------------------------------------------------------------------------------------
// The varied corpus: what `npm run bench` imports. Real wire archives are not one template repeated, so this one
// mixes the scraped page layout with bare wire copy, captions, bullets and bylines, absolute and relative dates,
// 3–40 paragraphs (about 3.5 KB an article on average), a Zipf-shaped vocabulary of some 12,000 words (so that
// search sees rare and common terms as it would in real copy) and some Arabic and Chinese articles.
// ---------------------------------------------------------------------------------------------------------------

export interface VariedArticle extends GeneratedArticle {
  /** 'page': the scraped layout with furniture; 'wire': headline, byline and body only (and `updated` is ''). */
  layout: 'page' | 'wire';
  byline: string | null;
  /** The dateline as printed ("WASHINGTON (AP) —", "CAIRO:"), or null when the body opens without one. */
  datelineText: string | null;
}

export interface VariedFile {
  name: string;
  path: string;
  text: string;
  articles: VariedArticle[];
}

export interface VariedCorpusOptions {
  /** Articles in all; the last file is cut short to land on it exactly. */
  articles: number;
  seed?: number;
}

const COMMON = (
  'the of to and a in that for on is said was with as by at from it has have its be are were will an not this which ' +
  'but after would more than been who their they over also new year had two about into government officials could ' +
  'people last week percent told one three first since while minister under against between some other month state ' +
  'country city plan talks report police court president election market prices water energy power budget deal ' +
  'security economy council union workers companies bank rates growth public spokesman statement agency region ' +
  'border military forces health schools farmers residents district capital project costs funding reform vote ' +
  'parliament opposition coalition leaders local national international support warned expected announced ' +
  'according least early later before during despite because however including where when what there'
).split(' ');
const FIRST_NAMES = ['Amina', 'John', 'Maria', 'Chen', 'Olga', 'Rahul', 'Fatima', 'Lars', 'Ines', 'Kwame', 'Yuki', 'Pedro', 'Sara', 'Tomasz', 'Leila', 'David', 'Ngozi', 'Hana', 'Omar', 'Grace'];
const LAST_NAMES = ['Okafor', 'Smith', 'Garcia', 'Wei', 'Petrova', 'Sharma', 'Haddad', 'Nilsson', 'Moreau', 'Mensah', 'Tanaka', 'Silva', 'Cohen', 'Nowak', 'Karimi', 'Miller', 'Adeyemi', 'Kim', 'Farouk', 'Walsh'];
const WIRE_DATELINES: { place: string; agency: string }[] = [
  { place: 'WASHINGTON', agency: 'AP' }, { place: 'LONDON', agency: 'Reuters' }, { place: 'BRUSSELS', agency: 'AFP' },
  { place: 'NAIROBI, Kenya', agency: 'AP' }, { place: 'ISLAMABAD/KABUL', agency: 'Reuters' }, { place: 'SAO PAULO', agency: 'Reuters' },
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const RELATIVE_UPDATED = ['Updated 3 hours ago', 'Updated 7 sec ago', 'Updated 25 min ago', 'Updated yesterday', 'Updated 2 days ago', 'Updated 1 week ago'];
const ARABIC = (
  'الحكومة قال وزير الاقتصاد المدينة مجلس الأمن اليوم العام الشعب الرئيس الانتخابات المياه الطاقة السوق البنك ' +
  'المركزي أعلن خطة جديدة في من على إلى مع بعد قبل حول المسؤولين الأسعار المحكمة البرلمان الميناء المزارعين الحدود ' +
  'الموازنة الإصلاح التعليم الصحة الشرطة العمال النقابة المعارضة الاتفاق المحادثات الأسبوع الماضي المقبل'
).split(' ');
const CHINESE = ['政府', '经济', '市场', '银行', '宣布', '计划', '城市', '会议', '今天', '总统', '选举', '能源', '价格', '上涨', '下降', '官员', '表示', '港口', '农民', '预算', '改革', '法院', '警方', '谈判', '协议', '工人', '学校', '水资源', '边境', '议会'];
const CAPTION_CREDITS = ['REUTERS', 'AFP', 'AP Photo', 'Getty Images', 'EPA'] as const;

/** A fixed vocabulary: the common words first, then made-up words, ranked for a Zipf draw. */
function buildVocabulary(size: number): string[] {
  const rng = makeRng(0xabc);
  const syllables = ['ka', 'lo', 'mer', 'tin', 'sa', 'vor', 'en', 'dra', 'pel', 'qui', 'nor', 'bast', 'ul', 'rin', 'ce', 'tho', 'gam', 'ish', 'ver', 'lu', 'ston', 'ar', 'wel', 'ti', 'om', 'bre', 'cal', 'dun', 'fe', 'gor'];
  const words = new Set(COMMON);
  while (words.size < size) words.add(Array.from({ length: rng.int(2, 4) }, () => rng.pick(syllables)).join(''));
  return [...words];
}

const VOCABULARY = buildVocabulary(12_000);
// Zipf with s = 1: the r-th word is drawn with weight 1/(r + 2.7), as word frequencies in English text go.
const ZIPF_CUMULATIVE = (() => {
  const c = new Float64Array(VOCABULARY.length);
  let sum = 0;
  for (let r = 0; r < c.length; r++) c[r] = sum += 1 / (r + 2.7);
  return c.map((x) => x / sum);
})();

function zipfWord(rng: Rng): string {
  const u = rng.next();
  let lo = 0;
  let hi = ZIPF_CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF_CUMULATIVE[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

const person = (rng: Rng): string => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
const capitalise = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

function bodyDate(rng: Rng): string {
  const r = rng.next();
  if (r < 0.4) return `on ${rng.int(1, 28)} ${rng.pick(MONTHS)} ${rng.int(2019, 2026)}`;
  if (r < 0.7) return `on ${rng.pick(WEEKDAYS)}`;
  return rng.pick(['last week', 'three days ago', 'earlier this month', 'yesterday', 'next year']);
}

function variedSentence(rng: Rng): string {
  const words = Array.from({ length: rng.int(6, 18) }, () => zipfWord(rng));
  const extra = rng.next();
  if (extra < 0.25) words.push('said', person(rng));
  else if (extra < 0.4) words.push(bodyDate(rng));
  else if (extra < 0.5) words.splice(rng.int(1, words.length - 1), 0, `${rng.int(2, 98)} percent`);
  return `${capitalise(words.join(' '))}.`;
}

const variedParagraph = (rng: Rng): string => Array.from({ length: rng.int(1, 2) }, () => variedSentence(rng)).join(' ');

function arabicParagraph(rng: Rng): string {
  return Array.from({ length: rng.int(1, 2) }, () => `${Array.from({ length: rng.int(8, 20) }, () => rng.pick(ARABIC)).join(' ')}.`).join(' ');
}

function chineseParagraph(rng: Rng): string {
  return Array.from({ length: rng.int(1, 3) }, () => `${Array.from({ length: rng.int(6, 16) }, () => rng.pick(CHINESE)).join('')}。`).join('');
}

function variedHeadline(rng: Rng, taken: Set<string>, script: 'latin' | 'arabic' | 'chinese'): string {
  for (;;) {
    const h =
      script === 'arabic' ? Array.from({ length: rng.int(5, 9) }, () => rng.pick(ARABIC)).join(' ')
      : script === 'chinese' ? Array.from({ length: rng.int(5, 9) }, () => rng.pick(CHINESE)).join('')
      : `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${zipfWord(rng)} ${rng.pick(OBJECTS)} ${rng.pick(TAILS)}`;
    const unique = taken.has(h) ? `${h} ${rng.int(2, 9999)}` : h;
    if (!taken.has(unique)) {
      taken.add(unique);
      return unique;
    }
  }
}

function variedUpdated(rng: Rng): string {
  const r = rng.next();
  const day = rng.int(1, 28);
  const month = rng.int(1, 12);
  const year = rng.int(2019, 2026);
  if (r < 0.45) return `Updated ${day} ${MONTHS[month - 1]} ${year}`;
  if (r < 0.6) return `Updated ${MONTHS[month - 1]} ${day}, ${year}`;
  if (r < 0.7) return `Updated ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (r < 0.75) return `Updated ${rng.pick(WEEKDAYS).slice(0, 3)}, ${day} ${MONTHS[month - 1]!.slice(0, 3)} ${year} ${rng.int(0, 23)}:${String(rng.int(0, 59)).padStart(2, '0')} GMT`;
  return rng.pick(RELATIVE_UPDATED);
}

export function generateVariedArticle(rng: Rng, taken: Set<string>): VariedArticle {
  const s = rng.next();
  const script = s < 0.04 ? 'arabic' : s < 0.07 ? 'chinese' : 'latin';
  const paragraph = script === 'arabic' ? arabicParagraph : script === 'chinese' ? chineseParagraph : variedParagraph;
  const layout = script === 'latin' && rng.next() < 0.2 ? 'wire' : 'page';
  const wire = layout === 'wire' ? rng.pick(WIRE_DATELINES) : null;
  const city = rng.pick(CITIES);
  const datelineText = !wire ? (rng.next() < 0.8 ? `${city}:` : null)
    : wire.agency === 'Reuters' && !wire.place.includes(',') ? `${wire.place}, ${MONTHS[rng.int(0, 11)]!.slice(0, 3)} ${rng.int(1, 28)} (Reuters) -`
    : `${wire.place} (${wire.agency}) —`;
  const credit = layout === 'page' && rng.next() < 0.45 ? rng.pick(CAPTION_CREDITS) : null;
  return {
    layout,
    headline: variedHeadline(rng, taken, script),
    caption: credit ? variedSentence(rng).replace(/\.$/, '') : null,
    credit: credit as GeneratedArticle['credit'],
    updated: layout === 'page' ? variedUpdated(rng) : '',
    highlights: layout === 'page' && rng.next() < 0.5 ? Array.from({ length: rng.int(1, 4) }, () => variedSentence(rng).replace(/\.$/, '')) : [],
    byline: wire || rng.next() < 0.3 ? `By ${person(rng)}` : null,
    dateline: wire ? wire.place : datelineText ? city : '',
    datelineText,
    paragraphs: Array.from({ length: rng.int(3, 40) }, () => paragraph(rng)),
  };
}

export function renderVariedArticle(a: VariedArticle): string {
  const lead = a.datelineText ? `${a.datelineText} ${a.paragraphs[0]}` : a.paragraphs[0]!;
  const body = [lead, ...a.paragraphs.slice(1)];
  // Bare wire copy has no page furniture: its date travels in the dateline ("LONDON, Nov 27 (Reuters) -").
  if (a.layout === 'wire') return [a.headline, ...(a.byline ? [a.byline] : []), '', ...body].join('\n');
  const lines = [a.headline, ''];
  if (a.caption !== null) lines.push(`${a.caption} (${a.credit})`);
  lines.push('Short Url', a.updated, 'Follow', '', a.headline, '');
  for (const h of a.highlights) lines.push(`  • ${h}`);
  if (a.highlights.length > 0) lines.push('');
  if (a.byline) lines.push(a.byline);
  lines.push(...body);
  return lines.join('\n');
}

/** Yields the varied corpus a file at a time, so even 100,000 articles never sit in memory at once. */
export function* variedSeedFiles(dir: string, opts: VariedCorpusOptions): Generator<VariedFile> {
  const rng = makeRng(opts.seed ?? DEFAULT_CORPUS_SEED);
  const taken = new Set<string>();
  let left = opts.articles;
  for (let i = 0; left > 0; i++) {
    const n = Math.min(left, rng.int(1, 9));
    left -= n;
    const articles = Array.from({ length: n }, () => generateVariedArticle(rng, taken));
    const name = `${String(i).padStart(6, '0')}_${hex16(rng)}.txt`;
    const text = `${articles.map(renderVariedArticle).join('\n\n\n\n')}\n`;
    yield { name, path: join(dir, name), text, articles };
  }
}

export interface WrittenCorpus {
  dir: string;
  files: number;
  articles: number;
  bytes: number;
}

/** Writes the varied corpus to `dir` (created if needed), a file at a time. */
export async function writeVariedCorpus(dir: string, opts: VariedCorpusOptions): Promise<WrittenCorpus> {
  await mkdir(dir, { recursive: true });
  const out: WrittenCorpus = { dir, files: 0, articles: 0, bytes: 0 };
  let pending: Promise<void>[] = [];
  for (const f of variedSeedFiles(dir, opts)) {
    const bytes = Buffer.from(f.text, 'utf8');
    pending.push(writeFile(f.path, bytes));
    out.files++;
    out.articles += f.articles.length;
    out.bytes += bytes.length;
    if (pending.length >= 64) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  return out;
}
