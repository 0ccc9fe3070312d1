/**
 * Approximate matching for re-anchoring, written out rather than borrowed: it needs the best-matching *substring*
 * of a long text (semi-global alignment, Sellers 1980), which a whole-string diff does not give.
 */

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / the longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

export interface ApproxMatch {
  start: number;
  end: number;
  distance: number;
}

/**
 * Substrings of text[from..to) within `maxDistance` edits of `pattern`: for each stretch of consecutive end
 * positions that qualify, the one with the fewest edits (the earliest on a tie). So a quote repeated in two places
 * gives two candidates, and the caller can choose between them by context, not only by distance. Each cell of the
 * dynamic programme carries where its best alignment started, so the substring comes out without a traceback.
 * O(pattern × window) time, O(window) memory.
 */
export function approximateMatches(pattern: string, text: string, maxDistance: number, from = 0, to = text.length): ApproxMatch[] {
  const n = to - from;
  const m = pattern.length;
  if (m === 0 || n <= 0) return [];
  // Row 0: an alignment may start anywhere at no cost.
  let cost = Array.from({ length: n + 1 }, () => 0);
  let origin = Array.from({ length: n + 1 }, (_, j) => j);
  let nextCost = new Array<number>(n + 1);
  let nextOrigin = new Array<number>(n + 1);
  for (let i = 1; i <= m; i++) {
    nextCost[0] = i;
    nextOrigin[0] = 0;
    const pc = pattern[i - 1];
    for (let j = 1; j <= n; j++) {
      const diag = cost[j - 1]! + (pc === text[from + j - 1] ? 0 : 1);
      const up = cost[j]! + 1; // pattern character deleted
      const left = nextCost[j - 1]! + 1; // text character inserted
      if (diag <= up && diag <= left) {
        nextCost[j] = diag;
        nextOrigin[j] = origin[j - 1]!;
      } else if (up <= left) {
        nextCost[j] = up;
        nextOrigin[j] = origin[j]!;
      } else {
        nextCost[j] = left;
        nextOrigin[j] = nextOrigin[j - 1]!;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  const out: ApproxMatch[] = [];
  let best: ApproxMatch | null = null;
  for (let j = 1; j <= n + 1; j++) {
    const ok = j <= n && cost[j]! <= maxDistance && origin[j]! < j;
    if (ok && (!best || cost[j]! < best.distance)) best = { start: from + origin[j]!, end: from + j, distance: cost[j]! };
    if (!ok && best) {
      out.push(best);
      best = null;
    }
  }
  return out;
}
