import { approximateMatches, similarity } from './fuzzy.js';
import type { Anchor, Reanchored } from './types.js';

/** Characters of context kept either side of an anchor's quote, as W3C TextQuoteSelector users commonly do. */
export const CONTEXT_CHARS = 32;
/** A changed quote is still "the same claim" when at least this much of it survives (1 − edits / length). */
export const FUZZY_THRESHOLD = 0.75;
/**
 * An approximate match found by searching the whole text must also keep some of its old surroundings: without
 * this, deleting a body sentence would re-anchor its note onto the highlight that repeats it.
 */
export const FUZZY_MIN_CONTEXT = 0.25;
/** Beyond this many DP cells the approximate search looks only near the old position. */
const SEARCH_BUDGET = 25_000_000;

/** An anchor for text[start..end), offsets clamped to the text. */
export function makeAnchor(text: string, start: number, end: number): Anchor {
  const s = clamp(Math.min(start, end), 0, text.length);
  const e = clamp(Math.max(start, end), 0, text.length);
  return {
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
    suffix: text.slice(e, e + CONTEXT_CHARS),
    start: s,
    end: e,
  };
}

/**
 * Finds an anchor's quote in a changed text, or null when it is gone (the note is orphaned). Never throws.
 *
 * 1. Exact: of all places the quote still occurs, the one whose surroundings agree best with the old prefix and
 *    suffix (characters agreeing outward from the quote); a tie goes to the one nearest the old position. So an
 *    unchanged text always gives back the original offsets, and a repeated phrase keeps to its own sentence.
 * 2. Fuzzy, when the quote itself was edited: first the stretch between the old prefix and the old suffix, if
 *    both still stand; else the substring of the whole text closest to the quote by edit distance, provided some
 *    of its old surroundings remain. Either way at least FUZZY_THRESHOLD of the quote must survive.
 */
export function reanchor(anchor: Anchor, newText: string): Reanchored | null {
  try {
    return exactMatch(anchor, newText) ?? boundedMatch(anchor, newText) ?? searchedMatch(anchor, newText);
  } catch {
    return null; // a malformed stored anchor orphans its note rather than breaking the view
  }
}

function exactMatch(a: Anchor, text: string): Reanchored | null {
  if (a.exact === '') return null;
  let best: { at: number; score: number } | null = null;
  for (let at = text.indexOf(a.exact); at !== -1; at = text.indexOf(a.exact, at + 1)) {
    const score = contextAgreement(a, text, at, at + a.exact.length);
    if (!best || score > best.score || (score === best.score && Math.abs(at - a.start) < Math.abs(best.at - a.start))) best = { at, score };
  }
  if (!best) return null;
  return { start: best.at, end: best.at + a.exact.length, exact: a.exact, fuzzy: false, similarity: 1, context: contextRatio(a, best.score) };
}

/** The old prefix and suffix both still stand, close together: whatever lies between them is the edited quote. */
function boundedMatch(a: Anchor, text: string): Reanchored | null {
  if (a.exact === '' || (a.prefix === '' && a.suffix === '')) return null;
  const starts = a.prefix === '' ? [0] : allIndexes(text, a.prefix).map((i) => i + a.prefix.length);
  let best: Reanchored | null = null;
  for (const s of starts) {
    const e = a.suffix === '' ? text.length : text.indexOf(a.suffix, s);
    if (e === -1 || e - s > 2 * a.exact.length + CONTEXT_CHARS) continue;
    const exact = text.slice(s, e);
    const sim = similarity(a.exact, exact);
    if (sim < FUZZY_THRESHOLD) continue;
    if (!best || sim > best.similarity || (sim === best.similarity && Math.abs(s - a.start) < Math.abs(best.start - a.start))) {
      best = { start: s, end: e, exact, fuzzy: true, similarity: sim, context: 1 };
    }
  }
  return best;
}

/**
 * Every place in the text close enough to the quote, chosen by how much of the old context surrounds it, then by
 * similarity, then by nearness to the old position.
 */
