import { z } from 'zod';
import { sameValue } from '../revisions.js';

/**
 * What a bundle is at one point in its history, and how one revision changes it. Node-free, so the renderer can
 * fold a bundle's history itself.
 */
export interface BundleState {
  name: string;
  description: string;
  articleIds: string[];
  deleted: boolean;
}

/**
 * Before its first revision a bundle does not exist: creation is an ordinary revision from this state, so
 * undoing it takes the bundle away again and redoing it brings it back.
 */
export const emptyBundle = (): BundleState => ({ name: '', description: '', articleIds: [], deleted: true });

/**
 * The fields a bundle revision names. `bundle` is the whole state (creation), `details` the name and description
 * changed together. `articleIds` revisions hold a slice, not the whole list: `before` is the run of ids that stood
 * at index `at` and `after` the run that replaced it, so reordering a long bundle records a few ids, not the list
 * twice, and undo is still "put `before` back".
 */
export const BUNDLE_FIELDS = ['bundle', 'name', 'description', 'details', 'deleted', 'articleIds'] as const;
export type BundleField = (typeof BUNDLE_FIELDS)[number];

export interface ListSlice {
  at: number;
  ids: string[];
}

const Ids = z.array(z.string());
const VALUES: Record<BundleField, z.ZodType> = {
  bundle: z.strictObject({ name: z.string(), description: z.string(), articleIds: Ids, deleted: z.boolean() }),
  name: z.string(),
  description: z.string(),
  details: z.strictObject({ name: z.string(), description: z.string() }),
  deleted: z.boolean(),
  articleIds: z.strictObject({ at: z.number().int().nonnegative(), ids: Ids }),
};

const isField = (field: string): field is BundleField => (BUNDLE_FIELDS as readonly string[]).includes(field);

/** Only the four state fields, whatever else the object carries (a record has its id, history and times too). */
export const stateOf = ({ name, description, articleIds, deleted }: BundleState): BundleState => ({ name, description, articleIds, deleted });

export const sameBundleState = (a: BundleState, b: BundleState): boolean => sameValue(stateOf(a), stateOf(b));

export function getBundleField(state: BundleState, field: Exclude<BundleField, 'articleIds'>): unknown {
  switch (field) {
    case 'bundle': return stateOf(state);
    case 'details': return { name: state.name, description: state.description };
    default: return state[field];
  }
}

/**
 * The state after a change of `field` from `before` to `after`, or null when the change does not apply: an
 * unknown field, a malformed value, or a `before` that is not what stands. Revisions are only ever made against
 * the state as it stands, so null means a damaged history.
 */
export function applyBundleChange(state: BundleState, field: string, before: unknown, after: unknown): BundleState | null {
  if (!isField(field) || !VALUES[field].safeParse(before).success || !VALUES[field].safeParse(after).success) return null;
  if (field === 'articleIds') {
    const b = before as ListSlice;
    const a = after as ListSlice;
    if (a.at !== b.at || b.at > state.articleIds.length) return null;
    if (!sameValue(state.articleIds.slice(b.at, b.at + b.ids.length), b.ids)) return null;
    return { ...state, articleIds: [...state.articleIds.slice(0, b.at), ...a.ids, ...state.articleIds.slice(b.at + b.ids.length)] };
  }
  if (!sameValue(getBundleField(state, field), before)) return null;
  switch (field) {
    case 'bundle': return stateOf(after as BundleState);
    case 'details': return { ...state, ...(after as Pick<BundleState, 'name' | 'description'>) };
    case 'name': return { ...state, name: after as string };
    case 'description': return { ...state, description: after as string };
    case 'deleted': return { ...state, deleted: after as boolean };
  }
}

/** The smallest slice that turns `from` into `to`: trim the common head and tail, keep what lies between. */
export function diffSlice(from: readonly string[], to: readonly string[]): { before: ListSlice; after: ListSlice } {
  let head = 0;
  while (head < from.length && head < to.length && from[head] === to[head]) head++;
  let tail = 0;
  while (tail < from.length - head && tail < to.length - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  return { before: { at: head, ids: from.slice(head, from.length - tail) }, after: { at: head, ids: to.slice(head, to.length - tail) } };
}
