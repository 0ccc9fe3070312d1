import type { ArticleView } from '../../electron/core/api.js';
import { WORD, normalizeTerm } from '../../electron/core/search/normalize-term.js';
import { type Rng, makeRng } from '../../tests/support/seed-corpus.js';

/** Every draw in the benchmark is seeded, so two runs edit the same articles and ask the same queries. */
export const BENCH_SEED = 0xbe7c;
export const benchRng = (salt: number): Rng => makeRng(BENCH_SEED ^ salt);

/**
 * A two-term query drawn from one article's own words (three letters or more), so it has at least one hit and
 * the terms follow the corpus's word frequencies: common words come up often, rare ones now and then.
 */
export function queryFrom(article: ArticleView, rng: Rng): string {
  const text = [article.headline, ...article.paragraphs].join(' ');
  const words = [...new Set((text.match(WORD) ?? []).filter((w) => /^\p{L}{3,}$/u.test(w)))];
  if (words.length < 2) return words[0] ?? article.headline;
  const first = rng.pick(words);
  let second = rng.pick(words);
  for (let tries = 0; normalizeTerm(second) === normalizeTerm(first) && tries < 10; tries++) second = rng.pick(words);
  return `${first} ${second}`;
}
