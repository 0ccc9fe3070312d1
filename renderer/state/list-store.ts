import { create } from 'zustand';
import type { Facets, ListItem, ListQuery } from '../../electron/core/api';
import type { Status } from '../../electron/core/statuses';
import { deskApi } from '../api';
import { type Pages, rowAt, withPage } from './list-pages';
import { createPageFetcher } from './page-fetcher';
import { sameStrings, shareFacets } from './share-facets';

export const PAGE_SIZE = 100;

export type SortKey = NonNullable<ListQuery['sort']>;
export type ClaimsFilter = NonNullable<ListQuery['claims']>;

/** An entity chosen in the fact-check panel: its name, and the other names the article counts under it. */
export interface MentionsFilter {
  name: string;
  aliases: string[];
}

export interface ListFilters {
  query: string;
  sort: SortKey | 'relevance';
  order: 'asc' | 'desc';
  statuses: Status[];
  tag: string;
  file: string;
  hasWarnings: boolean | null;
  claims: ClaimsFilter | null;
  mentions: MentionsFilter | null;
}

interface ListState extends ListFilters {
  total: number | null;
  facets: Facets | null;
  terms: string[];
  /** Loaded rows, a page at a time; the list is virtualised, so only pages near the viewport are ever fetched. */
  pages: Pages<ListItem>;
  loading: boolean;
  error: string | null;
  selected: number;
  /** Bumped on every reload so late answers for an old query are ignored. */
  generation: number;
  setFilters(patch: Partial<ListFilters>): void;
  reload(): void;
  /** The rows now in view: their pages are fetched, and no others (see page-fetcher.ts). */
  ensureRange(start: number, end: number): void;
  select(index: number): void;
  move(delta: number): void;
}

/** Two requests out at once, for the rows in view and those beside them; never a queue behind a fast scroll. */
const MAX_IN_FLIGHT = 2;
/**
 * Pages are asked for once the view has stayed on them this long: a fling past a page in less does not ask for
 * it. The view fetches 12 rows beyond each edge (ArticleList's overscan), so a reader scrolling at a normal pace
 * still finds the next rows there.
 */
const SETTLE_MS = 100;

let firstAnswer: () => void = () => {};
/**
 * Settles when the list's first page has been answered (or has failed). Start-up requests that can wait
 * (bundles, settings, notices) wait for it, so the desk works on the list first and its rows show sooner.
 */
export const firstPageAnswered: Promise<void> = deskApi ? new Promise((resolve) => (firstAnswer = resolve)) : Promise.resolve();

export function toQuery(s: ListFilters, offset: number, limit: number): ListQuery {
  return {
    offset,
    limit,
    ...(s.query.trim() ? { query: s.query.trim() } : {}),
    ...(s.sort !== 'relevance' ? { sort: s.sort, order: s.order } : {}),
    ...(s.statuses.length ? { statuses: s.statuses } : {}),
    ...(s.tag ? { tag: s.tag } : {}),
    ...(s.file ? { file: s.file } : {}),
    ...(s.hasWarnings !== null ? { hasWarnings: s.hasWarnings } : {}),
    ...(s.claims ? { claims: s.claims } : {}),
    ...(s.mentions ? { mentions: s.mentions.name, ...(s.mentions.aliases.length ? { mentionAliases: s.mentions.aliases.slice(0, 50) } : {}) } : {}),
  };
}

export const useList = create<ListState>((set, get) => {
  /** The page at the middle of the view, around which loaded pages are kept. */
  let viewPage = 0;
  /** Fetches one page of the current query; an answer for an older query is dropped. */
  const loadPage = async (page: number): Promise<boolean> => {
    const generation = get().generation;
    if (!deskApi) return false;
    const r = await deskApi.client.listArticles(toQuery(get(), page * PAGE_SIZE, PAGE_SIZE));
    if (get().generation !== generation) return true;
    firstAnswer();
    if (!r.ok) {
      set({ loading: false, error: r.error.message });
      return false;
    }
    const s = get();
    // A desk may leave the facets out of later pages (they count the whole desk, not the page): keep ours.
    const sent: Facets | undefined = r.value.facets;
    const facets = sent ? shareFacets(s.facets, sent) : s.facets;
    set({
      pages: withPage(s.pages, page, r.value.items, viewPage),
      total: r.value.total,
      facets,
      terms: sameStrings(s.terms, r.value.terms) ? s.terms : r.value.terms,
      loading: false,
      error: null,
    });
    return true;
  };
  const fetcher = createPageFetcher({ pageSize: PAGE_SIZE, maxInFlight: MAX_IN_FLIGHT, settleMs: SETTLE_MS, loaded: (page) => get().pages.has(page), load: loadPage });

  return {
    query: '',
    sort: 'import',
    order: 'asc',
    statuses: [],
    tag: '',
    file: '',
    hasWarnings: null,
    claims: null,
    mentions: null,
    total: null,
    facets: null,
    terms: [],
    pages: new Map(),
    loading: true,
    error: deskApi ? null : 'This page was opened without its access token. Open the exact URL that `copydesk serve` printed.',
    selected: 0,
    generation: 0,

    setFilters(patch) {
      const next = { ...patch };
      // A new search ranks by relevance; clearing it returns to the chosen order.
      if (patch.query !== undefined && patch.sort === undefined) {
        if (patch.query.trim() && !get().query.trim()) next.sort = 'relevance';
        if (!patch.query.trim() && get().sort === 'relevance') next.sort = 'import';
      }
      set({ ...next, selected: 0 });
      get().reload();
    },

    reload() {
      fetcher.reset();
      set({ generation: get().generation + 1, pages: new Map(), loading: true });
      // The first page also tells the list how long it is; the view then asks for the rows it shows.
      fetcher.want(0, 0, true);
    },

    ensureRange(start, end) {
      const { total } = get();
      if (total === null || total === 0) return;
      viewPage = Math.floor((start + end) / 2 / PAGE_SIZE);
      fetcher.want(Math.min(start, total - 1), Math.min(end, total - 1));
    },

    select(index) {
      const total = get().total ?? 0;
      set({ selected: Math.max(0, Math.min(index, total - 1)) });
    },

    move(delta) {
      get().select(get().selected + delta);
    },
  };
});

/** The loaded row at `index` in the list, if its page is held. */
export const listRowAt = (index: number): ListItem | undefined => rowAt(useList.getState().pages, index, PAGE_SIZE);

// The list's first page, asked for as soon as the store exists (main.tsx imports this module before anything
// else): the desk answers it before any other start-up request, and the rows show as soon as they can.
useList.getState().reload();

/** Keeps the list true to the desk: any change pushed by the owner process reloads it. */
deskApi?.onEvent((e) => {
  if (e.type === 'articles-changed') useList.getState().reload();
});
