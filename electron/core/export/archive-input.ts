import { createHash } from 'node:crypto';
import { createBundle } from '../bundles/bundle-operations.js';
import type { BundleRecord } from '../bundles/bundle-record.js';
import type { ArchiveHeader } from './archive-builder.js';
import type { ArchiveFormat } from './formats.js';
import type { ResolvedSelection } from './selection.js';
import type { ExportContext } from './types.js';

/**
 * What a bundle archive says about itself, derived from desk state alone: the same state gives the same header,
 * and so (with the writer's fixed order and timestamps) the same bytes. The created time is the latest change
 * to anything exported — `latestArticleChange` is the greatest `modifiedAt` of the articles, the bundle's own
 * is weighed here — never the clock.
 */
export function archiveHeader(sel: ResolvedSelection, latestArticleChange: string, ctx: ExportContext, formats: readonly ArchiveFormat[]): ArchiveHeader {
  const latest = sel.bundle && sel.bundle.modifiedAt > latestArticleChange ? sel.bundle.modifiedAt : latestArticleChange;
  const bundle = sel.bundle ?? selectionBundle(sel, ctx.editorName, latest);
  return {
    bundle: { id: bundle.id, name: bundle.name, description: bundle.description },
    bundleRecord: bundle as unknown as Record<string, unknown>,
    created: latest,
    appVersion: ctx.appVersion,
    editor: ctx.editorName,
    formats,
  };
}

/**
 * An ad-hoc selection travels as a bundle too, so the desk that imports it gets the same curated set. Its id
 * comes from its contents, so exporting the same selection twice names the same bundle.
 */
function selectionBundle(sel: ResolvedSelection, editor: string, at: string): BundleRecord {
  const id = `x${createHash('sha256').update(sel.ids.join('\n'), 'utf8').digest('hex').slice(0, 10)}`;
  const name = `${sel.name} (exported ${at.slice(0, 10)})`;
  return createBundle(id, { name, description: sel.description, articleIds: sel.ids }, { editor, now: at });
}
