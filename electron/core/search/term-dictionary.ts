/**
 * Every indexed term, numbered in the order first seen, with a sorted view for prefix search. New terms are
 * kept aside and merged into the sorted view only when there are many, so an edit that brings one new word does
 * not re-sort hundreds of thousands.
 */
const MERGE_AT = 4096;

export interface DictionaryParts {
  terms: string[];
  sorted: Uint32Array;
  unsorted: number[];
}

export class TermDictionary {
  private readonly ids: Map<string, number>;
  private sorted: Uint32Array;
  private unsorted: number[] = [];

  private constructor(readonly terms: string[], sorted: Uint32Array) {
    this.ids = new Map();
    for (let i = 0; i < terms.length; i++) this.ids.set(terms[i]!, i);
    this.sorted = sorted;
  }

  static empty(): TermDictionary {
    return new TermDictionary([], new Uint32Array(0));
  }

  /** Terms already in string order (as an index file stores them), numbered by that order. */
  static fromSorted(terms: string[]): TermDictionary {
    const order = new Uint32Array(terms.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return new TermDictionary(terms, order);
  }

  /** The terms, the sorted view and the terms not yet merged into it, as plain data for another thread. */
  parts(): DictionaryParts {
    return { terms: this.terms, sorted: this.sorted, unsorted: this.unsorted };
  }

  /** The dictionary `parts` came from, with the same ids and the same terms waiting to be merged. */
  static restore(parts: DictionaryParts): TermDictionary {
    const dictionary = new TermDictionary(parts.terms, parts.sorted);
    dictionary.unsorted = parts.unsorted;
    return dictionary;
  }

  get size(): number {
    return this.terms.length;
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      this.unsorted.push(id);
    }
    return id;
  }

  /** Ids of every term that starts with `prefix`, the term itself included. */
  withPrefix(prefix: string): number[] {
    if (this.unsorted.length >= MERGE_AT) this.merge();
    const out: number[] = [];
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[s[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < s.length && this.terms[s[i]!]!.startsWith(prefix); i++) out.push(s[i]!);
    for (const id of this.unsorted) if (this.terms[id]!.startsWith(prefix)) out.push(id);
    return out;
  }

  /** Every term id in string order, for writing the index file. */
  inOrder(): Uint32Array {
    this.merge();
    return this.sorted;
  }

  private merge(): void {
    if (this.unsorted.length === 0) return;
    const add = this.unsorted.sort((a, b) => compare(this.terms[a]!, this.terms[b]!));
    const out = new Uint32Array(this.sorted.length + add.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < add.length) {
      out[k++] = compare(this.terms[this.sorted[i]!]!, this.terms[add[j]!]!) <= 0 ? this.sorted[i++]! : add[j++]!;
    }
    while (i < this.sorted.length) out[k++] = this.sorted[i++]!;
    while (j < add.length) out[k++] = add[j++]!;
    this.sorted = out;
    this.unsorted = [];
  }
}

/** Code-unit order, the order `<` uses, so that every term with a given prefix sits in one run. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
