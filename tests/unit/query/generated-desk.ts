// Generated desk states for comparing the list query with its reference: small, so that every filter, tie and
// spelling variant turns up often, and seeded, so that a failure can be replayed.
import { type ArticleSummary, STATUSES, type Status } from '../../../electron/core/model.js';
import type { Rng } from '../../support/seed-corpus.js';

// Collator ties (case, accents, leading zeros), empty and numbered headlines.
const HEADLINES = ['Budget vote', 'budget vote', 'Bùdget vote', 'Item 2', 'Item 10', 'item 02', 'Zeta', 'Älpha', 'alpha', '', ' Alpha', 'Vote on budget'];
// Spellings of one tag that fold together, and some that only the collator thinks equal.
export const TAGS = ['Asia', 'asia', ' Asia ', 'ASIA', 'Politics', 'politics', 'Économie', 'économie', 'Economie', 'x', 'fact check', 'Fact check'];
export const FILES = ['a.txt', 'A.txt', 'b.txt', 'wire.txt', 'ä.txt'];
// Only edits bring these in, so they come and go: a tag's last holder drops it, a new first holder appears.
const RARE_TAGS = ['Rare', 'rare ', 'RARE 2'];
export const VERDICTS = ['unverified', 'true', 'mostly-true', 'misleading', 'false', 'unproven', 'retired'];
const DATES = ['2024-01-02', '2024-01-03', '2023-12-31', '2024-01-02'];

export type SeqStyle = 'import' | 'shuffled' | 'repeated';

export function generatedDesk(rng: Rng, n: number, seqs: SeqStyle = 'import'): ArticleSummary[] {
  const order = Array.from({ length: n }, (_, k) => k);
  if (seqs === 'shuffled') for (let k = n - 1; k > 0; k--) swap(order, k, rng.int(0, k));
  return Array.from({ length: n }, (_, k) => summary(rng, `a${k}`, seqs === 'repeated' ? Math.floor(k / 3) : seqs === 'shuffled' ? order[k]! : k * 2));
}

export function summary(rng: Rng, id: string, seq: number): ArticleSummary {
  const file = rng.pick(FILES);
  return {
    id,
    seq,
    headline: rng.next() < 0.7 ? rng.pick(HEADLINES) : `Story ${rng.int(0, 40)}`,
    dateline: rng.next() < 0.5 ? null : 'LONDON',
    updated: rng.next() < 0.3 ? null : { raw: 'raw', date: rng.next() < 0.2 ? null : rng.pick(DATES), relative: false },
    status: rng.pick(['new', 'new', 'in-review', 'checked', 'approved', 'flagged', 'spiked'] as Status[]),
    tags: Array.from({ length: rng.int(0, 3) }, () => rng.pick(TAGS)),
    source: { file, path: `/seeds/${file}`, index: rng.int(0, 5), start: 0, end: 10, sha256: 'a'.repeat(64) },
    warningCount: rng.pick([0, 0, 1, 3]),
    needsReview: 0,
    corrected: rng.next() < 0.1,
    verdictCounts: rng.next() < 0.4 ? {} : Object.fromEntries(Array.from({ length: rng.int(1, 3) }, () => [rng.pick(VERDICTS), rng.int(0, 2)])),
  };
}

/**
 * The next state of a desk, as a commit leaves it: a new array in import order, most summaries the same
 * objects, a few replaced by edited copies (tags, status, headline, date, warnings, claims, another file), now
 * and then a tag taken off every article or an article added.
 */
export function nextState(rng: Rng, list: readonly ArticleSummary[], next: () => number): ArticleSummary[] {
  const out = [...list];
  const edits = rng.pick([0, 1, 1, 2, 5]);
  for (let e = 0; e < edits && out.length > 0; e++) {
    const i = rng.int(0, out.length - 1);
    const a = out[i]!;
    const kind = rng.int(0, 6);
    out[i] =
      kind === 0 ? { ...a, tags: Array.from({ length: rng.int(0, 3) }, () => (rng.next() < 0.3 ? rng.pick(RARE_TAGS) : rng.pick(TAGS))) }
      : kind === 1 ? { ...a, status: rng.pick(STATUSES) }
      : kind === 2 ? { ...a, headline: rng.pick(HEADLINES) }
      : kind === 3 ? { ...a, updated: rng.next() < 0.3 ? null : { raw: 'r', date: rng.pick(DATES), relative: false } }
      : kind === 4 ? { ...a, warningCount: rng.pick([0, 2]) }
      : kind === 5 ? { ...a, verdictCounts: { [rng.pick(VERDICTS)]: rng.int(0, 2) } }
      : { ...a, source: { ...a.source, file: rng.pick(FILES) } };
  }
  if (rng.next() < 0.15) {
    // A tag renamed or removed desk-wide: every holder loses it, and its count goes to nothing.
    const gone = rng.pick([...TAGS, ...RARE_TAGS]).trim().toLowerCase();
    for (let i = 0; i < out.length; i++) {
      const tags = out[i]!.tags.filter((t) => t.trim().toLowerCase() !== gone);
      if (tags.length !== out[i]!.tags.length) out[i] = { ...out[i]!, tags };
    }
  }
  if (rng.next() < 0.15) out.push(summary(rng, `n${next()}`, 10_000 + next()));
  return out;
}

function swap<T>(xs: T[], i: number, j: number): void {
  const t = xs[i]!;
  xs[i] = xs[j]!;
  xs[j] = t;
}
