import type { ArticleContent } from '../model.js';
import { DocTable } from './doc-table.js';
import { PostingArena } from './posting-arena.js';
import { TermDictionary } from './term-dictionary.js';
import { TermScanner, plainTerms } from './term-scanner.js';

export interface SearchHit {
  id: string;
  score: number;
  /** The indexed terms that matched, for highlighting in the list and the reader. */
  terms: string[];
}

/** The indexed fields and their weights: a word in the headline counts three times, in a highlight twice. */
const FIELD_WEIGHTS = [3, 2, 1, 1] as const;
/** BM25's usual constants. */
const K1 = 1.2;
const B = 0.7;
/** A word the query only begins counts for less than the word itself, the more so the longer the word. */
const PREFIX_WEIGHT = 0.375;
const MIN_PREFIX = 4;

export interface IndexParts {
  dictionary: TermDictionary;
  arena: PostingArena;
  docs: DocTable;
}

/**
 * Full-text search over headlines, highlights, captions and bodies, case- and accent-folded (normalize-term.ts,
 * which the renderer's highlighter shares). Terms that every query word matches, exactly or (for words of four
 * letters or more) as a prefix, ranked by BM25.
 *
 * It lives in the process that owns the desk, beside the store: the renderer never holds the whole desk, and the
 * index changes where the articles change. Postings are packed into byte pages (posting-arena.ts), so 100,000
 * articles fit in about a hundred megabytes and the whole index saves and loads as one file (index-file.ts).
 */
export class SearchIndex {
  readonly dictionary: TermDictionary;
  readonly arena: PostingArena;
  readonly docs: DocTable;
  private readonly scanner: TermScanner;
  private tf = new Uint32Array(1024);
  private readDocs = new Uint32Array(1024);
  private readWeights = new Uint8Array(1024);

  constructor(parts?: IndexParts) {
    this.dictionary = parts?.dictionary ?? TermDictionary.empty();
    this.arena = parts?.arena ?? new PostingArena();
    this.docs = parts?.docs ?? new DocTable();
    this.scanner = new TermScanner(this.dictionary);
  }

  /** Articles indexed. */
  get size(): number {
    return this.docs.liveCount;
  }

  has(id: string): boolean {
    return this.docs.numberOf(id) !== undefined;
  }

  /** Indexes an article's current text, replacing what was indexed for it; a no-op when the text is the same. */
  upsert(id: string, content: ArticleContent): boolean {
    return this.upsertFields(id, searchFields(content));
  }

  /** As upsert, from the fields searchFields() makes (the change log stores them so). False when nothing changed. */
  upsertFields(id: string, fields: SearchFields): boolean {
    const hash = fingerprint(fields);
    const old = this.docs.numberOf(id);
    if (old !== undefined && this.docs.hashes[old] === hash) return false;
    if (old !== undefined) this.docs.kill(id);

    const touched: number[] = [];
    let length = 0;
    for (let f = 0; f < fields.length; f++) {
      const count = this.scanner.scan(fields[f]!);
      const ids = this.scanner.ids;
      const weight = FIELD_WEIGHTS[f]!;
      length += count;
      if (this.dictionary.size > this.tf.length) this.growTf(this.dictionary.size);
      for (let i = 0; i < count; i++) {
        const term = ids[i]!;
        if (this.tf[term] === 0) touched.push(term);
        this.tf[term]! += weight;
      }
    }
    const doc = this.docs.add(id, length, hash);
    this.arena.ensureTerms(this.dictionary.size);
    for (const term of touched) {
      this.arena.append(term, doc, Math.min(255, this.tf[term]!));
      this.tf[term] = 0;
    }
    return true;
  }

  remove(id: string): void {
    this.docs.kill(id);
  }

  /** The ids of the indexed articles. */
  *ids(): Generator<string> {
    const { ids, alive } = this.docs;
    for (let d = 0; d < ids.length; d++) if (alive[d]) yield ids[d]!;
  }