function searchedMatch(a: Anchor, text: string): Reanchored | null {
  const m = a.exact.length;
  if (m === 0 || text.length === 0) return null;
  let from = 0;
  let to = text.length;
  if (m * text.length > SEARCH_BUDGET) {
    const reach = Math.max(2000, Math.floor(SEARCH_BUDGET / m / 2));
    from = clamp(a.start - reach, 0, text.length);
    to = clamp(a.end + reach, from, text.length);
  }
  const hasContext = a.prefix.length + a.suffix.length > 0;
  let best: (Reanchored & { agreement: number }) | null = null;
  for (const found of approximateMatches(a.exact, text, Math.floor(m * (1 - FUZZY_THRESHOLD)), from, to)) {
    for (const c of snapped(a, text, found)) {
      const exact = text.slice(c.start, c.end);
      const sim = similarity(a.exact, exact);
      if (sim < FUZZY_THRESHOLD) continue;
      const agreement = contextAgreement(a, text, c.start, c.end);
      const context = contextRatio(a, agreement);
      if (hasContext && context < FUZZY_MIN_CONTEXT) continue;
      const better = !best
        || agreement > best.agreement
        || (agreement === best.agreement && (sim > best.similarity || (sim === best.similarity && Math.abs(c.start - a.start) < Math.abs(best.start - a.start))));
      if (better) best = { start: c.start, end: c.end, exact, fuzzy: true, similarity: sim, context, agreement };
    }
  }
  if (!best) return null;
  const { agreement: _agreement, ...found } = best;
  return found;
}

/**
 * An alignment's edges are loose: substituting a few characters past the end costs the same as deleting them.
 * Where the old suffix (or its start) or the old prefix (or its end) still stands near an edge, the edge moves
 * there, so "…when Putin visited." ends at its full stop and not inside the next paragraph.
 */
function snapped(a: Anchor, text: string, c: { start: number; end: number }): { start: number; end: number }[] {
  const slack = CONTEXT_CHARS + Math.ceil(a.exact.length * (1 - FUZZY_THRESHOLD));
  let end: number | null = null;
  for (const k of [a.suffix.length, 16, 8]) {
    const needle = a.suffix.slice(0, k);
    if (needle.trim().length < 4 || k > a.suffix.length) continue;
    end = nearest(text, needle, c.end, c.start + 1, c.end + slack, 0);
    if (end !== null) break;
  }
  let start: number | null = null;
  for (const k of [a.prefix.length, 16, 8]) {
    const needle = a.prefix.slice(-k);
    if (needle.trim().length < 4 || k > a.prefix.length) continue;
    start = nearest(text, needle, c.start, c.start - slack, c.end - 1, needle.length);
    if (start !== null) break;
  }
  const out = [c];
  if (end !== null && end > c.start) out.push({ start: c.start, end });
  if (start !== null && start < c.end) out.push({ start, end: c.end });
  if (start !== null && end !== null && start < end) out.push({ start, end });
  return out;
}

/** The occurrence of needle (shifted by `shift`) nearest `target` within lo..hi, or null. */
function nearest(text: string, needle: string, target: number, lo: number, hi: number, shift: number): number | null {
  let best: number | null = null;
  for (let i = text.indexOf(needle, Math.max(0, lo - shift)); i !== -1; i = text.indexOf(needle, i + 1)) {
    const at = i + shift;
    if (at > hi) break;
    if (at < lo) continue;
    if (best === null || Math.abs(at - target) < Math.abs(best - target)) best = at;
  }
  return best;
}

/** Characters of the old prefix (read backwards) and suffix (forwards) that still surround start..end. */
function contextAgreement(a: Anchor, text: string, start: number, end: number): number {
  let n = 0;
  for (let i = 1; i <= a.prefix.length && start - i >= 0 && text[start - i] === a.prefix[a.prefix.length - i]; i++) n++;
  for (let i = 0; i < a.suffix.length && end + i < text.length && text[end + i] === a.suffix[i]; i++) n++;
  return n;
}

function contextRatio(a: Anchor, agreement: number): number {
  const total = a.prefix.length + a.suffix.length;
  return total === 0 ? 1 : agreement / total;
}

function allIndexes(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && out.length < 1000; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
