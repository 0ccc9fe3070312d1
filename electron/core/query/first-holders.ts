import type { ArticleSummary } from '../model.js';
import type { Listing } from '../store/summary-order.js';

/**
 * For each tag (under a folding that makes spellings of one tag equal), the position in the desk's list of the
 * first article carrying it: what gives a tag the spelling the desk met first. Kept up to date through edits
 * by looking only at the summaries that changed.
 */
export class FirstHolders {
  private first = new Map<string, number>();

  /** `fold` of each spelling met, as folding every tag of every article on each call is what cost the time. */
  private constructor(
    private readonly fold: (tag: string) => string,
    private readonly folded: Map<string, string>,
  ) {}

  static of(list: Listing, fold: (tag: string) => string): FirstHolders {
    const holders = new FirstHolders(fold, new Map());
    for (let i = 0; i < list.length; i++) {
      for (const t of list.at(i)!.tags) {
        const key = holders.keyOf(t);
        if (!holders.first.has(key)) holders.first.set(key, i);
      }
    }
    return holders;
  }

  keyOf(tag: string): string {
    let key = this.folded.get(tag);
    if (key === undefined) this.folded.set(tag, (key = this.fold(tag)));
    return key;
  }

  position(key: string): number | undefined {
    return this.first.get(key);
  }

  /** The first spelling of the tag on the desk: its first holder's. */
  spelling(list: Listing, key: string): string | undefined {
    const position = this.first.get(key);
    return position === undefined ? undefined : list.at(position)!.tags.find((t) => this.keyOf(t) === key);
  }

  keys(): IterableIterator<string> {
    return this.first.keys();
  }

  /** A copy to update, leaving this one true to the state it was made for. */
  clone(): FirstHolders {
    const copy = new FirstHolders(this.fold, this.folded);
    copy.first = new Map(this.first);
    return copy;
  }

  /** After a commit replaced the summaries at `changed` (ascending; `before(i)` what position i held). */
  update(before: (i: number) => ArticleSummary, list: Listing, changed: readonly number[]): void {
    const lost = new Set<string>();
    // In list order, so that a tag still carried further up keeps its first position.
    for (const i of changed) {
      const now = new Set(list.at(i)!.tags.map((t) => this.keyOf(t)));
      for (const key of now) {
        const first = this.first.get(key);
        if (first === undefined || first > i) this.first.set(key, i);
      }
      for (const t of before(i).tags) {
        const key = this.keyOf(t);
        if (!now.has(key) && this.first.get(key) === i) lost.add(key);
      }
    }
    // A first holder dropped the tag: nothing above it had the tag, so the next holder is further down.
    for (const key of lost) {
      const from = this.first.get(key)!;
      const next = this.findFrom(list, key, from + 1);
      if (next === undefined) this.first.delete(key);
      else this.first.set(key, next);
    }
  }

  private findFrom(list: Listing, key: string, from: number): number | undefined {
    for (let i = from; i < list.length; i++) if (list.at(i)!.tags.some((t) => this.keyOf(t) === key)) return i;
    return undefined;
  }
}
