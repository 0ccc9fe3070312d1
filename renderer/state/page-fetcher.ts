/**
 * Decides which list pages to ask the desk for. Only the latest wanted range counts, pages are asked for once
 * the view has stayed on them for `settleMs`, and at most `maxInFlight` requests are out at once: a fast scroll
 * through 100,000 rows passes hundreds of pages, and asking for each as it went by left a queue the desk
 * answered long after the scroll had stopped, each answer (a megabyte of JSON at 100k) parsed for nothing.
 * Pages nearest the middle of the view are asked for first.
 */
export interface PageFetcherOptions {
  pageSize: number;
  maxInFlight: number;
  /** How long the wanted pages must stay the same before they are asked for (0: at once). */
  settleMs: number;
  loaded(page: number): boolean;
  /** Fetches and stores one page; resolves false if it failed (it is then not asked for again this round). */
  load(page: number): Promise<boolean>;
}

export interface PageFetcher {
  /**
   * The rows now shown, `first` to `last` inclusive (already clamped to the list's length). `now` skips the
   * wait for the view to settle (the first page of a new query).
   */
  want(first: number, last: number, now?: boolean): void;
  /** A new query: forget what was wanted, in flight or failed (late answers are the caller's to ignore). */
  reset(): void;
}

interface Round {
  wanted: { first: number; last: number } | null;
  /** The wanted pages' span, to tell a view that moved to other pages from one that moved a row. */
  span: string;
  inFlight: Set<number>;
  failed: Set<number>;
}

const newRound = (): Round => ({ wanted: null, span: '', inFlight: new Set(), failed: new Set() });

export function createPageFetcher({ pageSize, maxInFlight, settleMs, loaded, load }: PageFetcherOptions): PageFetcher {
  let round = newRound();
  let settling: ReturnType<typeof setTimeout> | null = null;
  const settle = (r: Round): void => {
    if (settling !== null) clearTimeout(settling);
    settling = setTimeout(() => {
      settling = null;
      pump(r);
    }, settleMs);
  };

  const pump = (r: Round): void => {
    if (r !== round || !r.wanted) return;
    for (const page of nearestFirst(r.wanted.first, r.wanted.last, pageSize)) {
      if (r.inFlight.size >= maxInFlight) return;
      if (r.inFlight.has(page) || r.failed.has(page) || loaded(page)) continue;
      r.inFlight.add(page);
      void load(page)
        .catch(() => false)
        .then((ok) => {
          r.inFlight.delete(page);
          if (!ok) r.failed.add(page);
          // While the view is still moving, its wait decides; otherwise the next wanted page goes out now.
          if (settling === null) pump(r);
        });
    }
  };

  return {
    want(first, last, now = false) {
      const wanted = { first: Math.max(0, first), last: Math.max(0, first, last) };
      const span = `${Math.floor(wanted.first / pageSize)}-${Math.floor(wanted.last / pageSize)}`;
      const moved = span !== round.span;
      round.wanted = wanted;
      round.span = span;
      if (now || settleMs === 0) pump(round);
      else if (moved) settle(round);
      // Same pages as before: a wait already running stands, and a settled view was served.
    },
    reset() {
      if (settling !== null) clearTimeout(settling);
      settling = null;
      round = newRound();
    },
  };
}

/** The pages covering `first`…`last`, the one holding the middle row first, then alternately outwards. */
export function nearestFirst(first: number, last: number, pageSize: number): number[] {
  const from = Math.floor(first / pageSize);
  const to = Math.floor(last / pageSize);
  const middle = Math.floor((first + last) / 2 / pageSize);
  const pages: number[] = [];
  for (let d = 0; pages.length < to - from + 1; d++) {
    if (middle - d >= from && middle - d <= to) pages.push(middle - d);
    if (d > 0 && middle + d >= from && middle + d <= to) pages.push(middle + d);
  }
  return pages;
}
