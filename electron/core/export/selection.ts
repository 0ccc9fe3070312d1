import { z } from 'zod';
import type { BundleRecord } from '../bundles/bundle-record.js';
import { bundleNamed } from '../bundles/bundle-names.js';
import { listIds } from '../bundles/bundle-operations.js';
import { StatusSchema } from '../model.js';
import { DeskError } from '../result.js';
import type { Desk } from '../store/desk-store.js';

/**
 * What an export takes: one bundle (by id or name), an explicit list of ids, a tag, or a status. With none of
 * them it takes every article that is not spiked, as `copydesk export` promises; a tag, like the list's tag
 * filter, leaves spiked copy out too, while asking for a status (spiked included) means exactly that status.
 */
export const ExportSelectionSchema = z
  .strictObject({
    bundle: z.string().min(1).max(200).optional(),
    ids: z.array(z.string().min(1).max(128)).min(1).max(100_000).optional(),
    tag: z.string().min(1).max(200).optional(),
    status: StatusSchema.optional(),
  })
  .refine((s) => [s.bundle, s.ids, s.tag, s.status].filter((v) => v !== undefined).length <= 1, 'choose one of bundle, ids, tag or status');
export type ExportSelection = z.infer<typeof ExportSelectionSchema>;

export interface ResolvedSelection {
  /** The bundle being exported, or null for an ad-hoc selection. */
  bundle: BundleRecord | null;
  /** What the selection is called in the archive and the HTML page. */
  name: string;
  description: string;
  /** Article ids in export order: the bundle's order, the order given, or import order. */
  ids: string[];
  /** Bundle members no longer on the desk; exported without them, and said so. */
  missing: string[];
}

export function resolveSelection(desk: Desk, sel: ExportSelection): ResolvedSelection {
  if (sel.bundle !== undefined) {
    const live = desk.bundles().filter((b) => !b.deleted);
    const bundle = live.find((b) => b.id === sel.bundle) ?? bundleNamed(live, sel.bundle);
    if (!bundle) throw new DeskError('NOT_FOUND', `no bundle with the id or name "${sel.bundle}"`);
    const ids = bundle.articleIds.filter((id) => desk.summary(id));
    return { bundle, name: bundle.name, description: bundle.description, ids, missing: bundle.articleIds.filter((id) => !desk.summary(id)) };
  }
  if (sel.ids !== undefined) {
    const unknown = sel.ids.filter((id) => !desk.summary(id));
    if (unknown.length > 0) throw new DeskError('NOT_FOUND', `no article with id ${listIds(unknown)}`);
    const ids = [...new Set(sel.ids)];
    return { bundle: null, name: `${ids.length} selected article${ids.length === 1 ? '' : 's'}`, description: '', ids, missing: [] };
  }
  const all = desk.list();
  if (sel.tag !== undefined) {
    const key = sel.tag.trim().toLowerCase();
    const tagged = all.filter((a) => a.status !== 'spiked' && a.tags.some((t) => t.trim().toLowerCase() === key));
    // Named as the desk spells the tag, so "--tag KOREA" and "--tag korea" export the same bytes.
    const spelt = tagged[0]?.tags.find((t) => t.trim().toLowerCase() === key) ?? sel.tag.trim();
    return { bundle: null, name: `Tagged "${spelt}"`, description: '', ids: tagged.map((a) => a.id), missing: [] };
  }
  if (sel.status !== undefined) {
    const ids = all.filter((a) => a.status === sel.status).map((a) => a.id);
    return { bundle: null, name: `Status ${sel.status}`, description: '', ids, missing: [] };
  }
  return { bundle: null, name: 'All articles', description: 'Every article on the desk that is not spiked.', ids: all.filter((a) => a.status !== 'spiked').map((a) => a.id), missing: [] };
}
