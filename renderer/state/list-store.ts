import { create } from 'zustand';
import type { Facets, ListItem, ListQuery } from '../../electron/core/api';
import type { Status } from '../../electron/core/statuses';
import { deskApi } from '../api';

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
  /** Loaded rows by index; the list is virtualised, so only pages near the viewport are ever fetched. */
  rows: Map<number, ListItem>;
  loading: boolean;
  error: string | null;
  selected: number;
  /** Bumped on every reload so late answers for an old query are ignored. */
  generation: number;
  setFilters(patch: Partial<ListFilters>): void;
  reload(): Promise<void>;
  ensureRange(start: number, end: number): void;
  select(index: number): void;
  move(delta: number): void;
}

const inflight = new Set<string>();

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
  const loadPage = async (page: number, generation: number): Promise<void> => {
    const key = `${generation}:${page}`;
    if (!deskApi || inflight.has(key)) return;
    inflight.add(key);
    const r = await deskApi.client.listArticles(toQuery(get(), page * PAGE_SIZE, PAGE_SIZE));
    inflight.delete(key);
    if (get().generation !== generation) return;
    if (!r.ok) {
      set({ loading: false, error: r.error.message });
      return;
    }
    const rows = new Map(get().rows);
    r.value.items.forEach((item, i) => rows.set(page * PAGE_SIZE + i, item));
    set({ rows, total: r.value.total, facets: r.value.facets, terms: r.value.terms, loading: false, error: null });
  };

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
    rows: new Map(),
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
      void get().reload();
    },

    async reload() {
      const generation = get().generation + 1;
      set({ generation, rows: new Map(), loading: true });
      await loadPage(0, generation);
    },

    ensureRange(start, end) {
      const { rows, total, generation } = get();
      if (total === null) return;
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(Math.min(end, total - 1) / PAGE_SIZE); page++) {
        if (!rows.has(page * PAGE_SIZE)) void loadPage(page, generation);
      }
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

/** Keeps the list true to the desk: any change pushed by the owner process reloads it. */
deskApi?.onEvent((e) => {
  if (e.type === 'articles-changed') void useList.getState().reload();
});
