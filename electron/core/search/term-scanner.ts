import { WORD, normalizeTerm } from './normalize-term.js';
import type { TermDictionary } from './term-dictionary.js';

/**
 * Turns text into term ids exactly as `text.match(WORD).map(normalizeTerm)` would, without making a string
 * per word: indexing 100,000 articles meets some 25 million words, and a string and a Map lookup each cost more
 * than the rest of indexing together.
 *
 * Words are found by walking the characters (WORD's classes, looked up once per character and cached). An ASCII
 * word, the common case, is folded while it is hashed (lower case, no leading or trailing "_" or apostrophe,
 * which is all normalizeTerm does to ASCII) and found in an open-addressing table of term ids by comparing characters in
 * place. Any other word takes the plain path through normalizeTerm, memoised.
 */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const MEMO_MAX = 200_000;

export class TermScanner {
  private slots = new Int32Array(1 << 16).fill(-1);
  private used = 0;
  private readonly memo = new Map<string, number>();
  /** The ids of the last scan, valid up to the count it answered. */
  ids = new Int32Array(4096);

  constructor(private readonly dictionary: TermDictionary) {}

  /** Scans `text`; its term ids are `ids[0 .. count)`, in order of appearance. */
  scan(text: string): number {
    let count = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const first = text.charCodeAt(i);
      if (first < 0x80 ? ASCII_WORD[first] === 0 : !isWordAt(text, i)) {
        i += first < 0x80 ? 1 : charWidth(text, i);
        continue;
      }
      // One pass finds the word's end and, while it is all ASCII, its folded hash.
      const start = i;
      let ascii = true;
      let h = FNV_OFFSET;
      for (;;) {
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c < 0x80) {
            if (ASCII_WORD[c] === 0) break;
            h = Math.imul(h ^ LOWER[c]!, FNV_PRIME);
            i++;
          } else if (isWordAt(text, i)) {
            ascii = false;
            i += charWidth(text, i);
          } else break;
        }
        // An apostrophe joins two runs of word characters ("don't", "Ivory Coast’s"); anywhere else it ends the word.
        const c = i + 1 < n ? text.charCodeAt(i) : 0;
        if ((c === 0x27 || c === 0x2019) && isWordAt(text, i + 1)) {
          if (c === 0x2019) ascii = false;
          h = Math.imul(h ^ c, FNV_PRIME);
          i++;
          continue;
        }
        break;
      }
      const id = ascii ? this.asciiTerm(text, start, i, h) : this.otherTerm(text.slice(start, i));
      if (id < 0) continue;
      if (count === this.ids.length) this.growIds();
      this.ids[count++] = id;
    }
    return count;
  }

  /** `hash` is of the whole word folded; normalizeTerm's trimming of "_" and apostrophes at the ends is rare. */
  private asciiTerm(text: string, start: number, end: number, hash: number): number {
    // normalizeTerm drops punctuation at either end; in an ASCII word that can only be "_" or an apostrophe.
    if (isEdgePunctuation(text.charCodeAt(start)) || isEdgePunctuation(text.charCodeAt(end - 1))) {
      while (start < end && isEdgePunctuation(text.charCodeAt(start))) start++;
      while (end > start && isEdgePunctuation(text.charCodeAt(end - 1))) end--;
      if (start === end) return -1;
      hash = FNV_OFFSET;
      for (let i = start; i < end; i++) hash = Math.imul(hash ^ LOWER[text.charCodeAt(i)]!, FNV_PRIME);
    }
    const mask = this.slots.length - 1;
    const terms = this.dictionary.terms;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0) break;
      const t = terms[id]!;
      if (t.length === end - start && sameFolded(t, text, start)) return id;
    }
    const id = this.dictionary.intern(text.slice(start, end).toLowerCase());
    this.remember(hash, id);
    return id;
  }

  private otherTerm(word: string): number {
    let id = this.memo.get(word);
    if (id === undefined) {
      const term = normalizeTerm(word);
      id = term === null ? -1 : this.dictionary.intern(term);
      if (this.memo.size >= MEMO_MAX) this.memo.clear();
      this.memo.set(word, id);
    }
    return id;
  }

  private remember(hash: number, id: number): void {
    if (++this.used * 2 > this.slots.length) this.rehash();
    const mask = this.slots.length - 1;
    let s = hash & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = id;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    const terms = this.dictionary.terms;
    for (const id of old) {
      if (id < 0) continue;
      const t = terms[id]!;
      let h = FNV_OFFSET;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), FNV_PRIME);
      let s = h & mask;
      while (this.slots[s]! >= 0) s = (s + 1) & mask;
      this.slots[s] = id;
    }
  }

  private growIds(): void {
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const isEdgePunctuation = (c: number): boolean => c === 0x5f || c === 0x27;
/** ASCII lower-casing and WORD's class for ASCII, by table. */
const LOWER = Uint8Array.from({ length: 0x80 }, (_, c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c));
const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, c) => (WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0));

function sameFolded(term: string, text: string, start: number): boolean {
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) !== LOWER[text.charCodeAt(start + i)]) return false;
  return true;
}

/** WORD's character class, per UTF-16 unit for the BMP (0 unknown, 1 yes, 2 no) and per code point above it. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();
for (let c = 0; c < 0x80; c++) bmp[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    if (cp <= 0xffff) return false; // a lone surrogate is no letter
    let yes = astral.get(cp);
    if (yes === undefined) astral.set(cp, (yes = WORD_CHAR.test(String.fromCodePoint(cp))));
    return yes;
  }
  let k = bmp[c]!;
  if (k === 0) bmp[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** The plain definition the scanner must agree with, for tests and for short texts such as queries. */
export const plainTerms = (text: string): string[] => (text.match(WORD) ?? []).map(normalizeTerm).filter((t): t is string => t !== null);