  /** Articles holding every word of the query, best first. */
  search(query: string): SearchHit[] {
    const words = [...new Set(plainTerms(query))];
    if (words.length === 0 || this.docs.liveCount === 0) return [];
    const expansions = words.map((w) => this.expand(w));
    if (expansions.some((e) => e.length === 0)) return [];
    // The rarest word first: later words only score articles still in the running.
    const df = this.arena.state.df;
    expansions.sort((a, b) => a.reduce((n, e) => n + df[e.term]!, 0) - b.reduce((n, e) => n + df[e.term]!, 0));

    const docs = this.docs;
    const n = docs.liveCount;
    const avgLength = docs.liveLength / n || 1;
    const total = new Float64Array(docs.count);
    // rounds[d] = how many query words article d has matched so far; a word's round only counts articles at r.
    const rounds = new Uint8Array(docs.count);
    const firstTerm = expansions.map(() => new Int32Array(docs.count));
    const moreTerms = new Map<number, number[]>();
    let candidates: number[] = [];

    for (let r = 0; r < expansions.length; r++) {
      const next: number[] = [];
      const first = firstTerm[r]!;
      for (const { term, weight } of expansions[r]!) {
        const count = this.read(term);
        const idf = Math.log(1 + (n - Math.min(df[term]!, n) + 0.5) / (Math.min(df[term]!, n) + 0.5));
        const ds = this.readDocs;
        const ws = this.readWeights;
        for (let i = 0; i < count; i++) {
          const d = ds[i]!;
          if (!docs.alive[d] || rounds[d]! < r) continue;
          const tf = ws[i]!;
          const score = weight * idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * docs.lengths[d]!) / avgLength)));
          if (rounds[d] === r) {
            rounds[d] = r + 1;
            first[d] = term;
            next.push(d);
          } else {
            const more = moreTerms.get(d);
            if (more) more.push(term);
            else moreTerms.set(d, [term]);
          }
          total[d]! += score;
        }
      }
      candidates = next;
      if (candidates.length === 0) return [];
    }

    return this.rank(candidates, total, firstTerm, moreTerms);
  }

  /** Hits best first (equal scores in document order), with the terms each matched. */
  private rank(candidates: number[], total: Float64Array, firstTerm: Int32Array[], moreTerms: Map<number, number[]>): SearchHit[] {
    const terms = this.dictionary.terms;
    // Most articles matched each word through the same term, so they share one (never mutated) list of terms.
    const shared = new Map<number | string, string[]>();
    const [f0, f1] = firstTerm;
    const termsOf = (d: number): string[] => {
      const more = moreTerms.get(d);
      if (more) return [...firstTerm.map((f) => terms[f[d]!]!), ...more.map((t) => terms[t]!)];
      // Term ids are below 2^26 (a dictionary of 67 million terms), so two fit in one number.
      const key = firstTerm.length === 1 ? f0![d]! : firstTerm.length === 2 ? f0![d]! * 2 ** 26 + f1![d]! : firstTerm.map((f) => f[d]).join(' ');
      let list = shared.get(key);
      if (!list) shared.set(key, (list = firstTerm.map((f) => terms[f[d]!]!)));
      return list;
    };
    const order = sortByScore(candidates, total);
    const hits = new Array<SearchHit>(order.length);
    for (let i = 0; i < order.length; i++) {
      const d = order[i]!;
      hits[i] = { id: this.docs.ids[d]!, score: total[d]!, terms: termsOf(d) };
    }
    return hits;
  }

  /** The dictionary terms a query word matches, with the weight each match carries. */
  private expand(word: string): { term: number; weight: number }[] {
    const exact = this.dictionary.id(word);
    if (word.length < MIN_PREFIX) return exact === undefined ? [] : [{ term: exact, weight: 1 }];
    return this.dictionary.withPrefix(word).map((term) => {
      const t = this.dictionary.terms[term]!;
      return { term, weight: t === word ? 1 : (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (t.length - word.length)) };
    });
  }

  private read(term: number): number {
    const df = this.arena.state.df[term]!;
    if (df > this.readDocs.length) {
      this.readDocs = new Uint32Array(df);
      this.readWeights = new Uint8Array(df);
    }
    return this.arena.read(term, this.readDocs, this.readWeights);
  }

  private growTf(n: number): void {
    const tf = new Uint32Array(Math.max(n, this.tf.length * 2));
    tf.set(this.tf);
    this.tf = tf;
  }
}

/**
 * Document numbers by descending score, ties by document number. Broad queries match tens of thousands of
 * articles, so scores are packed with the document number into one float and sorted natively rather than with a
 * comparator: scores are compared to a millionth, far finer than any difference that changes a ranking.
 */
const SCORE_STEPS = 2 ** 20;
const DOC_SPAN = 2 ** 22;

function sortByScore(docs: readonly number[], score: Float64Array): number[] {
  let max = 0;
  for (const d of docs) if (score[d]! > max) max = score[d]!;
  if (docs.length < 64 || (max + 1) * SCORE_STEPS * DOC_SPAN > Number.MAX_SAFE_INTEGER || docs.some((d) => d >= DOC_SPAN)) {
    return [...docs].sort((a, b) => score[b]! - score[a]! || a - b);
  }
  const keys = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    keys[i] = Math.round((max - score[d]!) * SCORE_STEPS) * DOC_SPAN + d;
  }
  keys.sort();
  return Array.from(keys, (k) => k % DOC_SPAN);
}

/** The text indexed for an article, one string per weighted field: headline, highlights, caption, body. */
export type SearchFields = [string, string, string, string];

/** The parts of an article's content that are searched. */
export type SearchableContent = Pick<ArticleContent, 'headline' | 'highlights' | 'caption' | 'credit' | 'byline' | 'datelineText' | 'paragraphs'>;

export function searchFields(c: SearchableContent): SearchFields {
  return [
    c.headline,
    c.highlights.join('\n'),
    [c.caption, c.credit].filter(Boolean).join(' '),
    [c.byline, c.datelineText, ...c.paragraphs].filter(Boolean).join('\n'),
  ];
}

/**
 * FNV-1a over the fields, folded with their length: tells a tag or status change (same text, nothing to
 * re-index) from a correction. Two different texts share a fingerprint about once in four billion edits.
 */
function fingerprint(fields: readonly string[]): number {
  let h = 0x811c9dc5;
  let length = 0;
  for (const f of fields) {
    length += f.length + 1;
    for (let i = 0; i < f.length; i++) h = Math.imul(h ^ f.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193);
  }
  return (h ^ Math.imul(length, 0x9e3779b1)) >>> 0;
}
