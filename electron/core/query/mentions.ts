import type { ArticleRecord } from '../model.js';
import { articleText } from '../factcheck/article-text.js';
import { occurrences } from '../factcheck/entities.js';
import { normaliseApostrophes } from '../factcheck/tokens.js';
import { currentContent } from '../revisions.js';

export interface MentionSources {
  /** Full-text search over the desk (the list's MiniSearch index): case- and accent-folded, so a superset. */
  search(query: string): { id: string }[];
  /** The records of the candidates, for the exact check. */
  load(ids: readonly string[]): Promise<Map<string, ArticleRecord>>;
}

/**
 * The articles whose current text (headline, highlights, caption, body — the text the fact-check reads) names
 * any of `names` as a whole-word, case-sensitive phrase. The index narrows the desk to the few articles holding
 * every word of a name; only those are read and checked exactly, so the cost follows the matches, not the desk.
 * Curly and straight apostrophes count as the same.
 */
export async function findMentions(names: readonly string[], sources: MentionSources): Promise<Set<string>> {
  const wanted = [...new Set(names.map((n) => normaliseApostrophes(n.normalize('NFC').trim())).filter((n) => n !== ''))];
  const candidates = new Set<string>();
  // The index keeps apostrophes as typed, so a name is looked up in both styles ("People's", "People’s").
  const lookups = new Set(wanted.flatMap((n) => [n, n.replace(/'/g, '\u2019')]));
  for (const name of lookups) for (const hit of sources.search(name)) candidates.add(hit.id);
  const found = new Set<string>();
  if (candidates.size === 0) return found;
  for (const [id, record] of await sources.load([...candidates])) {
    const text = normaliseApostrophes(articleText(currentContent(record)).text);
    if (wanted.some((n) => occurrences(text, n).length > 0)) found.add(id);
  }
  return found;
}

/**
 * Answers for the same names are kept until the desk changes: the list asks once per page it shows, and every
 * page of one filter must agree.
 */
export class MentionCache {
  private readonly answers = new Map<string, Promise<Set<string>>>();

  constructor(private readonly sources: () => Promise<MentionSources>) {}

  find(names: readonly string[]): Promise<Set<string>> {
    const key = JSON.stringify([...names].sort());
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.sources().then((s) => findMentions(names, s));
      // A failed look-up is not remembered; the next page asks again.
      answer.catch(() => this.answers.delete(key));
      if (this.answers.size >= 32) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Called on every change to the desk. */
  clear(): void {
    this.answers.clear();
  }
}
