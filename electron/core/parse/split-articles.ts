import { type Line, isContent } from './lines.js';

/**
 * Finds where articles start. The scraped page layout gives strong anchors: the furniture block
 * (Short Url / Updated / Follow) and the headline printed once before it and again after it. Either anchor
 * alone is enough; separators and long blank gaps split everything else.
 */
export interface Anchor {
  /** The headline lines, [headStart, headEnd). */
  headStart: number;
  headEnd: number;
  /** The furniture block, [furnitureStart, furnitureEnd); empty when only the repetition anchors the article. */
  furnitureStart: number;
  furnitureEnd: number;
  /** The repeated headline, [repeatStart, repeatEnd); empty when the headline is printed once. */
  repeatStart: number;
  repeatEnd: number;
}

export interface Region {
  from: number;
  to: number;
  anchor: Anchor | null;
}

const MAX_HEADLINE_LINES = 4;
const REPEAT_WINDOW = 8;
const BLANK_GAP = 3;
/** Headline, caption and the blanks between them fit in this many lines above the furniture. */
const HEAD_ZONE = 12;

export function splitArticles(lines: Line[]): Region[] {
  const regions: Region[] = [];
  for (const [lo, hi] of segments(lines)) regions.push(...splitSegment(lines, lo, hi));
  // Furniture alone (a page scraped without its story) is not an article; the file-level warning reports it.
  return regions.filter((r) => hasStory(lines, r.from, r.to));
}

function segments(lines: Line[]): [number, number][] {
  const out: [number, number][] = [];
  let lo = 0;
  lines.forEach((l, i) => {
    if (l.kind === 'separator') {
      out.push([lo, i]);
      lo = i + 1;
    }
  });
  out.push([lo, lines.length]);
  return out;
}

function splitSegment(lines: Line[], lo: number, hi: number): Region[] {
  const anchors = findAnchors(lines, lo, hi);
  if (anchors.length === 0) return splitOnBlankGaps(lines, lo, hi);

  const regions: Region[] = [];
  const firstStart = regionStart(anchors[0]!);
  if (hasContent(lines, lo, firstStart)) regions.push(...splitOnBlankGaps(lines, lo, firstStart));
  anchors.forEach((anchor, k) => {
    const from = regionStart(anchor);
    const to = k + 1 < anchors.length ? regionStart(anchors[k + 1]!) : hi;
    const bodyFrom = Math.max(anchor.headEnd, anchor.furnitureEnd, anchor.repeatEnd);
    const tail = findTrailingArticles(lines, bodyFrom, to);
    regions.push({ from, to: tail ?? to, anchor });
    if (tail !== null) regions.push(...splitOnBlankGaps(lines, tail, to));
  });
  return regions;
}

const regionStart = (a: Anchor): number => Math.min(a.headStart, a.furnitureStart);

function findAnchors(lines: Line[], lo: number, hi: number): Anchor[] {
  const anchors: Anchor[] = [];
  let bound = lo;
  for (const [fs, fe] of furnitureBlocks(lines, lo, hi)) {
    if (fs < bound) continue;
    const anchor = anchorAtFurniture(lines, bound, fs, fe, hi, anchors.length === 0);
    if (!anchor) continue;
    anchors.push(anchor);
    bound = Math.max(anchor.repeatEnd, anchor.furnitureEnd, anchor.headEnd);
  }
  if (anchors.length > 0) return anchors;
  return repetitionAnchors(lines, lo, hi);
}

