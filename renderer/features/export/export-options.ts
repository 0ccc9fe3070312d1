import type { ExportSelection } from '../../../electron/core/api';
import type { ArchiveFormat } from '../../../electron/core/export/formats';

/** The single files the dialog can make; the per-article formats travel inside a bundle archive. */
export type ExportKind = 'bundle' | 'html' | 'csv';

/** What an export takes, as the editor chose it in the dialog. */
export type ExportTarget = { kind: 'bundle'; id: string } | { kind: 'selection'; ids: string[] } | { kind: 'all' };

/** Kept in step with the core's ARCHIVE_FORMATS by the type below; the core module itself is Node code. */
export const ARCHIVE_FORMATS = ['ninjs', 'claimreview', 'md', 'html', 'csv'] as const satisfies readonly ArchiveFormat[];
const _everyFormat: Exclude<ArchiveFormat, (typeof ARCHIVE_FORMATS)[number]> extends never ? true : false = true;
void _everyFormat;

export const ARCHIVE_FORMAT_LABELS: Record<ArchiveFormat, { label: string; hint: string }> = {
  ninjs: { label: 'ninjs 3.1', hint: 'IPTC JSON for a CMS, one file per article' },
  claimreview: { label: 'ClaimReview', hint: 'schema.org JSON-LD for each ruled claim' },
  md: { label: 'Markdown', hint: 'one .md per article, with front matter' },
  html: { label: 'HTML', hint: 'one printable page for the bundle' },
  csv: { label: 'CSV', hint: 'one row per article, for a spreadsheet' },
};

export const KIND_LABELS: Record<ExportKind, { label: string; extension: string; hint: string }> = {
  bundle: { label: 'Bundle archive', extension: '.cdbundle', hint: 'Everything, checksummed, for another desk or an archive' },
  html: { label: 'HTML page', extension: '.html', hint: 'One self-contained, print-friendly page' },
  csv: { label: 'CSV spreadsheet', extension: '.csv', hint: 'One row per article' },
};

export function toSelection(target: ExportTarget): ExportSelection {
  if (target.kind === 'bundle') return { bundle: target.id };
  if (target.kind === 'selection') return { ids: target.ids };
  return {};
}

/** The formats asked for, in the core's order, so the same choice always sends the same request. */
export const orderedFormats = (chosen: ReadonlySet<ArchiveFormat>): ArchiveFormat[] => ARCHIVE_FORMATS.filter((f) => chosen.has(f));

/** Whether the CSV inside (or as) the export is made, which is when the BOM choice matters. */
export const makesCsv = (kind: ExportKind, formats: ReadonlySet<ArchiveFormat>): boolean => kind === 'csv' || (kind === 'bundle' && formats.has('csv'));

/** ClaimReview names the organisation as its author; the desk refuses it without one, so say so before. */
export const needsOrganisation = (kind: ExportKind, formats: ReadonlySet<ArchiveFormat>, rulings: number, organisation: string | undefined): boolean =>
  kind === 'bundle' && formats.has('claimreview') && rulings > 0 && !(organisation ?? '').trim();

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** A job id the progress events carry back; only this window's dialog listens for it. */
export function newJobId(random: () => string = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`): string {
  return `ui-${random()}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
}
