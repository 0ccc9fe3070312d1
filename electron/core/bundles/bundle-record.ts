import { z } from 'zod';
import { RevisionSchema } from '../model.js';
import { foldBundle } from './bundle-fold.js';
import { sameBundleState } from './bundle-state.js';

/**
 * A curated bundle as stored: its history and, beside it, the state that history folds to. The fold is the
 * truth; the stored copy of the state is there so that every reader of the record (an export, an archive, a
 * person opening the file) sees the current name and order without replaying anything, and a copy that
 * disagrees with the history marks the file as damaged.
 */
export const MAX_BUNDLE_NAME = 200;
export const MAX_BUNDLE_DESCRIPTION = 5000;
/** Every revision that touches the list stores only the slice it changed, but creation stores the whole list. */
export const MAX_BUNDLE_ARTICLES = 10_000;

/** Bundles change only through their own revisions, so there is nothing to acknowledge: no `ack`. */
export const BundleRevisionSchema = RevisionSchema.extend({ op: z.enum(['edit', 'undo', 'redo']) });
export type BundleRevision = z.infer<typeof BundleRevisionSchema>;

export const BundleRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string(),
    description: z.string(),
    /** The bundle's articles in order; an id may outlive its article, and is then reported as missing. */
    articleIds: z.array(z.string()),
    deleted: z.boolean(),
    createdAt: z.string(),
    modifiedAt: z.string(),
    revisions: z.array(BundleRevisionSchema),
  })
  .superRefine((record, ctx) => {
    const folded = foldBundle(record.revisions);
    if (folded.broken) ctx.addIssue({ code: 'custom', path: ['revisions'], message: `revision ${folded.broken} does not apply to the bundle as it stood` });
    else if (!sameBundleState(folded.state, record)) ctx.addIssue({ code: 'custom', message: `bundle ${record.id} does not match its own history` });
  });
export type BundleRecord = z.infer<typeof BundleRecordSchema>;