/** Runs of furniture lines, blank lines allowed between them. A lone "Follow" in a body is not an anchor. */
function furnitureBlocks(lines: Line[], lo: number, hi: number): [number, number][] {
  const blocks: [number, number][] = [];
  let i = lo;
  while (i < hi) {
    if (!isFurniture(lines[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    let count = 1;
    let hasUpdated = lines[i]!.kind === 'updated';
    let j = end;
    while (j < hi && (lines[j]!.kind === 'blank' || isFurniture(lines[j]!))) {
      if (isFurniture(lines[j]!)) {
        end = j + 1;
        count++;
        hasUpdated ||= lines[j]!.kind === 'updated';
      }
      j++;
    }
    if (count >= 2 || hasUpdated) blocks.push([start, end]);
    i = end;
  }
  return blocks;
}

const isFurniture = (l: Line): boolean => l.kind === 'furniture' || l.kind === 'updated';

function anchorAtFurniture(lines: Line[], bound: number, fs: number, fe: number, hi: number, first: boolean): Anchor | null {
  const after = nextContent(lines, fe, hi);
  const run = after === -1 ? null : textRun(lines, after, hi);
  if (run) {
    // The repeat may run straight into the body, so try the longest headline first. The two printings may be
    // wrapped at different widths, so they are compared as joined text, not line by line.
    const zone = headZoneStart(lines, bound, fs);
    for (let len = run[1] - run[0]; len >= 1; len--) {
      const wanted = joinText(lines, run[0], run[0] + len);
      for (let p = fs - 1; p >= zone; p--) {
        for (let k = 1; k <= MAX_HEADLINE_LINES && p + k <= fs; k++) {
          if (!allText(lines, p, p + k)) break;
          if (joinText(lines, p, p + k) === wanted) {
            return { headStart: p, headEnd: p + k, furnitureStart: fs, furnitureEnd: fe, repeatStart: run[0], repeatEnd: run[0] + len };
          }
        }
      }
    }
  }
  // The headline is printed once: before the furniture if anything stands there, otherwise just after it.
  const head = headlineBefore(lines, bound, fs, first);
  if (head) return { headStart: head[0], headEnd: head[1], furnitureStart: fs, furnitureEnd: fe, repeatStart: fe, repeatEnd: fe };
  if (run) {
    const end = run[0] + 1;
    return { headStart: run[0], headEnd: end, furnitureStart: fs, furnitureEnd: fe, repeatStart: end, repeatEnd: end };
  }
  return { headStart: fs, headEnd: fs, furnitureStart: fs, furnitureEnd: fe, repeatStart: fe, repeatEnd: fe };
}

/**
 * How far above the furniture its headline can stand: not past an article-splitting blank gap, and not far. Without
 * this, a duplicated story's body line matched the next story's first paragraph and was taken for its headline.
 */
function headZoneStart(lines: Line[], bound: number, fs: number): number {
  let blanks = 0;
  for (let i = fs - 1; i >= bound; i--) {
    blanks = lines[i]!.kind === 'blank' ? blanks + 1 : 0;
    if (blanks >= BLANK_GAP) return i + blanks;
    if (fs - i >= HEAD_ZONE) return i;
  }
  return bound;
}

/**
 * Where the headline stands when it is not repeated. In a segment's first article everything before the
 * furniture is headline and caption. In a later one the previous body comes first, so the headline is the last
 * block, or the one before it when the last block is a credited caption.
 */
function headlineBefore(lines: Line[], bound: number, fs: number, first: boolean): [number, number] | null {
  const blocks = contentBlocks(lines, bound, fs).map((b) => withoutCaption(lines, b));
  if (blocks.length === 0) return null;
  if (first) {
    const b = blocks.find((x) => x[1] > x[0]) ?? blocks[0]!;
    return [b[0], Math.min(b[1], b[0] + MAX_HEADLINE_LINES)];
  }
  const last = blocks.at(-1)!;
  const prev = blocks.at(-2);
  // A caption standing alone as the last block: the headline is the block above it.
  const pick = last[1] === last[0] && prev && prev[1] - prev[0] <= MAX_HEADLINE_LINES ? prev : last;
  if (pick[1] === pick[0]) return null;
  const start = pick[1] - pick[0] <= MAX_HEADLINE_LINES ? pick[0] : pick[1] - 1;
  return [start, pick[1]];
}

/** A block's last line is a caption when it ends with a credit; it is never part of the headline. */
function withoutCaption(lines: Line[], [a, b]: [number, number]): [number, number] {
  return CREDIT_AT_END.test(lines[b - 1]!.text) ? [a, b - 1] : [a, b];
}

export const CREDIT_AT_END = /\(([^()]{1,80})\)\s*$/u;

function contentBlocks(lines: Line[], a: number, b: number): [number, number][] {
  const blocks: [number, number][] = [];
  let i = a;
  while (i < b) {
    if (!isContent(lines[i]!)) {
      i++;
      continue;
    }
    const s = i;
    while (i < b && isContent(lines[i]!)) i++;
    blocks.push([s, i]);
  }
  return blocks;
}

function repetitionAnchors(lines: Line[], lo: number, hi: number): Anchor[] {
  const anchors: Anchor[] = [];
  let i = lo;
  while (i < hi) {
    const l = lines[i]!;
    if (l.kind === 'text' && l.text.length <= 250) {
      const limit = Math.min(hi, i + REPEAT_WINDOW);
      for (let j = i + 1; j < limit; j++) {
        if (lines[j]!.kind === 'text' && lines[j]!.text.trim() === l.text.trim()) {
          anchors.push({ headStart: i, headEnd: i + 1, furnitureStart: i + 1, furnitureEnd: i + 1, repeatStart: j, repeatEnd: j + 1 });
          i = j;
          break;
        }
      }
    }
    i++;
  }
  // A quote repeated within a body must not cut the article: only a repetition that opens a region counts.
  return anchors.filter((a, k) => k === 0 ? !hasContent(lines, lo, a.headStart) || precededByGap(lines, a.headStart, lo) : precededByGap(lines, a.headStart, lo));
}

function precededByGap(lines: Line[], at: number, lo: number): boolean {
  return at === lo || (at > lo && lines[at - 1]!.kind === 'blank');
}

/** Content after ≥3 blank lines that is itself a complete article (two or more lines) starts a new region. */
function findTrailingArticles(lines: Line[], from: number, to: number): number | null {
  const gaps = blankGaps(lines, from, to);
  for (const [, gapEnd] of gaps) {
    if (hasContent(lines, from, gapEnd) && contentLines(lines, gapEnd, to) >= 2) return gapEnd;
  }
  return null;
}

function splitOnBlankGaps(lines: Line[], lo: number, hi: number): Region[] {
  const cuts = [lo];
  for (const [, gapEnd] of blankGaps(lines, lo, hi)) cuts.push(gapEnd);
  cuts.push(hi);
  const regions: Region[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]!;
    const to = cuts[k + 1]!;
    const complete = contentLines(lines, from, to) >= 2;
    const prev = regions.at(-1);
    // "Between complete articles": a stray line after a gap stays with the article before it.
    if (!complete && prev) prev.to = to;
    else if (prev && contentLines(lines, prev.from, prev.to) < 2) prev.to = to;
    else regions.push({ from, to, anchor: null });
  }
  return regions;
}

function blankGaps(lines: Line[], lo: number, hi: number): [number, number][] {
  const gaps: [number, number][] = [];
  let i = lo;
  while (i < hi) {
    if (lines[i]!.kind !== 'blank') {
      i++;
      continue;
    }
    const s = i;
    while (i < hi && lines[i]!.kind === 'blank') i++;
    if (i - s >= BLANK_GAP && hasContent(lines, lo, s) && i < hi) gaps.push([s, i]);
  }
  return gaps;
}

function nextContent(lines: Line[], from: number, hi: number): number {
  for (let i = from; i < hi; i++) if (isContent(lines[i]!)) return i;
  return -1;
}

function textRun(lines: Line[], at: number, hi: number): [number, number] | null {
  if (lines[at]!.kind !== 'text') return null;
  let e = at;
  while (e < hi && e - at < MAX_HEADLINE_LINES && lines[e]!.kind === 'text') e++;
  return [at, e];
}

function allText(lines: Line[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (lines[i]?.kind !== 'text') return false;
  return true;
}

export function joinText(lines: Line[], a: number, b: number): string {
  const parts: string[] = [];
  for (let i = a; i < b; i++) parts.push(lines[i]!.text.trim());
  return parts.join(' ').replace(/\s+/gu, ' ');
}

function hasContent(lines: Line[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (lines[i]!.kind !== 'blank' && lines[i]!.kind !== 'separator') return true;
  return false;
}

function hasStory(lines: Line[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (lines[i]!.kind === 'text' || lines[i]!.kind === 'bullet') return true;
  return false;
}

function contentLines(lines: Line[], a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (isContent(lines[i]!) && lines[i]!.kind !== 'furniture') n++;
  return n;
}
