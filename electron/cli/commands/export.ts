import { exportContext } from '../../core/export/export-handlers.js';
import { ARCHIVE_FORMATS, type ArchiveFormat, EXPORT_FORMATS, type ExportFormat } from '../../core/export/formats.js';
import { type ExportOutcome, exportToPath } from '../../core/export/run-export.js';
import type { ExportSelection } from '../../core/export/selection.js';
import { STATUSES, type Status } from '../../core/statuses.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { call, resolveArticleId } from '../desk-calls.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';

export const exportUsage = `Usage: copydesk export --format ninjs|claimreview|md|html|csv|bundle --out PATH
                        [--bundle NAME | --ids a,b,… | --tag T | --status S] [--formats ninjs,md,…] [--bom] [--db DIR] [--json]

Exports articles with their corrections applied. The same desk state always gives the same bytes.

  ninjs        one IPTC ninjs 3.1 JSON file per article (<id>.ninjs.json) into the folder PATH
  claimreview  one schema.org ClaimReview JSON-LD file per article with a rated verdict into the folder PATH
  md           one Markdown file per article (<id>.md) with YAML front matter into the folder PATH
  html         one self-contained, printable page for all of them, the file PATH
  csv          one row per article, the file PATH (--bom starts it with a UTF-8 byte order mark, for Excel)
  bundle       a verifiable bundle archive (a zip), the file PATH; --formats chooses what it holds
               (default: all of ${ARCHIVE_FORMATS.join(', ')}); \`copydesk import PATH\` restores it on any desk

Which articles, in this order (no selector: every article that is not spiked, in import order):
  --bundle NAME  the bundle with this name or id, in the bundle's order
  --ids a,b,…    these articles, in the order given; each id may be any unique prefix
  --tag T        every article tagged T that is not spiked
  --status S     every article with status S (${STATUSES.join(', ')})

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print {format, path, articles, files, skipped, missing, size, sha256}`;

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...DB_OPTION,
    format: { type: 'string' },
    out: { type: 'string' },
    bundle: { type: 'string' },
    ids: { type: 'string' },
    tag: { type: 'string' },
    status: { type: 'string' },
    formats: { type: 'string' },
    bom: { type: 'boolean' },
  });
  if (values.help) {
    io.out(exportUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`export takes no arguments (got "${positionals[0]}"); name the output with --out`);
  const format = values.format;
  if (!format) throw new UsageError(`export needs --format, one of ${EXPORT_FORMATS.join(', ')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`);
  if (!values.out) throw new UsageError('export needs --out PATH (a folder for ninjs, claimreview and md; a file for html, csv and bundle)');
  const formats = values.formats === undefined ? undefined : archiveFormats(values.formats, format as ExportFormat);
  if (values.bom && format !== 'csv') throw new UsageError('--bom applies only to --format csv');
  const given = (['bundle', 'ids', 'tag', 'status'] as const).filter((k) => values[k] !== undefined);
  if (given.length > 1) throw new UsageError(`choose the articles one way: ${given.map((k) => `--${k}`).join(' and ')} were both given`);
  if (values.status !== undefined && !(STATUSES as readonly string[]).includes(values.status)) {
    throw new UsageError(`unknown status "${values.status}": use one of ${STATUSES.join(', ')}`);
  }

  const outcome = await withDesk(io, values.db, { quiet: true }, async (service) => {
    const selection: ExportSelection = values.bundle !== undefined ? { bundle: values.bundle }
      : values.ids !== undefined ? { ids: idList(values.ids).map((id) => resolveArticleId(service, id)) }
      : values.tag !== undefined ? { tag: values.tag }
      : values.status !== undefined ? { status: values.status as Status }
      : {};
    const settings = await call(service, 'getSettings', {});
    return exportToPath(service.desk, exportContext(settings), { format: format as ExportFormat, formats, selection, bom: values.bom }, values.out!);
  });
  if (values.json) printJson(io, outcome);
  else printOutcome(io, outcome);
  return 0;
}

function idList(raw: string): string[] {
  const ids = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) throw new UsageError('--ids takes article ids separated by commas, such as --ids 1084,9f2c');
  return ids;
}

function archiveFormats(raw: string, format: ExportFormat): ArchiveFormat[] {
  if (format !== 'bundle') throw new UsageError('--formats applies only to --format bundle');
  const list = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = list.filter((f) => !(ARCHIVE_FORMATS as readonly string[]).includes(f));
  if (list.length === 0 || bad.length > 0) throw new UsageError(`--formats takes a comma-separated list of ${ARCHIVE_FORMATS.join(', ')}${bad.length ? ` (not "${bad.join('", "')}")` : ''}`);
  return [...new Set(list)] as ArchiveFormat[];
}

function printOutcome(io: Io, o: ExportOutcome): void {
  const n = `${o.articles} article${o.articles === 1 ? '' : 's'}`;
  if (o.size === null) io.out(`${o.format}: ${o.files} file${o.files === 1 ? '' : 's'} for ${n} in ${o.path}${o.skipped ? ` (${o.skipped} without a rated verdict, no file)` : ''}`);
  else io.out(`${o.format}: ${n} → ${o.path} (${o.size} bytes, sha256 ${o.sha256})`);
  if (o.missing.length > 0) io.err(`copydesk export: ${o.missing.length} article${o.missing.length === 1 ? ' in the bundle is' : 's in the bundle are'} no longer on the desk and left out: ${o.missing.join(', ')}`);
}
